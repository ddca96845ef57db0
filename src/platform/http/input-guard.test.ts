import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { registerErrorHandling } from './errors.ts';
import { findForbiddenCharacter, registerInputGuard } from './input-guard.ts';

const NUL = String.fromCharCode(0);

describe('input guard', () => {
  test('NUL and unpaired surrogates are found in strings, keys and nested values; paired ones pass', () => {
    assert.equal(findForbiddenCharacter({ name: `a${NUL}b` }), 'name');
    assert.equal(findForbiddenCharacter({ a: { b: ['ok', '\uD800'] } }), 'a.b.1');
    assert.equal(findForbiddenCharacter({ [`k${NUL}`]: 'v' }), `k${NUL}`);
    assert.equal(findForbiddenCharacter({ x: '\uDC00tail' }), 'x');
    assert.equal(findForbiddenCharacter({ emoji: '😀𠀀', rtl: '\u202E', zw: '\u200B', cn: '统筹' }), null);
    assert.equal(findForbiddenCharacter(`${NUL}`), '(value)');
    assert.equal(findForbiddenCharacter(42), null);
  });

  test('a request carrying NUL in the body, the query or a path parameter gets 400 naming the field', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    registerInputGuard(app);
    app.post('/things/:code', async () => ({ ok: true }));
    const res = await app.inject({
      method: 'POST',
      url: '/things/a%00b',
      payload: { title: 'fine' },
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      { code: res.json().code, field: res.json().field },
      { code: 'INVALID_CHARACTERS', field: 'code' },
    );
    const q = await app.inject({ method: 'POST', url: '/things/x?q=%00', payload: {} });
    assert.equal(q.json().field, 'q');
    const body = await app.inject({
      method: 'POST',
      url: '/things/x',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":"\\ud800"}',
    });
    assert.equal(body.json().field, 'title');
    assert.equal(
      (await app.inject({ method: 'POST', url: '/things/x', payload: { title: '统筹' } })).statusCode,
      200,
    );
    await app.close();
  });
});
