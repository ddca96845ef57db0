import { type ApiBody, type ApiResponse, api, type QueryValue } from '../../../api/client.ts';
import type { UserListResponse, UserSensitiveResponse } from '../../../api/types.ts';

/** sys_admin only: one page (filters, sort, limit/offset in the query). Phone and ID numbers come masked. */
export const listUsers = (query: Record<string, QueryValue>, signal: AbortSignal) =>
  api.get<UserListResponse>('/api/users', { query, signal });

/** sys_admin only: the unmasked personal data of one user. Every call is audited (SECURITY.md 34). */
export const fetchSensitive = (id: string) => api.get<UserSensitiveResponse>(`/api/users/${id}/sensitive`);

export type NewUser = ApiBody<'/api/users', 'post'>;

/** sys_admin: a new account (no roles: the security administrator grants them, 三员分立). */
export const createUser = (body: NewUser) => api.post<ApiResponse<'/api/users', 'post'>>('/api/users', body);

/** sys_admin: name, personal data, 停用/启用 (optimistic lock on `version`). */
export const updateUser = (
  id: string,
  body: { displayName?: string; disabled?: boolean; phone?: string; idNumber?: string; version: number },
) => api.patch<unknown>(`/api/users/${id}`, body);

/**
 * sys_admin: a temporary password the user must change at the next login; the user's sessions end at
 * once. Administrators' accounts are refused (三员分立).
 */
export const resetPassword = (id: string, temporaryPassword: string) =>
  api.post<unknown>(`/api/users/${id}/password-reset`, { temporaryPassword });
