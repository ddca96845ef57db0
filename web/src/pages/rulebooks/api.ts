import { api } from '../../api/client.ts';
import type { RulebookListResponse } from '../../api/types.ts';

/** Arrives with the rules engine (later issue); until then the server answers 404. */
export const listRulebooks = (signal: AbortSignal) =>
  api.get<RulebookListResponse>('/api/rulebooks', { signal });
