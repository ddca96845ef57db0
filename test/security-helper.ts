/**
 * Test helpers for the second factor: enrol a TOTP authenticator for a signed-in user and log in in
 * two steps. The test clock stands still, so the helpers move it on by one TOTP step (30 s) before
 * they compute a code — each step is accepted once (SECURITY.md 5).
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../src/demo/accounts.ts';
import { totpCode } from '../src/identity/totp.ts';
import { type Session, sessionCookie, type TestContext } from './support/helper.ts';

export function sessionFrom(
  ctx: TestContext,
  username: string,
  cookie: string,
  csrfToken: string,
  userId: string,
): Session {
  return {
    username,
    cookie,
    csrfToken,
    userId,
    request(method, url, payload, headers = {}) {
      return ctx.app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    },
  };
}

/** A fresh code: the clock moves to the next 30-second step first. */
export function nextCode(ctx: TestContext, secret: string): string {
  ctx.clock.advance(30_000);
  return totpCode(secret, ctx.clock.now());
}

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
  /** The session after enrolment (a new session id). */
  session: Session;
}

/** Starts and confirms TOTP enrolment for a signed-in session. */
export async function enrolTotp(ctx: TestContext, session: Session): Promise<Enrolled> {
  const start = await session.request('POST', '/api/auth/mfa/enrolment');
  assert.equal(start.statusCode, 200, start.body);
  const { secret } = start.json() as { secret: string };
  const confirm = await session.request('POST', '/api/auth/mfa/enrolment/confirm', {
    code: nextCode(ctx, secret),
  });
  assert.equal(confirm.statusCode, 200, confirm.body);
  const body = confirm.json() as { recoveryCodes: string[]; csrfToken: string };
  return {
    secret,
    recoveryCodes: body.recoveryCodes,
    session: sessionFrom(
      ctx,
      session.username,
      sessionCookie(confirm.headers['set-cookie']),
      body.csrfToken,
      session.userId,
    ),
  };
}

/** Step one only: the password; returns the raw answer. */
export function passwordStep(
  ctx: TestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<LightMyRequestResponse> {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

/** Step two only: the pending login and a code or recovery code; returns the raw answer. */
export function secondStep(
  ctx: TestContext,
  mfaToken: string,
  factor: { code: string } | { recoveryCode: string },
): Promise<LightMyRequestResponse> {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/mfa', payload: { mfaToken, ...factor } });
}

/** Both steps with a fresh TOTP code; returns the session. */
export async function loginWithTotp(
  ctx: TestContext,
  username: string,
  secret: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const first = await passwordStep(ctx, username, password);
  assert.equal(first.statusCode, 200, first.body);
  const pending = first.json() as { mfaRequired: true; mfaToken: string };
  assert.equal(pending.mfaRequired, true);
  const second = await secondStep(ctx, pending.mfaToken, { code: nextCode(ctx, secret) });
  assert.equal(second.statusCode, 200, second.body);
  const body = second.json() as { csrfToken: string; user: { id: string } };
  return sessionFrom(
    ctx,
    username,
    sessionCookie(second.headers['set-cookie']),
    body.csrfToken,
    body.user.id,
  );
}
