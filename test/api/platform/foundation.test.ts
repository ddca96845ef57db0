import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../../src/demo/accounts.ts';
import { login, sessionCookie, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
before(async () => {
  ctx = await setup();
});
after(async () => {
  await ctx.close();
});

describe('API conventions', () => {
  test('health answers without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.ok(res.headers['x-request-id']);
  });

  test('a missing session gets 401 with the error contract', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    assert.equal(res.statusCode, 401);
    const body = res.json();
    assert.equal(body.code, 'UNAUTHENTICATED');
    assert.match(body.message, /登录/);
    assert.ok(body.requestId);
    assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'requestId']);
  });

  test('an unknown field gets 400 naming the field', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dt.staff', password: 'x', isAdmin: true },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.equal(body.field, 'isAdmin');
    assert.match(body.message, /不允许的字段/);
  });

  test('a wrong type gets 400 and is not coerced', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 12345, password: 'x' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().field, 'username');
    assert.match(res.json().message, /类型错误/);
  });

  test('malformed JSON gets 400 without internals', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'BAD_REQUEST');
    assert.doesNotMatch(res.body, /at |stack|node_modules|SyntaxError/);
  });

  test('an unknown API path gets a JSON 404', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'NOT_FOUND');
  });

  test('OpenAPI JSON is served at /api/docs/json and lists the routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.ok(doc.paths['/api/auth/login']);
    assert.ok(doc.paths['/api/audit']);
  });

  test('responses carry security headers and API responses are not cached', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});

describe('accounts and sessions', () => {
  test('a demo user logs in with an HttpOnly SameSite session cookie and sees their roles', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dt.staff', password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const body = res.json();
    assert.equal(body.user.username, 'dt.staff');
    assert.equal(body.roles[0].role, 'dept_staff');
    assert.equal(body.roles[0].jurisdictionCode, 'DT');
    assert.equal(body.roles[0].organisationName, '大同市教育局');
  });

  test('unknown user and wrong password get the same answer', async () => {
    const a = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'Wrong#Pass-1' },
    });
    const b = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sc.staff', password: 'Wrong#Pass-1' },
    });
    assert.equal(a.statusCode, 401);
    assert.equal(b.statusCode, 401);
    const strip = (r: typeof a) => ({ ...r.json(), requestId: undefined });
    assert.deepEqual(strip(a), strip(b));
    assert.equal(a.json().code, 'LOGIN_FAILED');
  });

  test('logout invalidates the session: replaying the cookie gets 401', async () => {
    const s = await login(ctx, 'dt.leader');
    assert.equal((await s.request('GET', '/api/auth/me')).statusCode, 200);
    assert.equal((await s.request('POST', '/api/auth/logout')).statusCode, 204);
    assert.equal((await s.request('GET', '/api/auth/me')).statusCode, 401);
  });

  test('a write without the CSRF token is refused with 403', async () => {
    const s = await login(ctx, 'dt.reviewer');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'CSRF_FAILED');
  });

  test('a login from a foreign origin is refused', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:80' },
      payload: { username: 'dt.staff', password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'ORIGIN_REJECTED');
  });

  test('a role without permission gets 403, with no data', async () => {
    const s = await login(ctx, 'dt.staff');
    const res = await s.request('GET', '/api/users');
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'FORBIDDEN');
    assert.equal(res.json().items, undefined);
  });

  test('the idle timeout ends a session server-side', async () => {
    const s = await login(ctx, 'sc.leader');
    ctx.clock.advance(31 * 60_000);
    const res = await s.request('GET', '/api/auth/me');
    assert.equal(res.statusCode, 401);
  });

  test('the password change enforces the policy, ends other sessions and keeps this browser logged in', async () => {
    const first = await login(ctx, 'jc.staff');
    const second = await login(ctx, 'jc.staff');
    const weak = await first.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'abc',
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().field, 'newPassword');
    const wrong = await first.request('POST', '/api/auth/password', {
      currentPassword: 'Nope#12345',
      newPassword: 'Another#Pass-2026',
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'currentPassword');
    const same = await first.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: DEMO_PASSWORD,
    });
    assert.equal(same.statusCode, 400);
    assert.equal(same.json().code, 'PASSWORD_REUSED');
    const ok = await first.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Another#Pass-2026',
    });
    assert.equal(ok.statusCode, 204);
    assert.equal((await second.request('GET', '/api/auth/me')).statusCode, 401);
    const renewed = sessionCookie(ok.headers['set-cookie']);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: renewed } });
    assert.equal(me.statusCode, 200);
    assert.equal((await login(ctx, 'jc.staff', 'Another#Pass-2026')).username, 'jc.staff');
  });

  test('five failures lock the account; the locked answer looks like any failure', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'xz.staff2', password: `Wrong#Pass-${i}` },
      });
      assert.equal(r.statusCode, 401);
    }
    const locked = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xz.staff2', password: DEMO_PASSWORD },
    });
    assert.equal(locked.statusCode, 401);
    assert.equal(locked.json().code, 'LOGIN_FAILED');
    ctx.clock.advance(16 * 60_000);
    const later = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xz.staff2', password: DEMO_PASSWORD },
    });
    assert.equal(later.statusCode, 200);
  });
});

describe('organisation directory', () => {
  test('one organisation by id is the same item as in the directory; an unknown id gets 404', async () => {
    const staff = await login(ctx, 'dt.staff');
    const items = (await staff.request('GET', '/api/organisations')).json().items as { id: string }[];
    const one = await staff.request('GET', `/api/organisations/${items[0].id}`);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(one.json(), items[0]);
    const missing = await staff.request('GET', '/api/organisations/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'NOT_FOUND');
  });
});

describe('rate limits', () => {
  test('login is rate-limited per source address (SECURITY.md 29)', async () => {
    const limited = await setup({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'Wrong#Pass-1' },
        });
        codes.push(r.statusCode);
      }
      assert.deepEqual(codes, [401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
