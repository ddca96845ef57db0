import { api } from '../../../api/client.ts';
import type { UserListResponse } from '../../../api/types.ts';

/** sys_admin only. */
export const listUsers = (signal: AbortSignal) => api.get<UserListResponse>('/api/users', { signal });
