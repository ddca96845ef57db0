/** Calls of the 查重 pages. */
import { type ApiResponse, api } from '../../api/client.ts';
import type { CheckRequest, CheckResult, ListCode, ListEntryDraft, ProjectChecks } from './types.ts';

export const checkProposal = (body: CheckRequest, signal?: AbortSignal) =>
  api.post<CheckResult>('/api/dedup/check', body, { signal });

export const projectChecks = (projectId: string) =>
  api.get<ProjectChecks>(`/api/projects/${projectId}/dedup`);

export const acknowledgeHit = (projectId: string, hitId: string, note: string, version: number) =>
  api.post<null>(`/api/projects/${projectId}/dedup/hits/${hitId}/acknowledge`, { note, version });

export const listEntries = (list: ListCode) =>
  api.get<ApiResponse<'/api/dedup/lists', 'get'>>('/api/dedup/lists', { query: { list } });

export const createEntry = (list: ListCode, draft: ListEntryDraft) =>
  api.post<ApiResponse<'/api/dedup/lists', 'post'>>('/api/dedup/lists', { list, ...draft });

export const updateEntry = (id: string, draft: ListEntryDraft & { version: number }) =>
  api.put<null>(`/api/dedup/lists/${id}`, draft);
