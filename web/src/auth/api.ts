import { api } from '../api/client.ts';
import type { LoginRequest, MeResponse } from '../api/types.ts';

/** 401 when nobody is signed in; never triggers the login redirect. */
export const fetchMe = (signal?: AbortSignal) => api.get<MeResponse>('/api/auth/me', { signal });

/** 401 LOGIN_FAILED (also for locked accounts), 429 when rate limited. */
export const login = (body: LoginRequest) => api.post<MeResponse>('/api/auth/login', body);

export const logout = () => api.post<void>('/api/auth/logout');
