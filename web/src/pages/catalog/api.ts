/**
 * Calls of the catalog pages, and the system and resource pickers of other modules' pages. Downloads and
 * uploads go through fetch with the CSRF header.
 */
import {
  type ApiBody,
  ApiError,
  type ApiResponse,
  api,
  getCsrfToken,
  type QueryValue,
} from '../../api/client.ts';
import { downloadFile, failure, fileNameFromDisposition, saveBlob, send } from '../../api/download.ts';
import type {
  CatalogMeta,
  CloudServiceDraft,
  CloudServiceItem,
  CloudServiceList,
  ImportResult,
  ResourceAction,
  ResourceDetail,
  ResourceDraft,
  ResourceList,
  SystemCountMetric,
  SystemDetail,
  SystemDraft,
  SystemList,
} from './types.ts';

export type CatalogKind = 'systems' | 'resources' | 'cloud-services';
const base = (kind: CatalogKind) => `/api/catalog/${kind}`;
type Query = Record<string, QueryValue>;

let metaPromise: Promise<CatalogMeta> | null = null;
/** The options and the caller's rights, loaded once per page load. */
export function getCatalogMeta(): Promise<CatalogMeta> {
  metaPromise ??= api.get<CatalogMeta>('/api/catalog/meta').catch((error: unknown) => {
    metaPromise = null;
    throw error;
  });
  return metaPromise;
}

// ---- systems ----
export const listSystems = (query: Query, signal: AbortSignal) =>
  api.get<SystemList>(base('systems'), { query, signal });
export const getSystem = (id: string, signal?: AbortSignal) =>
  api.get<SystemDetail>(`${base('systems')}/${id}`, { signal });
export const createSystem = (draft: SystemDraft) => api.post<SystemDetail>(base('systems'), draft);
export const updateSystem = (id: string, changes: SystemDraft, version: number) =>
  api.patch<SystemDetail>(`${base('systems')}/${id}`, { ...changes, version });
export const retireSystem = (
  id: string,
  body: { retirementDate: string; mergedInto?: string; remarks?: string; version: number },
) => api.post<SystemDetail>(`${base('systems')}/${id}/retire`, body);
export const systemCount = (query: Query, signal: AbortSignal) =>
  api.get<SystemCountMetric>('/api/catalog/metrics/system-count', { query, signal });

// ---- resources ----
export const listResources = (query: Query, signal: AbortSignal) =>
  api.get<ResourceList>(base('resources'), { query, signal });
export const getResource = (id: string, signal?: AbortSignal) =>
  api.get<ResourceDetail>(`${base('resources')}/${id}`, { signal });
export const createResource = (draft: ResourceDraft) => api.post<ResourceDetail>(base('resources'), draft);
export const updateResource = (id: string, changes: ResourceDraft, version: number) =>
  api.patch<ResourceDetail>(`${base('resources')}/${id}`, { ...changes, version });
export function moveResource(id: string, action: ResourceAction, version: number, note?: string) {
  const body = { version, ...(note ? { note } : {}) };
  if (action === 'publish' || action === 'return') {
    return api.post<ResourceDetail>(`${base('resources')}/${id}/review`, { ...body, decision: action });
  }
  return api.post<ResourceDetail>(`${base('resources')}/${id}/${action}`, body);
}
export const listConflicts = (query: Query, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/catalog/single-source-conflicts', 'get'>>(
    '/api/catalog/single-source-conflicts',
    { query, signal },
  );

// ---- cloud services ----
export const listCloudServices = (query: Query, signal: AbortSignal) =>
  api.get<CloudServiceList>(base('cloud-services'), { query, signal });
export const createCloudService = (draft: CloudServiceDraft) =>
  api.post<CloudServiceItem>(base('cloud-services'), draft);
export const updateCloudService = (id: string, changes: CloudServiceDraft, version: number) =>
  api.patch<CloudServiceItem>(`${base('cloud-services')}/${id}`, { ...changes, version });
export const cloudBatch = (
  action: 'approve' | 'publish' | 'reopen',
  items: ApiBody<`/api/catalog/cloud-services/${typeof action}`, 'post'>['items'],
) =>
  api.post<ApiResponse<`/api/catalog/cloud-services/${typeof action}`, 'post'>>(
    `${base('cloud-services')}/${action}`,
    { items },
  );

// ---- files ----

/** Downloads the template or a filtered export of a catalog and saves it. */
export async function downloadWorkbook(
  kind: CatalogKind,
  what: 'template' | 'export',
  query: Query = {},
): Promise<string> {
  return downloadFile(`${base(kind)}/${what}`, query, `${kind}-${what}.xlsx`);
}

export type UploadOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; errorRows: number; fileName: string };

/**
 * Uploads a filled workbook. All or nothing: either every row is written, or nothing is and the
 * server answers 422 with the same workbook marked — which is saved for the user at once.
 */
export async function uploadWorkbook(kind: CatalogKind, file: File): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = new Headers({ Accept: 'application/json' });
  const token = getCsrfToken();
  if (token) headers.set('x-csrf-token', token);
  const response = await send(`${base(kind)}/import`, { method: 'POST', body: form, headers });
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 422 && type.includes('spreadsheetml')) {
    const fileName = fileNameFromDisposition(
      response.headers.get('content-disposition'),
      `错误标注-${file.name}`,
    );
    saveBlob(await response.blob(), fileName);
    return { ok: false, errorRows: Number(response.headers.get('x-catalog-errors') ?? '0'), fileName };
  }
  if (!response.ok) throw await failure(response);
  return { ok: true, result: (await response.json()) as ImportResult };
}

export type CatalogResourceOption = Pick<
  ApiResponse<'/api/catalog/resources', 'get'>['items'][number],
  'id' | 'code' | 'name' | 'providerName'
>;
/** Resources of the catalog the caller may see (src/catalog); empty when the catalog is not reachable. */
export const listCatalogResources = (signal: AbortSignal) =>
  api
    .get<ApiResponse<'/api/catalog/resources', 'get'>>('/api/catalog/resources', {
      signal,
      query: { limit: 500 },
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { items: [] };
      throw error;
    });

export type CatalogSystemOption = Pick<
  ApiResponse<'/api/catalog/systems', 'get'>['items'][number],
  'id' | 'code' | 'name' | 'status'
>;
/** Systems of the catalog the caller may see (src/catalog); empty when the catalog is not reachable. */
export const listCatalogSystems = (signal: AbortSignal) =>
  api
    .get<ApiResponse<'/api/catalog/systems', 'get'>>('/api/catalog/systems', {
      signal,
      query: { limit: 500 },
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { items: [] };
      throw error;
    });
