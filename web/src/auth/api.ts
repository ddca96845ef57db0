import { api } from '../api/client.ts';
import type { LoginRequest, LoginResponse, MeResponse, MfaStepRequest } from '../api/types.ts';

/** 401 when nobody is signed in; never triggers the login redirect. */
export const fetchMe = (signal?: AbortSignal) => api.get<MeResponse>('/api/auth/me', { signal });

/**
 * 401 LOGIN_FAILED (also for locked accounts), 429 when rate limited. With a second factor bound the
 * answer is a pending login ({ mfaRequired, mfaToken }) for {@link secondFactor}.
 */
export const login = (body: LoginRequest) => api.post<LoginResponse>('/api/auth/login', body);

/** 401 MFA_CODE_WRONG or MFA_CHALLENGE_INVALID (start again with the password), 429 when rate limited. */
export const secondFactor = (body: MfaStepRequest) =>
  api.post<MeResponse>('/api/auth/mfa', body, { redirectOnUnauthorized: false });

export const isPendingLogin = (
  answer: LoginResponse,
): answer is Extract<LoginResponse, { mfaRequired: true }> =>
  'mfaRequired' in answer && answer.mfaRequired === true;

export const logout = () => api.post<void>('/api/auth/logout');
