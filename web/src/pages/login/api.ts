import { api } from '../../api/client.ts';
import type { LoginInfoResponse } from '../../api/types.ts';

/** Public: the platform name and, in demo mode only, the demo accounts. */
export const fetchLoginInfo = (signal: AbortSignal) =>
  api.get<LoginInfoResponse>('/api/public/login-info', { signal, redirectOnUnauthorized: false });
