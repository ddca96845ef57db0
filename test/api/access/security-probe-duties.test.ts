/**
 * Regression tests for the outside probe's findings (issue 9), one describe block per item: the
 * separation of duties and the three administrators (三员分立). Each test fails on the code before
 * the fix.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  approvedPlanEntry,
  catalogSystem,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  organisationId,
  Sessions,
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
