/**
 * The TOTP second factor (SECURITY.md 4–5; 等保 8.1.4.1d; 密评 8.4a) with MFA_REQUIRED on: enrolment,
 * the two-step login, one-time codes, recovery codes, rate limit and lockout, and that no route can
 * be reached with a password alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { ROUTE_ACCESS } from '../../../src/access/matrix.ts';
import { ALLOWED_WHILE_RESTRICTED } from '../../../src/identity/plugin.ts';
import { mfaChallenges, recoveryCodes, users } from '../../../src/identity/tables.ts';
import { totpCodeForStep, totpStep } from '../../../src/identity/totp.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { isEnvelope } from '../../../src/platform/crypto/sm4.ts';
import { enrolTotp, loginWithTotp, nextCode, passwordStep, secondStep } from '../../security-helper.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
before(async () => {
  ctx = await setup({ mfaRequired: true });
});
after(async () => {
  await ctx.close();
});

async function auditRows(action: string, userId: string) {
  return ctx.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, userId)))
    .orderBy(asc(auditEvents.id));
}

async function userId(username: string): Promise<string> {
  const [row] = await ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  return row.id;
}

/** Enrols `username` (demo password) and returns its secret and recovery codes. */
async function enrolled(username: string) {
  return enrolTotp(ctx, await login(ctx, username));
}

describe('second factor required (MFA_REQUIRED)', () => {
  test('a password alone gives a session that reaches only the enrolment routes', async () => {
    const s = await login(ctx, 'dt.staff');
    const me = (await s.request('GET', '/api/auth/me')).json();
    assert.equal(me.user.mfaEnrolmentRequired, true);
    assert.equal(me.user.mfaEnrolled, false);
    const blocked = await s.request('GET', '/api/rulebooks');
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'MFA_ENROLMENT_REQUIRED');
  });

  test('no route skips the second factor: every non-public route refuses a session without it', async () => {
    const sessions: Record<string, Session> = {
      business: await login(ctx, 'sc.staff'),
      sys: await login(ctx, 'demo.sysadmin'),
      sec: await login(ctx, 'demo.secadmin'),
      audit: await login(ctx, 'demo.auditadmin'),
    };
    const uuid = '00000000-0000-4000-8000-000000000000';
    let checked = 0;
    for (const [key, rule] of Object.entries(ROUTE_ACCESS)) {
      if (rule.public || ALLOWED_WHILE_RESTRICTED.has(key)) continue;
      const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const url = path.replace(/:[A-Za-z]+/g, uuid);
      for (const [who, s] of Object.entries(sessions)) {
        const res = await s.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        assert.equal(res.statusCode, 403, `${key} as ${who}: ${res.statusCode} ${res.body}`);
        assert.equal(res.json().code, 'MFA_ENROLMENT_REQUIRED', `${key} as ${who}`);
      }
      checked++;
    }
    assert.ok(checked > 15, `only ${checked} routes checked`);
  });

  test('enrolment shows the QR code once, stores the secret as an SM4 envelope and gives ten recovery codes', async () => {
    const s = await login(ctx, 'dt.leader');
    const start = await s.request('POST', '/api/auth/mfa/enrolment');
    assert.equal(start.statusCode, 200);
    const body = start.json();
    assert.match(body.qrDataUrl, /^data:image\/png;base64,/);
    assert.match(body.otpauthUri, /^otpauth:\/\/totp\//);
    assert.equal(body.digits, 6);
    assert.equal(body.period, 30);
    const confirm = await s.request('POST', '/api/auth/mfa/enrolment/confirm', {
      code: nextCode(ctx, body.secret),
    });
    assert.equal(confirm.statusCode, 200, confirm.body);
    const codes: string[] = confirm.json().recoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);

    const id = await userId('dt.leader');
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, id));
    assert.ok(isEnvelope(row.totpSecretEnc), 'secret stored as an SM4 envelope');
    assert.ok(!row.totpSecretEnc!.includes(body.secret));
    assert.equal(row.totpPendingEnc, null);
    const stored = await ctx.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id));
    assert.equal(stored.length, 10);
    for (const code of codes) {
      assert.ok(!stored.some((r) => r.codeHash.includes(code.replaceAll('-', ''))), 'only digests stored');
    }
    // A new session id at enrolment: the old cookie is gone, the new one reaches business routes.
    assert.equal((await s.request('GET', '/api/auth/me')).statusCode, 401);
    assert.equal((await auditRows('auth.mfa_enrol', id)).length, 1);
  });

  test('the enrolment confirm refuses a wrong code and the factor stays unenrolled', async () => {
    const s = await login(ctx, 'dt.staff2');
    const start = (await s.request('POST', '/api/auth/mfa/enrolment')).json();
    const wrong = await s.request('POST', '/api/auth/mfa/enrolment/confirm', { code: '000000' });
    const right = totpCodeForStep(start.secret, totpStep(ctx.clock.now()));
    if (right !== '000000') {
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().code, 'MFA_CODE_WRONG');
      assert.equal((await s.request('GET', '/api/auth/me')).json().user.mfaEnrolled, false);
      const rows = await auditRows('auth.mfa_enrol', s.userId);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].outcome, 'failure');
    }
  });

  test('login with a second factor: the password gives a pending login, not a session; the code gives the session', async () => {
    const { secret } = await enrolled('dt.reviewer');
    const first = await passwordStep(ctx, 'dt.reviewer');
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['set-cookie'], undefined, 'no session cookie before the second factor');
    const pending = first.json();
    assert.deepEqual(Object.keys(pending).sort(), ['expiresAt', 'mfaRequired', 'mfaToken']);
    // The pending token is not a session.
    const asCookie = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `tc_session=${pending.mfaToken}` },
    });
    assert.equal(asCookie.statusCode, 401);
    const second = await secondStep(ctx, pending.mfaToken, { code: nextCode(ctx, secret) });
    assert.equal(second.statusCode, 200, second.body);
    assert.match(String(second.headers['set-cookie']), /tc_session=.*HttpOnly/);
    assert.equal(second.json().user.mfaEnrolled, true);
    // The pending login is used up.
    const again = await secondStep(ctx, pending.mfaToken, { code: nextCode(ctx, secret) });
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().code, 'MFA_CHALLENGE_INVALID');
  });

  test('a TOTP code works once: the same code replayed in its window is refused', async () => {
    const { secret } = await enrolled('dt.authlead');
    const code = nextCode(ctx, secret);
    const a = await secondStep(ctx, (await passwordStep(ctx, 'dt.authlead')).json().mfaToken, { code });
    assert.equal(a.statusCode, 200);
    const b = await secondStep(ctx, (await passwordStep(ctx, 'dt.authlead')).json().mfaToken, { code });
    assert.equal(b.statusCode, 401);
    assert.equal(b.json().code, 'MFA_CODE_WRONG');
    const rows = await auditRows('auth.mfa', await userId('dt.authlead'));
    assert.equal(rows.at(-1)!.outcome, 'failure');
    assert.equal((rows.at(-1)!.details as { reason: string }).reason, 'replayed');
  });

  test('two parallel second steps with one code: exactly one succeeds (compare-and-set)', async () => {
    const { secret } = await enrolled('dt.approver');
    const tokens = [
      (await passwordStep(ctx, 'dt.approver')).json().mfaToken,
      (await passwordStep(ctx, 'dt.approver')).json().mfaToken,
    ];
    const code = nextCode(ctx, secret);
    const results = await Promise.all(tokens.map((t) => secondStep(ctx, t, { code })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 401]);
  });

  test('the TOTP window is one 30-second step either side of now', async () => {
    const { secret } = await enrolled('dt.finance');
    ctx.clock.advance(5 * 60_000);
    const now = totpStep(ctx.clock.now());
    const old = await secondStep(ctx, (await passwordStep(ctx, 'dt.finance')).json().mfaToken, {
      code: totpCodeForStep(secret, now - 2),
    });
    assert.equal(old.statusCode, 401, 'a code two steps old is refused');
    const previous = await secondStep(ctx, (await passwordStep(ctx, 'dt.finance')).json().mfaToken, {
      code: totpCodeForStep(secret, now - 1),
    });
    assert.equal(previous.statusCode, 200, 'the previous step is accepted (clock drift)');
  });

  test('a recovery code works once', async () => {
    const { recoveryCodes: codes } = await enrolled('dt.gov');
    const token = (await passwordStep(ctx, 'dt.gov')).json().mfaToken;
    const ok = await secondStep(ctx, token, { recoveryCode: codes[0].toLowerCase() });
    assert.equal(ok.statusCode, 200, ok.body);
    const again = await secondStep(ctx, (await passwordStep(ctx, 'dt.gov')).json().mfaToken, {
      recoveryCode: codes[0],
    });
    assert.equal(again.statusCode, 401);
    const rows = await auditRows('auth.mfa', await userId('dt.gov'));
    const success = rows.find((r) => r.outcome === 'success')!;
    assert.deepEqual(success.details, { method: 'recovery_code', recoveryCodesLeft: 9 });
  });

  test('a pending login expires after five minutes', async () => {
    const { secret } = await enrolled('dt.expert');
    const token = (await passwordStep(ctx, 'dt.expert')).json().mfaToken;
    ctx.clock.advance(6 * 60_000);
    const late = await secondStep(ctx, token, { code: nextCode(ctx, secret) });
    assert.equal(late.statusCode, 401);
    assert.equal(late.json().code, 'MFA_CHALLENGE_INVALID');
  });

  test('five wrong codes lock the account, audited once as auth.lockout', async () => {
    const { secret } = await enrolled('dt.contractor');
    const id = await userId('dt.contractor');
    const token = (await passwordStep(ctx, 'dt.contractor')).json().mfaToken;
    for (let i = 0; i < 5; i++) {
      const wrong = await secondStep(ctx, token, { code: '12345X'.replace('X', String(i)) });
      assert.equal(wrong.statusCode, 401, `attempt ${i + 1}`);
    }
    const lockouts = await auditRows('auth.lockout', id);
    assert.equal(lockouts.length, 1);
    assert.equal((lockouts[0].details as { trigger: string }).trigger, 'totp');
    // Locked: the right password and a right code no longer log in.
    const first = await passwordStep(ctx, 'dt.contractor');
    assert.equal(first.statusCode, 401);
    assert.equal(first.json().code, 'LOGIN_FAILED');
    ctx.clock.advance(16 * 60_000);
    const session = await loginWithTotp(ctx, 'dt.contractor', secret);
    assert.equal((await session.request('GET', '/api/rulebooks')).statusCode, 200);
  });

  test('the security administrator resets a lost second factor; the user must enrol again', async () => {
    const { secret } = await enrolled('dt.supervisor');
    const sec = (await enrolled('demo.secadmin')).session;
    const id = await userId('dt.supervisor');
    const reset = await sec.request('DELETE', `/api/users/${id}/mfa`);
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal((await auditRows('auth.mfa_reset', id)).length, 1);
    assert.equal(
      (await ctx.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id))).length,
      0,
    );
    const first = await passwordStep(ctx, 'dt.supervisor');
    assert.equal(first.json().user.mfaEnrolmentRequired, true);
    assert.ok(secret);
  });

  test('the pending-login token is stored only as a digest', async () => {
    const { secret } = await enrolled('dt.evaluator');
    const token = (await passwordStep(ctx, 'dt.evaluator')).json().mfaToken as string;
    const rows = await ctx.database.db.execute(sql`select * from mfa_challenges`);
    assert.ok(!JSON.stringify(rows).includes(token));
    const [challenge] = await ctx.database.db
      .select()
      .from(mfaChallenges)
      .where(eq(mfaChallenges.userId, await userId('dt.evaluator')));
    assert.notEqual(challenge.idHash, token);
    assert.ok(secret);
  });
});

describe('second-factor rate limit', () => {
  test('second-factor attempts are rate-limited per user', async () => {
    const limited = await setup({ mfaRequired: true, mfaRateLimitPerMinute: 3 });
    try {
      const { secret } = await enrolTotp(limited, await login(limited, 'sc.staff'));
      assert.ok(secret);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        // A new pending login each time: the limit follows the user, not the token.
        const token = (await passwordStep(limited, 'sc.staff')).json().mfaToken;
        codes.push((await secondStep(limited, token, { code: '00000a' })).statusCode);
      }
      assert.deepEqual(codes, [401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
