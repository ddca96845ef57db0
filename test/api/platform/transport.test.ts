/**
 * Browser-facing transport protections (SECURITY.md 10, 12): security headers, cookie flags behind
 * TLS, anti-CSRF tokens bound to the session, origin checks on public writes, no caching of
 * authenticated answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../../src/demo/accounts.ts';
import { login, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
before(async () => {
  ctx = await setup();
});
after(async () => {
  await ctx.close();
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('security headers', () => {
  test('CSP allows only our own scripts, no plugins, no framing; nosniff; no referrer leaks', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/some/page']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const csp = directives(String(res.headers['content-security-policy']));
      assert.equal(csp.get('default-src'), "'self'", url);
      assert.equal(csp.get('script-src'), "'self'", url);
      assert.equal(csp.get('object-src'), "'none'", url);
      assert.equal(csp.get('frame-ancestors'), "'none'", url);
      assert.equal(csp.get('base-uri'), "'self'", url);
      assert.equal(csp.get('form-action'), "'self'", url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(res.headers['x-powered-by'], undefined, url);
    }
  });

  test('without TLS (COOKIE_SECURE off) there is no HSTS and cookies are not Secure', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dt.staff', password: DEMO_PASSWORD },
    });
    assert.equal(res.headers['strict-transport-security'], undefined);
    assert.doesNotMatch(String(res.headers['set-cookie']), /Secure/);
  });

  test('behind TLS (COOKIE_SECURE) every answer carries HSTS and the session cookie is Secure, HttpOnly, SameSite=Strict', async () => {
    const tls = await setup({ secureCookies: true });
    try {
      const health = await tls.app.inject({ method: 'GET', url: '/api/health' });
      assert.match(
        String(health.headers['strict-transport-security']),
        /max-age=31536000; includeSubDomains/,
      );
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'dt.staff', password: DEMO_PASSWORD },
      });
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Strict/);
      assert.match(cookie, /; Path=\//);
    } finally {
      await tls.close();
    }
  });

  test('authenticated answers are never cached', async () => {
    const s = await login(ctx, 'dt.leader');
    for (const url of ['/api/auth/me', '/api/rulebooks', '/api/organisations']) {
      const res = await s.request('GET', url);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
  });
});

describe('anti-CSRF', () => {
  test("a write with another session's CSRF token is refused", async () => {
    const mine = await login(ctx, 'sc.staff');
    const theirs = await login(ctx, 'sc.leader');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: mine.cookie, 'x-csrf-token': theirs.csrfToken },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Csrf#Attack-2026' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'CSRF_FAILED');
  });

  test('the CSRF check comes before validation and for every write method', async () => {
    const s = await login(ctx, 'demo.sysadmin');
    const uuid = '00000000-0000-4000-8000-000000000000';
    const writes: ['POST' | 'PATCH' | 'PUT' | 'DELETE', string][] = [
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${uuid}`],
      ['PUT', '/api/calendar/years/2030'],
      ['DELETE', `/api/users/${uuid}/roles/${uuid}`],
    ];
    for (const [method, url] of writes) {
      for (const token of [undefined, '', 'forged-token', `${s.csrfToken}x`]) {
        const res = await ctx.app.inject({
          method,
          url,
          headers: { cookie: s.cookie, ...(token === undefined ? {} : { 'x-csrf-token': token }) },
          payload: { not: 'valid' },
        });
        assert.equal(res.statusCode, 403, `${method} ${url} with ${token}`);
        assert.equal(res.json().code, 'CSRF_FAILED');
      }
    }
  });

  test('a CSRF token in the query string or a cookie does not count', async () => {
    const s = await login(ctx, 'sc.reviewer');
    const inQuery = await ctx.app.inject({
      method: 'POST',
      url: `/api/auth/logout?x-csrf-token=${s.csrfToken}`,
      headers: { cookie: s.cookie },
    });
    assert.equal(inQuery.statusCode, 403);
    const inCookie = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `${s.cookie}; x-csrf-token=${s.csrfToken}` },
    });
    assert.equal(inCookie.statusCode, 403);
    assert.equal((await s.request('GET', '/api/auth/me')).statusCode, 200, 'still signed in');
  });

  test('public writes (login, second factor) from a foreign origin are refused', async () => {
    for (const [url, payload] of [
      ['/api/auth/login', { username: 'dt.staff', password: DEMO_PASSWORD }],
      ['/api/auth/mfa', { mfaToken: 'x'.repeat(43), code: '123456' }],
    ] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { origin: 'https://evil.example', host: 'tongchou.example' },
        payload,
      });
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().code, 'ORIGIN_REJECTED');
      assert.equal(res.headers['set-cookie'], undefined);
    }
    const same = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://tongchou.example', host: 'tongchou.example' },
      payload: { username: 'dt.staff', password: DEMO_PASSWORD },
    });
    assert.equal(same.statusCode, 200);
  });

  test('credentials are refused in the URL: login takes only a JSON body', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/auth/login?username=dt.staff&password=${encodeURIComponent(DEMO_PASSWORD)}`,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['set-cookie'], undefined);
  });
});
