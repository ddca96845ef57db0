import { api } from '../../../api/client.ts';
import type { ChangePasswordRequest } from '../../../api/types.ts';

/** 204; 400 with `field` (currentPassword / newPassword) and a Chinese message for policy failures. */
export const changePassword = (body: ChangePasswordRequest) =>
  api.post<void>('/api/auth/password', body, { redirectOnUnauthorized: false });
