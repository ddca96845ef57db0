import { type ApiResponse, api, type QueryValue } from '../../../api/client.ts';
import type { OrganisationListResponse } from '../../../api/types.ts';

/** One account as the security administrator sees it: security state and roles, no personal data. */
export type SecurityUser = ApiResponse<'/api/security/users', 'get'>['items'][number];
export type SecurityPolicy = ApiResponse<'/api/security/policy', 'get'>;

/** sec_admin only; every change below is audited and ends the user's sessions where it must. */
export const listSecurityUsers = (query: Record<string, QueryValue>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/security/users', 'get'>>('/api/security/users', { query, signal });
export const fetchPolicy = (signal: AbortSignal) =>
  api.get<SecurityPolicy>('/api/security/policy', { signal });
export const listOrganisations = (signal?: AbortSignal) =>
  api.get<OrganisationListResponse>('/api/organisations', { signal });
export const unlockUser = (userId: string) => api.post<void>(`/api/users/${userId}/unlock`);
export const resetMfa = (userId: string) => api.delete<void>(`/api/users/${userId}/mfa`);
