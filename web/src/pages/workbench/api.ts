import { api } from '../../api/client.ts';

export interface DoneItem {
  actionId: number;
  at: string;
  kind: string;
  kindName: string;
  stepName: string | null;
  outcomeName: string | null;
  opinion: string | null;
  projectId: string;
  projectCode: string;
  projectName: string;
  stateName: string;
}

export interface StartedItem {
  projectId: string;
  projectCode: string;
  projectName: string;
  ownerName: string;
  state: string;
  stateName: string;
  totalBudget: string;
  createdAt: string;
  updatedAt: string;
}

export interface SearchHit {
  kind: string;
  id: string;
  title: string;
  code: string | null;
  subtitle: string;
  path: string;
}

export interface SearchResult {
  q: string;
  groups: { kind: string; kindName: string; total: number; items: SearchHit[] }[];
}

type Query = Record<string, string | number>;

export const listDone = (query: Query, signal: AbortSignal) =>
  api.get<{ items: DoneItem[]; total: number }>('/api/workbench/done', { query, signal });
export const listStarted = (query: Query, signal: AbortSignal) =>
  api.get<{ items: StartedItem[]; total: number }>('/api/workbench/started', { query, signal });
export const searchAll = (q: string, signal: AbortSignal) =>
  api.get<SearchResult>('/api/search', { query: { q }, signal });
