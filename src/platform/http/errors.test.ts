/**
 * The error edge (SECURITY.md 28; ASVS 16.5.1): an unexpected error becomes a generic 500 with the
 * request id and nothing else — no message, stack, SQL or path — while the full error goes to the
 * log. Tested on a tiny Fastify instance with throwing routes.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { DomainError } from '../errors.ts';
import { registerErrorHandling } from './errors.ts';

function tinyApp() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'error', stream } });
  registerErrorHandling(app);
  app.get('/boom', async () => {
    throw new Error('relation "users" does not exist at /srv/tongchou/src/platform/db/client.ts:42');
  });
  app.get('/sql', async () => {
    const err = new Error('duplicate key value violates unique constraint "users_username_uq"') as Error & {
      code: string;
      detail: string;
    };
    err.code = '23505';
    err.detail = 'Key (lower(username))=(admin) already exists.';
    throw err;
  });
  app.get('/type', async () => {
    const value = null as unknown as { x: { y: number } };
    return value.x.y;
  });
  app.get('/status', async () => {
    throw Object.assign(new Error('upstream said: password=hunter2'), { statusCode: 502 });
  });
  app.get('/refused', async () => {
    throw new DomainError('refused', 'FUNDS_BLOCKED', '合同未备案，不得拨付资金', { article: 'DT-19' });
  });
  return { app, lines };
}

describe('generic 5xx', () => {
  test('an unexpected error gives a generic 500: no message, stack, SQL or path; the log keeps the detail', async () => {
    const { app, lines } = tinyApp();
    for (const url of ['/boom', '/sql', '/type', '/status']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 500, url);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'requestId'], url);
      assert.equal(body.code, 'INTERNAL');
      assert.equal(body.message, '服务器内部错误，请稍后重试');
      assert.doesNotMatch(res.body, /users|relation|constraint|\/srv|\.ts|at |hunter2|TypeError|null/, url);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    }
    assert.ok(lines.join('').includes('users_username_uq'), 'the log keeps what happened');
    await app.close();
  });

  test('an expected refusal keeps its code, message and article', async () => {
    const { app } = tinyApp();
    const res = await app.inject({ method: 'GET', url: '/refused' });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(
      { ...(res.json() as object), requestId: undefined },
      { code: 'FUNDS_BLOCKED', message: '合同未备案，不得拨付资金', article: 'DT-19', requestId: undefined },
    );
    await app.close();
  });
});
