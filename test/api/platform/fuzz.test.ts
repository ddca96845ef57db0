/**
 * OpenAPI-driven fuzzing (SECURITY.md 25, 26, 28): for every operation of /api/docs/json, fast-check
 * builds malformed and hostile requests — wrong types, missing and extra fields, 100 000-character
 * strings, SQL and XSS payloads in Chinese text, path traversal names, Unicode edge cases (RTL
 * override, zero-width, lone surrogates, NUL), invalid UUIDs in parameters, broken JSON — and sends
 * them anonymously and as a role the authorization matrix allows. No answer may be a 5xx, a request
 * whose body has the wrong type altogether must get a 4xx, and no HTML payload may come back
 * unescaped in a text/html answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { ROUTE_ACCESS } from '../../../src/access/matrix.ts';
import { DEMO_ACCOUNTS } from '../../../src/demo/accounts.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

const HTML_PAYLOADS = [
  "<script>alert('统筹')</script>",
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(document.domain)>',
  "javascript:alert('项目')",
];

const HOSTILE = [
  "'; DROP TABLE users; --",
  "统筹项目'; DROP TABLE audit_events; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)--',
  "大同市教育局' UNION SELECT password_hash FROM users --",
  ...HTML_PAYLOADS,
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd\u0000.pdf',
  'report\u202Efdp.exe',
  '零\u200B宽\u200D字\u2060符\uFEFF',
  '\uD800',
  '\uDFFF孤立代理',
  'a\u0000b',
  '\u0000',
  '\u0001\u0007\u001B[31m',
  '\r\nSet-Cookie: tc_session=x',
  ['$', '{7*7}{{7*7}}<%= 7*7 %>'].join(''), // template injection
  '__proto__',
  'constructor',
  '😀👨‍👩‍👧‍👦𠀀',
  'Ｆｕｌｌｗｉｄｔｈ　全角',
  '-1',
  '1e309',
  'NaN',
  '',
  ' ',
  'null',
  'true',
];

const HUGE = '统'.repeat(100_000);

/** Sent in every string field at once, for every operation (SECURITY.md 26), before the random runs. */
const CORPUS_SWEEP = [
  "'; DROP TABLE users; --",
  "<script>alert('统筹')</script>",
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  'report\u202Efdp.exe',
  '零\u200B宽',
  '\uD800',
  'a\u0000b',
  HUGE,
];
const INVALID_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-4000-8000-000000000000',
  "1' OR '1'='1",
  '../../etc/passwd',
  '%00',
  '-1',
  '999999999999999999999999',
];

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  format?: string;
};

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/users/{id}. */
  path: string;
  /** Matrix key, e.g. PATCH /api/users/:id. */
  key: string;
  pathParams: string[];
  query: Record<string, Schema>;
  queryRequired: string[];
  body?: Schema;
}

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...HOSTILE)).map(([a, b]) => `${a}${b}`),
  },
);

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  hostileString,
);

/** A value shaped like the schema where it is cheap to be, with hostile content everywhere. */
function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return wrongValue;
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.const !== undefined) options.push(fc.constant(schema.const));
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    options.push(valueFor(sub, depth + 1));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (type === 'string') {
      options.push(
        schema.format === 'uuid'
          ? fc.oneof(fc.uuid(), fc.constantFrom(...INVALID_UUIDS))
          : schema.format === 'date-time' || schema.format === 'date'
            ? fc.oneof(
                fc.constantFrom('2026-11-23', '2026-11-23T02:00:00Z', '2026-02-30', '9999-99-99'),
                hostileString,
              )
            : hostileString,
      );
    } else if (type === 'integer' || type === 'number') {
      options.push(
        fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 63), 1.5, 1e308)),
      );
    } else if (type === 'boolean') options.push(fc.boolean());
    else if (type === 'null') options.push(fc.constant(null));
    else if (type === 'array') options.push(fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 }));
    else if (type === 'object') options.push(objectFor(schema, depth));
  }
  if (schema.nullable) options.push(fc.constant(null));
  if (options.length === 0) options.push(wrongValue);
  // Now and then the wrong type altogether.
  return fc.oneof({ weight: 5, arbitrary: fc.oneof(...options) }, { weight: 1, arbitrary: wrongValue });
}

function objectFor(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const fields = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v, depth + 1)]));
  const base = fc.record(fields, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
  return fc
    .tuple(
      base,
      fc.option(
        fc.dictionary(
          fc.constantFrom('__proto__', 'isAdmin', 'role', 'status', 'approvedBy', 'x'),
          wrongValue,
        ),
        {
          nil: undefined,
        },
      ),
      fc.option(fc.constantFrom(...(schema.required ?? ['-'])), { nil: undefined }),
    )
    .map(([value, extra, drop]) => {
      const out: Record<string, unknown> = { ...value };
      if (extra)
        for (const [k, v] of Object.entries(extra))
          Object.defineProperty(out, k, { value: v, enumerable: true });
      if (drop) delete out[drop];
      return out;
    });
}

type BodyCase = { raw: string; wrongType: boolean } | undefined;

function bodyFor(op: Operation): fc.Arbitrary<BodyCase> {
  const json = (value: unknown, wrongType = false) => ({ raw: JSON.stringify(value) ?? 'null', wrongType });
  const wholeWrong = fc.oneof(
    fc.constant(json([], true)),
    fc.constant(json(42, true)),
    fc.constant(json('统筹', true)),
    fc.constant(json(null, true)),
  );
  const broken = fc.constantFrom(
    { raw: '{"a":', wrongType: true },
    { raw: '{"__proto__":{"isAdmin":true}}', wrongType: false },
    { raw: `{"x":"${'\\ud800'}"}`, wrongType: false },
    { raw: '\u0000', wrongType: true },
    { raw: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', wrongType: true },
  );
  if (!op.body) return fc.oneof(fc.constant(undefined), fc.constant(json({ extra: 'field' })), broken);
  const isObject = op.body.type === 'object';
  return fc.oneof(
    { weight: 6, arbitrary: valueFor(op.body).map((v) => json(v)) },
    { weight: 1, arbitrary: isObject ? wholeWrong : fc.constant(json({ unexpected: true })) },
    { weight: 1, arbitrary: broken },
  );
}

function queryFor(op: Operation): fc.Arbitrary<string> {
  const known = Object.entries(op.query).map(([name, schema]) =>
    fc.option(
      valueFor(schema).map((v) => [name, typeof v === 'string' ? v : JSON.stringify(v)] as const),
      {
        nil: undefined,
      },
    ),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom('password', 'limit', '__proto__', 'x'), hostileString), {
    nil: undefined,
  });
  return fc.tuple(fc.tuple(...known), extra).map(([pairs, more]) => {
    const params = new URLSearchParams();
    for (const p of [...pairs, more]) if (p) params.append(p[0], String(p[1]).slice(0, 5000));
    const s = params.toString();
    return s ? `?${s}` : '';
  });
}

/** Percent-encoding that sends a lone surrogate as the (invalid UTF-8) bytes a careless client would. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`;
  }
}

function pathFor(op: Operation): fc.Arbitrary<string> {
  const param = fc.oneof(
    fc.uuid(),
    fc.constantFrom(...INVALID_UUIDS, ...HOSTILE.filter((h) => h.length < 200)),
    fc.constantFrom('2026', 'DT', '1', '0'),
  );
  return fc
    .tuple(
      fc.array(param, { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
      fc.boolean(),
    )
    .map(([values, raw]) => {
      let url = op.path;
      op.pathParams.forEach((name, i) => {
        url = url.replace(
          `{${name}}`,
          raw ? values[i].replace(/[?#\s]/g, '') || 'x' : encodeSegment(values[i]),
        );
      });
      return url;
    });
}

/** A value that fits the schema's shape with `text` in every string. */
function filledWith(schema: Schema | undefined, text: string, depth = 0): unknown {
  if (!schema || depth > 4) return text;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (alternatives.length > 0)
    return filledWith(alternatives.find((a) => a.type !== 'null') ?? alternatives[0], text, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [filledWith(schema.items, text, depth + 1)];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, filledWith(v, text, depth + 1)]),
      );
    default:
      return text;
  }
}

interface FuzzRequest {
  url: string;
  query: string;
  body: BodyCase;
  asUser: boolean;
}

function corpusExamples(op: Operation): [FuzzRequest][] {
  return CORPUS_SWEEP.flatMap((text) => {
    let url = op.path;
    for (const name of op.pathParams) url = url.replace(`{${name}}`, encodeSegment(text.slice(0, 200)));
    const params = new URLSearchParams();
    for (const [name, schema] of Object.entries(op.query)) {
      const v = filledWith(schema, text.slice(0, 5000));
      params.append(name, typeof v === 'string' ? v : JSON.stringify(v));
    }
    const query = params.toString() ? `?${params}` : '';
    const body = op.body ? { raw: JSON.stringify(filledWith(op.body, text)), wrongType: false } : undefined;
    return [[{ url, query, body, asUser: true }], [{ url, query, body, asUser: false }]] as [FuzzRequest][];
  });
}

let ctx: TestContext;
let operations: Operation[] = [];

before(async () => {
  // Generous limits: the fuzzer must reach the handlers, not the rate limiter.
  ctx = await setup({ loginRateLimitPerMinute: 100_000, mfaRateLimitPerMinute: 1000 });
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
          requestBody?: { content?: Record<string, { schema: Schema }> };
        }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      const params = op.parameters ?? [];
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema])),
        queryRequired: params.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  operations = operations.filter((op) => op.path.startsWith('/api/') && !op.path.startsWith('/api/docs'));
});
after(async () => {
  await ctx.close();
});

/** A demo account holding a role the matrix allows for the route (null: public route). */
function accountFor(key: string): string | null {
  const rule = ROUTE_ACCESS[key];
  assert.ok(rule, `${key} is in the matrix`);
  if (rule.public) return null;
  if (rule.roles === 'authenticated') return 'dt.staff';
  const role = rule.roles[0];
  const account =
    DEMO_ACCOUNTS.find((a) => a.role === role && a.username.startsWith('dt.')) ??
    DEMO_ACCOUNTS.find((a) => a.role === role);
  assert.ok(account, `a demo account for ${role}`);
  return account.username;
}

function checkAnswer(op: Operation, res: LightMyRequestResponse, body: BodyCase, as: string): void {
  const where = `${op.method} ${op.path} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`;
  assert.ok(res.statusCode < 500, `server error — ${where}`);
  if (body?.wrongType && op.body && res.statusCode < 300)
    assert.fail(`accepted a body of the wrong type — ${where}`);
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('text/html')) {
    for (const payload of HTML_PAYLOADS) assert.ok(!res.body.includes(payload), `HTML reflected — ${where}`);
  }
  if (res.statusCode >= 400 && type.includes('json')) {
    assert.doesNotMatch(
      res.body,
      /at \w+ \(|node_modules|\/src\/|SELECT |syntax error/i,
      `internals — ${where}`,
    );
  }
}

describe('OpenAPI fuzzing', () => {
  test('the OpenAPI document lists every route of the authorization matrix', () => {
    const listed = new Set(operations.map((op) => op.key));
    const missing = Object.keys(ROUTE_ACCESS).filter((key) => !listed.has(key));
    assert.deepEqual(missing, []);
    assert.ok(operations.length >= 30);
  });

  test('every JSON request body schema refuses unknown fields (additionalProperties false)', () => {
    const open = operations
      .filter(
        (op) =>
          op.body &&
          (op.body.type !== 'object' ||
            (op.body as { additionalProperties?: unknown }).additionalProperties !== false),
      )
      .map((op) => op.key);
    assert.deepEqual(open, []);
  });

  test('an unknown query parameter is refused on every route that takes a query', async () => {
    const sessions = new Map<string, Session>();
    for (const op of operations.filter((o) => Object.keys(o.query).length > 0)) {
      const account = accountFor(op.key);
      const session = account ? (sessions.get(account) ?? (await login(ctx, account))) : null;
      if (account && session) sessions.set(account, session);
      const url = `${op.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000')}?zz_unknown=1`;
      const res = session
        ? await session.request(op.method, url)
        : await ctx.app.inject({ method: op.method, url });
      assert.equal(res.statusCode, 400, `${op.key}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      // Missing required parameters or a path parameter of the wrong form are named first.
      if (op.queryRequired.length === 0 && op.pathParams.length === 0) {
        assert.equal(res.json().field, 'zz_unknown', op.key);
      }
    }
  });

  test('every operation, anonymous and as an allowed role: no 5xx, wrong-type bodies refused, no HTML reflected', async (t) => {
    const sessions = new Map<string, Session>();
    // Sessions proven alive (GET /api/auth/me) since the last request that could have ended one: a
    // call to /api/auth/* (logout, password change, failed attempts) or any write that succeeded.
    // Every other answer leaves every session as it was, so it is not re-checked before each input.
    const alive = new Set<string>();
    const sessionFor = async (username: string) => {
      let s = sessions.get(username);
      if (s && (alive.has(username) || (await s.request('GET', '/api/auth/me')).statusCode === 200)) {
        alive.add(username);
        return s;
      }
      s = await login(ctx, username);
      sessions.set(username, s);
      alive.add(username);
      return s;
    };
    const started = Date.now();
    let requests = 0;
    for (const op of operations) {
      const account = accountFor(op.key);
      const request = fc.record({
        url: pathFor(op),
        query: queryFor(op),
        body: bodyFor(op),
        asUser: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ url, query, body, asUser }) => {
          const session = asUser && account ? await sessionFor(account) : null;
          const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
          if (session) {
            headers.cookie = session.cookie;
            if (op.method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
          }
          const res = await ctx.app.inject({
            method: op.method,
            url: `${url}${query}`,
            headers,
            ...(body ? { payload: body.raw } : {}),
          });
          requests++;
          if (op.path.startsWith('/api/auth/') || (op.method !== 'GET' && res.statusCode < 300))
            alive.clear();
          checkAnswer(op, res, body, session ? account! : 'anonymous');
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true, examples: corpusExamples(op) },
      );
      // Keep the logged-in sessions valid across operations (logout and password routes end them).
      if (op.key === 'POST /api/auth/logout' || op.key === 'POST /api/auth/password') {
        sessions.clear();
        alive.clear();
      }
    }
    assert.ok(requests >= operations.length * RUNS_PER_OPERATION);
    // How long it took is reported, never asserted: speed is measured by `npm run bench`, and a
    // loaded CI machine must not turn a time into a failure.
    t.diagnostic(`${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
