/**
 * Regression tests for the outside probe's findings (issue 9), one describe block per item.
 * Each test fails on the code before the fix.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { advanceCheckpoint, CHECKPOINT_FILE } from '../../../src/audit/anchor.ts';
import { verifyAuditChain } from '../../../src/audit/index.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { sweepOrphanFiles } from '../../../src/projects/commands/sweep-orphan-files.ts';
import {
  applicationBody,
  approvedPlanEntry,
  catalogSystem,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  organisationId,
  ProjectFixtures,
  Sessions,
  setupProjects,
  upload,
  uploadMissing,
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

describe('item 4: deleting the newest audit rows is detected', () => {
  test('a signed checkpoint outside the database reveals deleted newest rows; id gaps are reported', async () => {
    const c = await setup();
    try {
      const auditor = await login(c, 'demo.auditadmin');
      for (let i = 0; i < 20; i++) await auditor.request('GET', '/api/audit?limit=1');
      const dir = c.config.auditArchiveDir;
      assert.equal(await advanceCheckpoint(c.database.db, c.keyring, dir, c.clock.now()), 'written');
      const clean = (await auditor.request('GET', '/api/audit/verify')).json();
      assert.equal(clean.ok, true, JSON.stringify(clean));
      assert.equal(clean.anchor, 'ok');

      const removeNewest = async (n: number) => {
        await c.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
        await c.database.db.execute(
          sql`delete from audit_events where id in (select id from audit_events order by id desc limit ${n})`,
        );
        await c.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      };
      // The last 6 rows (the verify call's own row and the 5 before it): the chain alone still verifies.
      await removeNewest(6);
      const chainOnly = await verifyAuditChain(c.database.db, c.keyring.auditKey);
      assert.equal(chainOnly.breaks.length, 0, 'the HMAC chain alone cannot see it');
      const anchored = await verifyAuditChain(c.database.db, c.keyring.auditKey, {
        anchor: { keyring: c.keyring, dir },
      });
      assert.equal(anchored.ok, false);
      assert.equal(anchored.anchor?.status, 'truncated');
      // The writer refuses to move a checkpoint the table no longer matches (it is the evidence).
      assert.equal(await advanceCheckpoint(c.database.db, c.keyring, dir, c.clock.now()), 'refused');

      // Ten more deleted, then new writes continue the shortened chain: the checkpoint's row now
      // holds another hash, so the verifier still fails (ids follow the last row, see src/platform/audit-log/record.ts).
      await removeNewest(10);
      await auditor.request('GET', '/api/audit?limit=1');
      const after = (await auditor.request('GET', '/api/audit/verify')).json();
      assert.equal(after.ok, false, JSON.stringify(after));
      assert.match(after.reason, /^checkpoint_(truncated|mismatch)$/);

      // A row deleted in the middle: the chain breaks and the missing id is reported as a gap.
      const [{ id: middle }] = await queryRows<{ id: number }>(
        c.database.db,
        sql`select id from audit_events order by id limit 1 offset 3`,
      );
      await c.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await c.database.db.execute(sql`delete from audit_events where id = ${middle}`);
      await c.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      const gap = await verifyAuditChain(c.database.db, c.keyring.auditKey);
      assert.deepEqual(gap.gaps, [
        { id: Number(middle) + 1, missingFrom: Number(middle), missingTo: Number(middle) },
      ]);
      assert.equal(gap.ok, false);

      // A forged checkpoint (edited without the SM2 key) is reported as such.
      const file = path.join(dir, CHECKPOINT_FILE);
      const forged = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...forged, lastId: 1 }));
      const bad = await verifyAuditChain(c.database.db, c.keyring.auditKey, {
        anchor: { keyring: c.keyring, dir },
      });
      assert.equal(bad.anchor?.status, 'bad_signature');
      assert.equal(bad.ok, false);
    } finally {
      await c.close();
    }
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

describe('item 6: separation of duties', () => {
  const sessions = () => new Sessions(ctx);

  test('a user who submitted a department plan cannot file it, even holding the authority role', async () => {
    const s = sessions();
    const both = await extraUser(ctx, s, 'dept_staff', '大同市教育局', [
      { role: 'authority_reviewer', organisationName: '大同市数字政府服务中心' },
    ]);
    const me = await s.as(both.username, EXTRA_PASSWORD);
    const plan = await me.request('POST', '/api/plans', {
      kind: 'overall',
      title: '自报自备规划',
      year: 2026,
      endYear: 2028,
      summary: '',
      organisationId: await organisationId(me, '大同市教育局'),
    });
    expectStatus(plan, 201, 'plan');
    const id = plan.json().id;
    expectStatus(
      await me.request('POST', `/api/plans/${id}/entries`, {
        organisationId: await organisationId(me, '大同市教育局'),
        projectName: '自报项目',
        estimatedBudget: '100000',
        year: 2027,
        summary: '',
      }),
      201,
      'entry',
    );
    expectStatus(await me.request('POST', `/api/plans/${id}/submit`), 200, 'submit');
    const own = await me.request('POST', `/api/plans/${id}/decision`, {
      decision: 'approve',
      opinion: '备案',
    });
    expectStatus(own, 403, 'self filing');
    assert.equal(own.json().code, 'SELF_APPROVAL');
    // Another authority user files it.
    const filed = await (await s.as('dt.reviewer')).request('POST', `/api/plans/${id}/decision`, {
      decision: 'approve',
      opinion: '予以备案',
    });
    expectStatus(filed, 200, 'filed by another');
  });

  test('a user cannot write review scores on a project they submitted', async () => {
    const s = sessions();
    const both = await extraUser(ctx, s, 'dept_staff', '大同市教育局', [
      { role: 'authority_reviewer', organisationName: '大同市数字政府服务中心' },
    ]);
    const me = await s.as(both.username, EXTRA_PASSWORD);
    const entryId = await approvedPlanEntry(s, 'dt.reviewer', 'dt.gov', '大同市教育局', '自评项目');
    const systemId = await catalogSystem(ctx, me, 'DT', '大同市教育局');
    const { id } = await draftProject(me, {
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(me, id);
    expectStatus(await me.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const own = await me.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS });
    expectStatus(own, 403, 'self scoring');
    assert.equal(own.json().code, 'SELF_APPROVAL');
    const other = await (await s.as('dt.reviewer')).request('PUT', `/api/projects/${id}/review`, {
      opinions: FIVE_OPINIONS,
    });
    assert.ok(other.statusCode < 300, other.body);
  });

  test('a role is granted only at an organisation of a kind that allows it', async () => {
    const sec = await login(ctx, 'demo.secadmin');
    const created = await admin.request('POST', '/api/users', {
      username: 'probe.grant',
      displayName: '授权测试',
      initialPassword: 'Probe#Grant-2026',
    });
    const department = await organisationId(admin, '大同市教育局');
    const res = await sec.request('POST', `/api/users/${created.json().id}/roles`, {
      role: 'authority_leader',
      organisationId: department,
    });
    expectStatus(res, 400, 'authority_leader at a department');
    assert.equal(res.json().code, 'ROLE_ORGANISATION_KIND');
    assert.equal(res.json().field, 'organisationId');
    const ok = await sec.request('POST', `/api/users/${created.json().id}/roles`, {
      role: 'dept_leader',
      organisationId: department,
    });
    expectStatus(ok, 201, 'dept_leader at a department');
  });
});

describe('item 7: the three administrators (三员分立)', () => {
  test('the system admin cannot disable or change another administrator; the last holder keeps the role', async () => {
    const c = await setup();
    try {
      const sys = await login(c, 'demo.sysadmin');
      const sec = await login(c, 'demo.secadmin');
      const users = (await sys.request('GET', '/api/users?q=demo.&limit=100')).json().items as {
        id: string;
        username: string;
        version: number;
      }[];
      for (const username of ['demo.secadmin', 'demo.auditadmin']) {
        const target = users.find((u) => u.username === username)!;
        const res = await sys.request('PATCH', `/api/users/${target.id}`, {
          disabled: true,
          version: target.version,
        });
        expectStatus(res, 403, `disable ${username}`);
        assert.equal(res.json().code, 'ADMIN_ACCOUNT_PROTECTED');
      }
      const holders = async (role: string) =>
        (
          (await sec.request('GET', `/api/security/users?role=${role}&limit=100`)).json().items as {
            id: string;
            username: string;
            roles: { id: string; role: string }[];
          }[]
        ).flatMap((u) => u.roles.filter((r) => r.role === role).map((r) => ({ user: u, assignment: r.id })));
      for (const role of ['audit_admin', 'sys_admin', 'sec_admin']) {
        // Every holder but one may lose the role (the security admin keeps its own for last)…
        const all = (await holders(role)).sort((a) => (a.user.id === sec.userId ? 1 : -1));
        assert.ok(all.length >= 1, role);
        for (const h of all.slice(0, -1)) {
          expectStatus(
            await sec.request('DELETE', `/api/users/${h.user.id}/roles/${h.assignment}`),
            204,
            role,
          );
        }
        // … the last enabled one may not.
        const last = all.at(-1)!;
        const res = await sec.request('DELETE', `/api/users/${last.user.id}/roles/${last.assignment}`);
        expectStatus(res, 409, `last ${role}`);
        assert.equal(res.json().code, 'LAST_ADMIN');
      }
    } finally {
      await c.close();
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

describe('item 14: orphaned upload files are swept', () => {
  test('files no material row names, older than the grace period, are removed and audited; referenced ones stay', async () => {
    const c = await setupProjects();
    try {
      const s = new Sessions(c);
      const staff = await s.as('dt.staff');
      const { id } = await draftProject(staff);
      expectStatus(await upload(staff, id, 'other'), 201, 'upload');
      const folder = path.join(c.config.dataDir, 'files');
      const [{ name: kept }] = await queryRows<{ name: string }>(
        c.database.db,
        sql`select storage_name as name from project_materials where project_id = ${id}`,
      );
      const orphan = `${'ab'.repeat(16)}.pdf`;
      const young = `${'cd'.repeat(16)}.pdf`;
      fs.mkdirSync(path.join(folder, 'ab'), { recursive: true });
      fs.mkdirSync(path.join(folder, 'cd'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'ab', orphan), 'left by a killed upload');
      fs.writeFileSync(path.join(folder, 'ab', `${orphan}.partial`), 'half written');
      fs.writeFileSync(path.join(folder, 'cd', young), 'upload still committing');
      const old = new Date(c.clock.now().getTime() - 2 * 3600_000);
      const recent = new Date(c.clock.now().getTime() - 60_000);
      for (const f of [path.join(folder, 'ab', orphan), path.join(folder, 'ab', `${orphan}.partial`)])
        fs.utimesSync(f, old, old);
      fs.utimesSync(path.join(folder, kept.slice(0, 2), kept), old, old);
      fs.utimesSync(path.join(folder, 'cd', young), recent, recent);

      const { removed } = await sweepOrphanFiles(c.deps, folder);
      assert.deepEqual(removed.sort(), [orphan, `${orphan}.partial`].sort());
      assert.ok(fs.existsSync(path.join(folder, kept.slice(0, 2), kept)), 'the referenced file stays');
      assert.ok(fs.existsSync(path.join(folder, 'cd', young)), 'a young file stays');
      assert.ok(!fs.existsSync(path.join(folder, 'ab', orphan)));
      const rows = await queryRows<{ details: { count: number } }>(
        c.database.db,
        sql`select details from audit_events where action = 'file.orphan_sweep'`,
      );
      assert.deepEqual(
        rows.map((r) => r.details.count),
        [2],
      );
      // The material still downloads.
      const material = (await staff.request('GET', `/api/projects/${id}`)).json().materials[0];
      expectStatus(
        await staff.request('GET', `/api/projects/${id}/materials/${material.id}/download`),
        200,
        'download',
      );
    } finally {
      await c.close();
    }
  });
});
