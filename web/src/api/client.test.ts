import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  ApiError,
  api,
  asApiError,
  BAD_RESPONSE,
  buildUrl,
  call,
  fillPath,
  NETWORK_ERROR,
  setCsrfToken,
  setUnauthorizedHandler,
  toApiError,
} from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

const realFetch = globalThis.fetch;
let calls: Call[] = [];
let reply: () => Response | Promise<Response>;
let unauthorized = 0;
let restoreHandler: () => void;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const header = (call: Call, name: string) => new Headers(call.init.headers).get(name);

beforeEach(() => {
  calls = [];
  unauthorized = 0;
  reply = () => json(200, { ok: true });
  globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return reply();
  };
  setCsrfToken('token-1');
  restoreHandler = setUnauthorizedHandler(() => {
    unauthorized++;
  });
});

afterEach(() => {
  globalThis.fetch = realFetch;
  setCsrfToken(null);
  restoreHandler();
});

describe('requests', () => {
  it('sends same-origin credentials and JSON', async () => {
    assert.deepEqual(await api.post('/api/x', { a: 1 }), { ok: true });
    assert.equal(calls[0].init.credentials, 'same-origin');
    assert.equal(calls[0].init.method, 'POST');
    assert.equal(calls[0].init.body, '{"a":1}');
    assert.equal(header(calls[0], 'content-type'), 'application/json');
    assert.equal(header(calls[0], 'accept'), 'application/json');
  });

  it('sends the anti-CSRF token on every non-GET request, never on GET', async () => {
    await api.get('/api/x');
    await api.post('/api/x');
    await api.put('/api/x', {});
    await api.patch('/api/x', {});
    await api.delete('/api/x');
    assert.deepEqual(
      calls.map((c) => [c.init.method, header(c, 'x-csrf-token')]),
      [
        ['GET', null],
        ['POST', 'token-1'],
        ['PUT', 'token-1'],
        ['PATCH', 'token-1'],
        ['DELETE', 'token-1'],
      ],
    );
  });

  it('uses the latest token and none after it is cleared', async () => {
    setCsrfToken('token-2');
    await api.post('/api/x');
    setCsrfToken(null);
    await api.post('/api/x');
    assert.equal(header(calls[0], 'x-csrf-token'), 'token-2');
    assert.equal(header(calls[1], 'x-csrf-token'), null);
  });

  it('sends no body and no content type when there is no body', async () => {
    await api.post('/api/auth/logout');
    assert.equal(calls[0].init.body, undefined);
    assert.equal(header(calls[0], 'content-type'), null);
  });

  it('answers 204 with undefined', async () => {
    reply = () => new Response(null, { status: 204 });
    assert.equal(await api.post('/api/auth/password', { currentPassword: 'a', newPassword: 'b' }), undefined);
  });

  it('refuses a 2xx answer that is not JSON (an HTML page from a misrouted request)', async () => {
    reply = () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    await assert.rejects(
      api.get('/api/rulebooks'),
      (e: unknown) => e instanceof ApiError && e.code === BAD_RESPONSE,
    );
  });

  it('builds query strings without empty values', () => {
    assert.equal(buildUrl('/api/audit'), '/api/audit');
    assert.equal(
      buildUrl('/api/audit', { actor: '张三', action: '', from: undefined, to: null, limit: 20, offset: 0 }),
      '/api/audit?actor=%E5%BC%A0%E4%B8%89&limit=20&offset=0',
    );
    assert.equal(buildUrl('/api/audit', { actor: '' }), '/api/audit');
  });
});

describe('errors', () => {
  it('throws the server’s error contract as an ApiError', async () => {
    reply = () =>
      json(422, {
        code: 'FUNDS_BLOCKED',
        message: '验收报告未备案，不予拨付',
        field: 'amount',
        article: 'DT-19',
        requestId: 'r-1',
      });
    await assert.rejects(api.post('/api/x'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.deepEqual(
        {
          status: e.status,
          code: e.code,
          message: e.message,
          field: e.field,
          article: e.article,
          id: e.requestId,
        },
        {
          status: 422,
          code: 'FUNDS_BLOCKED',
          message: '验收报告未备案，不予拨付',
          field: 'amount',
          article: 'DT-19',
          id: 'r-1',
        },
      );
      return true;
    });
  });

  it('falls back to a Chinese message by status when the body is not the contract', async () => {
    reply = () => new Response('Bad gateway', { status: 502, headers: { 'x-request-id': 'r-9' } });
    await assert.rejects(api.get('/api/x'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 502);
      assert.equal(e.code, 'HTTP_502');
      assert.equal(e.message, '服务器暂时不可用，请稍后再试');
      assert.equal(e.requestId, 'r-9');
      return true;
    });
  });

  it('maps the usual statuses to Chinese messages', () => {
    assert.equal(toApiError(404, null).message, '请求的资源不存在');
    assert.equal(toApiError(429, {}).message, '操作过于频繁，请稍后再试');
    assert.equal(toApiError(403, { code: 'X' }).message, '无权执行此操作');
    assert.equal(toApiError(418, undefined).message, '请求失败（HTTP 418）');
  });

  it('turns a failed connection into NETWORK_ERROR, and lets an abort through', async () => {
    reply = () => Promise.reject(new TypeError('Failed to fetch'));
    await assert.rejects(
      api.get('/api/x'),
      (e: unknown) => e instanceof ApiError && e.code === NETWORK_ERROR,
    );
    reply = () => Promise.reject(new DOMException('aborted', 'AbortError'));
    await assert.rejects(
      api.get('/api/x'),
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
  });

  it('wraps anything else thrown as a generic ApiError', () => {
    const e = asApiError(new Error('boom'));
    assert.equal(e.code, 'CLIENT_ERROR');
    const same = new ApiError(400, { code: 'A', message: 'b' });
    assert.equal(asApiError(same), same);
  });
});

describe('401', () => {
  beforeEach(() => {
    reply = () => json(401, { code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('hands an expired session to the login redirect', async () => {
    await assert.rejects(api.get('/api/users'), (e: unknown) => e instanceof ApiError && e.status === 401);
    assert.equal(unauthorized, 1);
  });

  it('does not redirect for the me, login and logout calls, whose 401 is an answer', async () => {
    reply = () => json(401, { code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    await assert.rejects(api.post('/api/auth/login', { username: 'a', password: 'b' }), /用户名或密码错误/);
    await assert.rejects(api.get('/api/auth/me'));
    await assert.rejects(api.post('/api/auth/logout'));
    assert.equal(unauthorized, 0);
  });

  it('lets a call opt out of the redirect', async () => {
    await assert.rejects(api.post('/api/auth/password', {}, { redirectOnUnauthorized: false }));
    assert.equal(unauthorized, 0);
  });

  it('does not redirect on 403', async () => {
    reply = () => json(403, { code: 'FORBIDDEN', message: '无权执行此操作' });
    await assert.rejects(api.get('/api/users'));
    assert.equal(unauthorized, 0);
  });
});

describe('typed calls (generated types)', () => {
  it('fills path parameters, URI-encoded, and refuses a missing one', () => {
    assert.equal(
      fillPath('/api/projects/{id}/steps/{stepId}', { id: 'a b', stepId: 's1' }),
      '/api/projects/a%20b/steps/s1',
    );
    assert.throws(() => fillPath('/api/projects/{id}', {}), /missing path parameter id/);
  });

  it('sends the method, filled path, query and body of a route', async () => {
    reply = () => json(200, { items: [], total: 0 });
    const list = await call('get', '/api/obligations', { query: { kind: 'contract_filing', overdue: true } });
    assert.deepEqual(list, { items: [], total: 0 });
    assert.equal(calls[0].url, '/api/obligations?kind=contract_filing&overdue=true');
    assert.equal(calls[0].init.method, 'GET');

    reply = () => json(200, { ok: true });
    await call('post', '/api/obligations/{id}/waive', {
      params: { id: 'o-1' },
      body: { reason: '不再适用', version: 2 },
    });
    assert.equal(calls[1].url, '/api/obligations/o-1/waive');
    assert.equal(calls[1].init.method, 'POST');
    assert.deepEqual(JSON.parse(String(calls[1].init.body)), { reason: '不再适用', version: 2 });
  });
});
