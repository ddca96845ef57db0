/**
 * Types of the 查重 API (src/dedup/schemas.ts), as aliases of the types generated from the OpenAPI
 * document (web/src/api/schema.ts, `npm run gen:api-types`).
 */
import type { ApiBody, ApiQuery, ApiResponse } from '../../api/client.ts';

export type CheckRequest = ApiBody<'/api/dedup/check', 'post'>;
export type CheckResult = ApiResponse<'/api/dedup/check', 'post'>;
export type CheckHit = CheckResult['hits'][number];
export type HitLevel = CheckHit['level'];
export type HitKind = CheckHit['kind'];
export type Mark = CheckHit['queryMarks'][number];
export type DocText = CheckHit['candidate'];

export type ProjectChecks = ApiResponse<'/api/projects/{id}/dedup', 'get'>;
export type StoredCheck = ProjectChecks['checks'][number];
export type StoredHit = StoredCheck['hits'][number];

export type ListCode = NonNullable<ApiQuery<'/api/dedup/lists', 'get'>['list']>;
export type ListEntry = ApiResponse<'/api/dedup/lists', 'get'>['items'][number];
/** What the list form edits: the body of POST /api/dedup/lists without the list it goes to. */
export type ListEntryDraft = Omit<ApiBody<'/api/dedup/lists', 'post'>, 'list'>;
