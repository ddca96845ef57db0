/**
 * Regression tests for the outside probe's findings (issue 9), one describe block per item: the
 * request gate (HEAD, references, refusals, rate limits, idle sessions, malformed URLs). Each test
 * fails on the code before the fix. Duties and administrators: security-probe-duties.test.ts; the
 * audit checkpoint and orphaned files: security-probe-storage.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/platform/db/client.ts';
import {
  applicationBody,
  catalogSystem,
  expectStatus,
  ProjectFixtures,
  Sessions,
} from '../../factories/projects.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let admin: Session;
before(async () => {
  ctx = await setup();
  admin = await login(ctx, 'demo.sysadmin');
});
after(async () => {
  await ctx.close();
});

const head = (url: string, cookie?: string) =>
  ctx.app.inject({ method: 'HEAD', url, ...(cookie ? { headers: { cookie } } : {}) });

describe('item 1: HEAD passes the same authentication and authorization as GET', () => {
  test('anonymous HEAD on the audit log, users and personal data is refused with 401 and no body', async () => {
    const user = (await admin.request('GET', '/api/users')).json().items[0].id;
    for (const url of [
      '/api/audit',
      '/api/audit/verify',
      '/api/users',
      '/api/security/users',
      `/api/users/${user}/sensitive`,
    ]) {
      const res = await head(url);
      assert.equal(res.statusCode, 401, `HEAD ${url}`);
      assert.equal(res.body, '');
      // No length oracle: the answer is the same as for a route that does not exist behind the gate.
      const unknownUser = await head(url.replace(user, '00000000-0000-0000-0000-000000000000'));
      assert.equal(res.headers['content-length'], unknownUser.headers['content-length']);
    }
  });

  test('HEAD as a role the matrix refuses gets 403; as the allowed role it gets the GET status', async () => {
    const staff = await login(ctx, 'dt.staff');
    assert.equal((await head('/api/audit', staff.cookie)).statusCode, 403);
    const audit = await login(ctx, 'demo.auditadmin');
    assert.equal((await head('/api/audit?limit=1', audit.cookie)).statusCode, 200);
  });

  test('HEAD is held to the forced password change like GET', async () => {
    const created = await admin.request('POST', '/api/users', {
      username: 'probe.newcomer',
      displayName: '新人',
      initialPassword: 'Probe#Initial-2026',
    });
    assert.equal(created.statusCode, 201, created.body);
    const grant = await (await login(ctx, 'demo.secadmin')).request(
      'POST',
      `/api/users/${created.json().id}/roles`,
      {
        role: 'dept_staff',
        organisationId: (await admin.request('GET', '/api/organisations'))
          .json()
          .items.find((o: { kind: string }) => o.kind === 'department').id,
      },
    );
    assert.equal(grant.statusCode < 300, true, grant.body);
    const newcomer = await login(ctx, 'probe.newcomer', 'Probe#Initial-2026');
    const get = await newcomer.request('GET', '/api/projects');
    assert.equal(get.statusCode, 403);
    assert.equal(get.json().code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await head('/api/projects', newcomer.cookie)).statusCode, 403);
    assert.equal((await head('/api/auth/me', newcomer.cookie)).statusCode, 200);
  });

  test('a percent-encoded path that routes to an API route is authorized like the plain path', async () => {
    for (const url of ['/%61pi/audit', '/%61pi/users', '/api/%61udit']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, `GET ${url}: ${res.body.slice(0, 80)}`);
    }
  });
});

describe('item 2: references in a write pass the read visibility check', () => {
  const NOBODY = '00000000-0000-4000-8000-000000000000';
  const withoutId = (body: Record<string, unknown>): Record<string, unknown> => ({
    ...body,
    requestId: undefined,
  });

  test('GET /api/plans lists only the linked projects the caller may see', async () => {
    const fx = new ProjectFixtures(ctx, new Sessions(ctx));
    const { id } = await fx.draft({ planEntryId: await fx.planEntry() });
    const linkedIn = async (username: string) => {
      const plans = (await (await login(ctx, username)).request('GET', '/api/plans')).json().items;
      return plans.flatMap((p: { entries: { linkedProjects: { id: string }[] }[] }) =>
        p.entries.flatMap((e) => e.linkedProjects.map((l) => l.id)),
      );
    };
    assert.ok((await linkedIn('dt.staff')).includes(id), 'the owner sees its own draft');
    assert.ok(!(await linkedIn('dt.staff2')).includes(id), 'another department does not');
  });

  test("another department's project as parentProjectId is answered like an id that does not exist", async () => {
    const fx = new ProjectFixtures(ctx, new Sessions(ctx));
    const parentId = await fx.submitted();
    const other = await login(ctx, 'dt.staff2');
    const draft = await other.request('POST', '/api/projects', applicationBody({ name: '卫健测试项目' }));
    expectStatus(draft, 201, 'draft');
    const answers = [];
    for (const [ref, share] of [
      [parentId, '1'],
      [parentId, '99999999'],
      [NOBODY, '1'],
    ]) {
      const res = await other.request('PATCH', `/api/projects/${draft.json().id}`, {
        version: draft.json().version,
        parentProjectId: ref,
        shareOfParent: share,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(!res.body.includes('智慧教育') && !res.body.includes('矩阵测试项目'), res.body);
      answers.push(withoutId(res.json()));
    }
    assert.equal(answers[0].code, 'PARENT_INVALID');
    assert.deepEqual(answers[1], answers[0], 'no SHARE_EXCEEDS_PARENT: the budget stays hidden');
    assert.deepEqual(answers[2], answers[0]);
  });

  test("another jurisdiction's or department's catalog system is answered like an absent one", async () => {
    const dtStaff = await login(ctx, 'dt.staff');
    const dtSystem = await catalogSystem(ctx, dtStaff, 'DT', '大同市教育局');
    const answers = [];
    for (const [username, systemId] of [
      ['sc.staff', dtSystem],
      ['dt.staff2', dtSystem],
      ['sc.staff', NOBODY],
    ]) {
      const s = await login(ctx, username);
      const res = await s.request(
        'POST',
        '/api/projects',
        applicationBody({ systems: [{ systemId, name: null, relation: 'changes' }] }),
      );
      assert.equal(res.statusCode, 400, `${username}: ${res.body}`);
      answers.push(withoutId(res.json()));
    }
    assert.equal(answers[0].code, 'CATALOG_ENTRY_NOT_FOUND');
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    // The owner may reference it.
    const own = await dtStaff.request(
      'POST',
      '/api/projects',
      applicationBody({ systems: [{ systemId: dtSystem, name: null, relation: 'changes' }] }),
    );
    expectStatus(own, 201, 'own system');
  });
});

describe('item 5: every refusal is audited with its true outcome', () => {
  const rowsFor = (requestId: string) =>
    queryRows<{ action: string; outcome: string; details: Record<string, unknown> | null }>(
      ctx.database.db,
      sql`select action, outcome, details from audit_events where request_id = ${requestId}`,
    );

  test('a role the matrix refuses is audited as denied, not success', async () => {
    const staff = await login(ctx, 'dt.staff');
    const res = await staff.request('GET', '/api/audit');
    assert.equal(res.statusCode, 403);
    const rows = await rowsFor(res.json().requestId);
    assert.deepEqual(
      rows.map((r) => [r.action, r.outcome]),
      [['access.denied', 'denied']],
    );
  });

  test("another department's project answered 404 leaves a denied audit row", async () => {
    const fx = new ProjectFixtures(ctx, new Sessions(ctx));
    const { id } = await fx.draft();
    const other = await login(ctx, 'dt.staff2');
    for (const [method, url] of [
      ['GET', `/api/projects/${id}`],
      ['POST', `/api/projects/${id}/submit`],
    ] as const) {
      const res = await other.request(method, url);
      assert.equal(res.statusCode, 404, res.body);
      const rows = await rowsFor(res.json().requestId);
      assert.equal(rows.length, 1, `${method} ${url}: ${JSON.stringify(rows)}`);
      assert.equal(rows[0].outcome, 'denied');
      assert.equal(rows[0].details?.code, 'PROJECT_NOT_FOUND');
    }
  });
});

describe('item 10: rate limits answer 429 in the error contract', () => {
  test('the 61st public catalog request in a minute is a 429 RATE_LIMITED, not a 500', async () => {
    let res = await ctx.app.inject({ method: 'GET', url: '/api/public/resources?limit=1' });
    for (let i = 1; i < 61 && res.statusCode === 200; i++) {
      res = await ctx.app.inject({ method: 'GET', url: '/api/public/resources?limit=1' });
    }
    assert.equal(res.statusCode, 429, res.body);
    assert.equal(res.json().code, 'RATE_LIMITED');
    assert.match(res.json().message, /请求过于频繁/);
    assert.ok(res.headers['retry-after'], 'Retry-After is sent');
  });

  test('the login limit answers 429 too', async () => {
    const c = await setup({ loginRateLimitPerMinute: 2 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await c.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody.here', password: 'Wrong#Pass-2026' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) assert.equal(r.json().code, 'RATE_LIMITED');
      }
      assert.deepEqual(codes, [401, 401, 429]);
    } finally {
      await c.close();
    }
  });
});

describe('item 12: catalog exports are rate-limited per user', () => {
  test('GET and HEAD of the three exports share one allowance of 20 a minute', async () => {
    const staff = await login(ctx, 'dt.staff');
    const urls = [
      '/api/catalog/systems/export',
      '/api/catalog/resources/export',
      '/api/catalog/cloud-services/export',
    ];
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await ctx.app.inject({
        method: i % 2 ? 'HEAD' : 'GET',
        url: urls[i % 3],
        headers: { cookie: staff.cookie },
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes.slice(0, 20), Array(20).fill(200));
    assert.equal(codes[20], 429);
    const refused = await staff.request('GET', urls[0]);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().code, 'RATE_LIMITED');
    // A minute later the allowance is back.
    ctx.clock.advance(60_000);
    assert.equal((await staff.request('GET', urls[0])).statusCode, 200);
  });
});

describe('item 13: idle means idle', () => {
  test('with SESSION_IDLE_MINUTES=1 a session used every 20 s lives on; 61 s without use ends it', async () => {
    const c = await setup({ sessionIdleMinutes: 1 });
    try {
      const s = await login(c, 'dt.staff');
      for (let i = 0; i < 9; i++) {
        c.clock.advance(20_000);
        const res = await s.request('GET', '/api/auth/me');
        assert.equal(res.statusCode, 200, `after ${(i + 1) * 20} s in constant use`);
      }
      c.clock.advance(61_000);
      assert.equal((await s.request('GET', '/api/auth/me')).statusCode, 401);
    } finally {
      await c.close();
    }
  });
});

describe('item 15: malformed URLs get the error contract', () => {
  test('a URL that does not decode is a 400 BAD_URL that does not echo it', async () => {
    for (const url of ['/api/%zz', '/api/projects/%E0%A4%A', '/%c0%af']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'requestId']);
      assert.equal(body.code, 'BAD_URL');
      assert.ok(!res.body.includes('%'), res.body);
    }
  });
});
