import { createContext, useContext } from 'react';
import type { Access } from '../access.ts';
import type { ApiError } from '../api/client.ts';
import type { MeResponse, MfaPendingResponse, MfaStepRequest } from '../api/types.ts';

/**
 * Why nobody is signed in: `initial` (first visit), `expired` (a request answered 401), `signedOut`
 * (the user chose 退出登录), `passwordChanged` (the server ended the session after a password change).
 * The login page words its notice after it; only `initial` and `expired` bring the user back afterwards.
 */
export type AnonymousReason = 'initial' | 'expired' | 'signedOut' | 'passwordChanged';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: AnonymousReason }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'authenticated'; me: MeResponse };

export interface Session {
  state: SessionState;
  /** The signed-in user, or null. */
  me: MeResponse | null;
  access: Access;
  /**
   * Throws ApiError (401 LOGIN_FAILED, 429) with the server's Chinese message. Answers a pending
   * login when the account has a second factor: finish it with {@link completeSignIn}.
   */
  signIn(username: string, password: string): Promise<MeResponse | MfaPendingResponse>;
  /** The second step: a TOTP code or a recovery code for the pending login. */
  completeSignIn(request: MfaStepRequest): Promise<MeResponse>;
  signOut(): Promise<void>;
  /** Re-reads /api/auth/me; null (and anonymous with `reasonIfGone`) when the session has ended. */
  refresh(reasonIfGone?: AnonymousReason): Promise<MeResponse | null>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** For pages inside the signed-in layout, where a user is guaranteed. */
export function useMe(): MeResponse {
  const { me } = useSession();
  if (!me) throw new Error('useMe must be used inside <RequireAuth>');
  return me;
}
