import { api } from '../../../api/client.ts';
import type { UserListResponse, UserSensitiveResponse } from '../../../api/types.ts';

/** sys_admin only. Phone and ID numbers come masked. */
export const listUsers = (signal: AbortSignal) => api.get<UserListResponse>('/api/users', { signal });

/** sys_admin only: the unmasked personal data of one user. Every call is audited (SECURITY.md 34). */
export const fetchSensitive = (id: string) => api.get<UserSensitiveResponse>(`/api/users/${id}/sensitive`);
