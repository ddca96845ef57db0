/**
 * 三员分立 through the API (SECURITY.md 17; 等保 8.1.5, 8.1.4.2d): no account holds two
 * administrator roles or an administrator role next to a business role; each administrator action
 * is audited in its role; the security administrator's view of accounts carries no personal data.
 * That the administrators reach no business route is shown route by route in
 * test/access/matrix.test.ts and over the matrix in src/access/separation.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { ADMIN_ROLES } from '../../../src/access/roles.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { queryRows } from '../../../src/platform/db/client.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sys: Session;
let sec: Session;
before(async () => {
  ctx = await setup();
  sys = await login(ctx, 'demo.sysadmin');
  sec = await login(ctx, 'demo.secadmin');
});
after(async () => {
  await ctx.close();
});

async function newUser(username: string): Promise<string> {
  const res = await sys.request('POST', '/api/users', {
    username,
    displayName: '分立测试',
    initialPassword: 'Separate#Pass-2026',
    phone: '13500001234',
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function organisation(kind: string): Promise<string> {
  const res = await sys.request('GET', '/api/organisations');
  return res.json().items.find((o: { kind: string }) => o.kind === kind).id;
}

describe('三员分立', () => {
  test('no account may hold two administrator roles, nor an administrator role and a business role', async () => {
    const platform = await organisation('platform');
    const department = await organisation('department');
    const admin = await newUser('sep.admin');
    assert.equal(
      (
        await sec.request('POST', `/api/users/${admin}/roles`, {
          role: 'sys_admin',
          organisationId: platform,
        })
      ).statusCode,
      201,
    );
    for (const [role, org] of [
      ['sec_admin', platform],
      ['audit_admin', platform],
      ['dept_staff', department],
    ] as const) {
      const res = await sec.request('POST', `/api/users/${admin}/roles`, { role, organisationId: org });
      assert.equal(res.statusCode, 409, role);
      assert.equal(res.json().code, 'SEPARATION_OF_DUTIES');
    }
    const business = await newUser('sep.business');
    await sec.request('POST', `/api/users/${business}/roles`, {
      role: 'dept_staff',
      organisationId: department,
    });
    for (const role of ADMIN_ROLES) {
      const res = await sec.request('POST', `/api/users/${business}/roles`, {
        role,
        organisationId: platform,
      });
      assert.equal(res.json().code, 'SEPARATION_OF_DUTIES', role);
    }
    const [{ n }] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from role_assignments where user_id in (${admin}, ${business})`,
    );
    assert.equal(n, 2);
  });

  test("the security administrator's view of accounts carries security state and roles, no personal data", async () => {
    const id = await newUser('sep.private');
    const res = await sec.request('GET', '/api/security/users?q=sep.private');
    assert.equal(res.statusCode, 200);
    const row = res.json().items.find((u: { id: string }) => u.id === id);
    assert.deepEqual(Object.keys(row).sort(), [
      'disabled',
      'disabledReason',
      'displayName',
      'id',
      'lastLoginAt',
      'locked',
      'lockedUntil',
      'mfaEnrolled',
      'passwordChangedAt',
      'passwordExpired',
      'roles',
      'username',
    ]);
    assert.ok(
      !res.body.includes('13500001234') && !res.body.includes('135****1234'),
      'no phone, not even masked',
    );
    assert.equal((await sec.request('GET', '/api/users')).statusCode, 403);
  });

  test("each administrator action is audited with the administrator's role", async () => {
    const auditor = await login(ctx, 'demo.auditadmin');
    const id = await newUser('sep.audited');
    await sec.request('POST', `/api/users/${id}/unlock`);
    await auditor.request('GET', '/api/audit?limit=1');
    const rows = await ctx.database.db.select().from(auditEvents).orderBy(sql`id desc`).limit(10);
    const byAction = (action: string) => rows.find((r) => r.action === action)!;
    assert.equal(byAction('user.create').role, 'sys_admin');
    assert.equal(byAction('user.unlock').role, 'sec_admin');
    assert.equal(byAction('audit.query').role, 'audit_admin');
    const [created] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.objectId, id))
      .orderBy(auditEvents.id);
    assert.equal(created.actorName, 'demo.sysadmin');
  });
});
