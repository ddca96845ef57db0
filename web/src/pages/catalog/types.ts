/**
 * Types of the catalog API (src/catalog/http/schemas.ts), as aliases of the types generated from the
 * OpenAPI document (web/src/api/schema.ts, `npm run gen:api-types`). No logic here.
 */
import type { ApiBody, ApiResponse } from '../../api/client.ts';

/** GET /api/catalog/meta */
export type CatalogMeta = ApiResponse<'/api/catalog/meta', 'get'>;
export type Option = CatalogMeta['systemStatuses'][number];
export type FormatClassOption = CatalogMeta['formatClasses'][number];

export type SystemList = ApiResponse<'/api/catalog/systems', 'get'>;
export type SystemItem = SystemList['items'][number];
export type SystemDetail = ApiResponse<'/api/catalog/systems/{id}', 'get'>;
export type NearDuplicate = SystemDetail['nearDuplicates'][number];
/** The editable fields of a system (POST body; PATCH sends the changed ones with `version`). */
export type SystemDraft = Partial<ApiBody<'/api/catalog/systems', 'post'>>;

export type ResourceList = ApiResponse<'/api/catalog/resources', 'get'>;
export type ResourceItem = ResourceList['items'][number];
export type DataItem = ResourceItem['dataItems'][number];
export type ResourceAction = ResourceItem['actions'][number];
export type ResourceDetail = ApiResponse<'/api/catalog/resources/{id}', 'get'>;
export type Conflict = ResourceDetail['conflicts'][number];
export type ConflictEntry = Conflict['entries'][number];
export type ResourceDraft = Partial<ApiBody<'/api/catalog/resources', 'post'>>;

export type CloudServiceList = ApiResponse<'/api/catalog/cloud-services', 'get'>;
export type CloudServiceItem = CloudServiceList['items'][number];
export type CloudServiceDraft = Partial<ApiBody<'/api/catalog/cloud-services', 'post'>>;

/** GET /api/catalog/metrics/system-count */
export type SystemCountMetric = ApiResponse<'/api/catalog/metrics/system-count', 'get'>;
export type MonthlyCount = SystemCountMetric['months'][number];

/** POST …/import → 200 (the same shape for systems, resources and cloud services) */
export type ImportResult = ApiResponse<'/api/catalog/systems/import', 'post'>;

/** A problem of a catalog entry (400 `problems`). */
export interface CatalogProblem {
  field: string;
  code: string;
  message: string;
  article?: string;
}
