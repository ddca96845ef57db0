/** Calls of src/org that other modules' pages make: the organisation picker; a user's roles (security). */
import { type ApiResponse, api } from '../../api/client.ts';

export type OrganisationOption = ApiResponse<'/api/organisations', 'get'>['items'][number];
export const listOrganisations = (signal: AbortSignal) =>
  api.get<ApiResponse<'/api/organisations', 'get'>>('/api/organisations', { signal });
export const grantRole = (userId: string, role: string, organisationId: string) =>
  api.post<unknown>(`/api/users/${userId}/roles`, { role, organisationId });
export const revokeRole = (userId: string, assignmentId: string) =>
  api.delete<void>(`/api/users/${userId}/roles/${assignmentId}`);
