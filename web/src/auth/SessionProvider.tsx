import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { accessFor } from '../access.ts';
import { asApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { MeResponse, MfaStepRequest } from '../api/types.ts';
import { fetchMe, isPendingLogin, login, logout, secondFactor } from './api.ts';
import { type AnonymousReason, type Session, SessionContext, type SessionState } from './context.ts';

/**
 * Holds who is signed in. Reads /api/auth/me once at start, keeps the anti-CSRF token of the latest
 * me/login answer in the API client, and turns any 401 of a later request into the anonymous state,
 * which the route guard answers with the login page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const accept = useCallback((me: MeResponse) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'authenticated', me });
    return me;
  }, []);

  const forget = useCallback((reason: AnonymousReason) => {
    setCsrfToken(null);
    setState({ status: 'anonymous', reason });
  }, []);

  const refresh = useCallback(
    async (reasonIfGone: AnonymousReason = 'expired') => {
      try {
        return accept(await fetchMe());
      } catch (error) {
        const apiError = asApiError(error);
        if (apiError.status === 401) {
          forget(reasonIfGone);
          return null;
        }
        // A signed-in user stays signed in through a passing outage; otherwise show the outage.
        setState((current) =>
          current.status === 'authenticated' ? current : { status: 'unavailable', error: apiError },
        );
        throw apiError;
      }
    },
    [accept, forget],
  );

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(accept, (error: unknown) => {
      if (controller.signal.aborted) return;
      const apiError = asApiError(error);
      if (apiError.status === 401) forget('initial');
      else setState({ status: 'unavailable', error: apiError });
    });
    return () => controller.abort();
  }, [accept, forget]);

  useEffect(() => setUnauthorizedHandler(() => forget('expired')), [forget]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const answer = await login({ username, password });
      // A pending login is not a session: the login page asks for the second factor.
      return isPendingLogin(answer) ? answer : accept(answer);
    },
    [accept],
  );

  const completeSignIn = useCallback(
    async (request: MfaStepRequest) => accept(await secondFactor(request)),
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session may already be gone (401) or the server unreachable: the user is signed out here anyway.
    }
    forget('signedOut');
  }, [forget]);

  const me = state.status === 'authenticated' ? state.me : null;
  const value = useMemo<Session>(
    () => ({ state, me, access: accessFor(me), signIn, completeSignIn, signOut, refresh }),
    [state, me, signIn, completeSignIn, signOut, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
