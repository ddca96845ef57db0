/** Calls of the workbench pages; the types are aliases of the generated API types (web/src/api/schema.ts). */
import { type ApiResponse, api } from '../../api/client.ts';

type DoneList = ApiResponse<'/api/workbench/done', 'get'>;
type StartedList = ApiResponse<'/api/workbench/started', 'get'>;
export type DoneItem = DoneList['items'][number];
export type StartedItem = StartedList['items'][number];
export type SearchResult = ApiResponse<'/api/search', 'get'>;
export type SearchHit = SearchResult['groups'][number]['items'][number];
/** A page of 待办 with how many match in all and how many of those are overdue. */
export type TaskPage = ApiResponse<'/api/tasks', 'get'>;
export type TaskItem = TaskPage['items'][number];

type Query = Record<string, string | number>;

export const listDone = (query: Query, signal: AbortSignal) =>
  api.get<DoneList>('/api/workbench/done', { query, signal });
export const listStarted = (query: Query, signal: AbortSignal) =>
  api.get<StartedList>('/api/workbench/started', { query, signal });
/**
 * A page of 待办 (`limit`/`offset`, filters `projectId`, `q`, `kind`), oldest arrival first, with the
 * total and the overdue count of all that match.
 */
export const listTasks = (query: Query, signal: AbortSignal) =>
  api.get<TaskPage>('/api/tasks', { query, signal });
export const searchAll = (q: string, signal: AbortSignal) =>
  api.get<SearchResult>('/api/search', { query: { q }, signal });
