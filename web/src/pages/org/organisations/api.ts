import { type ApiResponse, api, type QueryValue } from '../../../api/client.ts';
import type { OrganisationListResponse } from '../../../api/types.ts';

/** One page of the directory (filters, sort, limit/offset in the query; the server counts the total). */
export const listOrganisations = (query: Record<string, QueryValue>, signal: AbortSignal) =>
  api
    .get<OrganisationListResponse>('/api/organisations', { query, signal })
    .then((page) => ({ ...page, total: page.total ?? page.items.length }));

/** The whole directory (no limit): the source of the parent selector, the kinds and the parents' names. */
export const listDirectory = (signal: AbortSignal) =>
  api.get<OrganisationListResponse>('/api/organisations', { signal });

export const listJurisdictions = (signal: AbortSignal) =>
  api.get<ApiResponse<'/api/jurisdictions', 'get'>>('/api/jurisdictions', { signal });

export const createOrganisation = (body: {
  name: string;
  kind: string;
  jurisdictionId: string;
  parentId: string | null;
}) => api.post<ApiResponse<'/api/organisations', 'post'>>('/api/organisations', body);

export const updateOrganisation = (id: string, body: { name?: string; kind?: string; version: number }) =>
  api.patch<unknown>(`/api/organisations/${id}`, body);
