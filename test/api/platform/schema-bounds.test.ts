/**
 * Input schemas bound every number (issue 9 item 9): a `version` of 2^31 reached PostgreSQL's
 * integer column and answered 500. Every integer or number in a route's body, query string or
 * path parameters has a minimum and a maximum that fits a PostgreSQL integer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

const PG_INT_MAX = 2_147_483_647;
let ctx: TestContext;

before(async () => {
  ctx = await setup();
});
after(async () => {
  await ctx.close();
});

/** Paths of unbounded numbers inside a JSON schema. */
function unbounded(schema: unknown, at: string, out: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  if (s.type === 'integer' || s.type === 'number') {
    const max = (s.maximum ?? s.exclusiveMaximum) as number | undefined;
    const min = (s.minimum ?? s.exclusiveMinimum) as number | undefined;
    if (max === undefined || min === undefined || max > PG_INT_MAX || min < -PG_INT_MAX) out.push(at);
  }
  for (const [key, value] of Object.entries(s)) {
    if (key === 'examples' || key === 'default' || key === 'enum' || key === 'const') continue;
    if (Array.isArray(value)) {
      for (const [n, sub] of value.entries()) unbounded(sub, `${at}[${n}]`, out);
    } else if (value && typeof value === 'object') {
      unbounded(
        value,
        key === 'properties' || key === 'content' || key === 'schema' ? at : `${at}.${key}`,
        out,
      );
    }
  }
}

describe('input bounds', () => {
  test('every number in a body, query or path schema has bounds that fit a PostgreSQL integer', () => {
    // The OpenAPI document lists every route's request schemas (parameters and body).
    const spec = ctx.app.swagger() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; schema: unknown }[]; requestBody?: unknown }>
      >;
    };
    const problems: string[] = [];
    let operations = 0;
    for (const [url, methods] of Object.entries(spec.paths)) {
      if (!url.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        for (const p of op.parameters ?? []) unbounded(p.schema, `${method} ${url} ${p.name}`, problems);
        unbounded(op.requestBody, `${method} ${url} body`, problems);
      }
    }
    assert.ok(operations > 50, `operations seen: ${operations}`);
    assert.deepEqual(problems, []);
  });

  test('a version of 2^31 is a 400 at the field, not a 500', async () => {
    const admin: Session = await login(ctx, 'demo.sysadmin');
    const users = (await admin.request('GET', '/api/users?q=dt.staff')).json().items;
    const target = users.find((u: { username: string }) => u.username === 'dt.staff');
    const res = await admin.request('PATCH', `/api/users/${target.id}`, {
      displayName: 'x',
      version: 2 ** 31,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().field, 'version');
  });
});
