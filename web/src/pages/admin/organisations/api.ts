import { type ApiResponse, api } from '../../../api/client.ts';
import type { OrganisationListResponse } from '../../../api/types.ts';

/** sys_admin only. */
export const listOrganisations = (signal: AbortSignal) =>
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
