import { api } from '../../api/client.ts';
import type { DeriveRulebookRequest, RulebookDetail, RulebookListResponse } from '../../api/types.ts';

export const listRulebooks = (signal: AbortSignal) =>
  api.get<RulebookListResponse>('/api/rulebooks', { signal });

/** The latest version unless `version` is given. */
export const getRulebook = (code: string, version: number | undefined, signal: AbortSignal) =>
  api.get<RulebookDetail>(`/api/rulebooks/${encodeURIComponent(code)}`, { query: { version }, signal });

/** sys_admin: stores a new version of rulebook `code` derived from `body.baseCode` (DT-37). */
export const deriveRulebook = (code: string, body: DeriveRulebookRequest) =>
  api.post<RulebookDetail>(`/api/rulebooks/${encodeURIComponent(code)}/versions`, body);
