/**
 * The audit catalogue (SECURITY.md 19; 等保 8.1.4.3): each catalogued security event, performed
 * through the API, writes exactly one audit record carrying time, user, source address, event
 * type, object and outcome. Records are matched to the request by its request id.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { archiveAuditEvents } from '../../../src/audit/index.ts';
import { DEMO_PASSWORD } from '../../../src/demo/accounts.ts';
import { users } from '../../../src/identity/tables.ts';
import { AUDIT_ACTIONS } from '../../../src/platform/audit-log/events.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { nextCode, passwordStep, secondStep } from '../../security-helper.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sys: Session;
let sec: Session;
let auditor: Session;
const covered = new Set<string>();

before(async () => {
  ctx = await setup();
  sys = await login(ctx, 'demo.sysadmin');
  sec = await login(ctx, 'demo.secadmin');
  auditor = await login(ctx, 'demo.auditadmin');
});
after(async () => {
  await ctx.close();
});

interface Expect {
  outcome?: 'success' | 'failure' | 'denied' | 'refused';
  /** The acting user's name as recorded (the attempted name for logins). */
  actor?: string | null;
  objectType?: string;
  objectId?: string;
}

/** Exactly one record of `action` for the request, with every field SECURITY.md 19 names. */
async function expectOne(res: LightMyRequestResponse, action: string, expect: Expect = {}) {
  const requestId = String(res.headers['x-request-id']);
  const rows = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
  const matching = rows.filter((r) => r.action === action);
  assert.equal(matching.length, 1, `${action}: ${matching.length} records for request ${requestId}`);
  const row = matching[0];
  assert.ok(row.at instanceof Date && !Number.isNaN(row.at.getTime()), 'time');
  assert.ok(row.sourceIp, 'source address');
  assert.equal(row.outcome, expect.outcome ?? 'success', `${action} outcome`);
  if (expect.actor !== undefined) assert.equal(row.actorName, expect.actor, `${action} user`);
  else assert.ok(row.actorName, `${action} user`);
  if (expect.objectType) assert.equal(row.objectType, expect.objectType, `${action} object type`);
  if (expect.objectId) assert.equal(row.objectId, expect.objectId, `${action} object`);
  assert.ok(action in AUDIT_ACTIONS, `${action} is catalogued`);
  covered.add(`${action}:${row.outcome}`);
  return row;
}

async function userId(username: string): Promise<string> {
  const [row] = await ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  return row.id;
}

async function anyDepartment(): Promise<{ id: string; jurisdictionId: string }> {
  const res = await sys.request('GET', '/api/organisations');
  return res.json().items.find((o: { kind: string }) => o.kind === 'department');
}

function attempt(username: string, password: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

describe('audit catalogue: one record per event', () => {
  test('login success and failure', async () => {
    const ok = await attempt('dt.staff', DEMO_PASSWORD);
    assert.equal(ok.statusCode, 200);
    await expectOne(ok, 'auth.login', { actor: 'dt.staff', objectId: await userId('dt.staff') });
    const bad = await attempt('dt.staff', 'Wrong#Pass-1');
    await expectOne(bad, 'auth.login', { outcome: 'failure', actor: 'dt.staff' });
  });

  test('logout', async () => {
    const s = await login(ctx, 'dt.leader');
    const res = await s.request('POST', '/api/auth/logout');
    assert.equal(res.statusCode, 204);
    await expectOne(res, 'auth.logout', { actor: 'dt.leader', objectType: 'user' });
  });

  test('lockout: the failure that locks writes one login failure and one lockout', async () => {
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 5; i++) last = await attempt('dt.staff2', `Wrong#Pass-${i}`);
    await expectOne(last!, 'auth.login', { outcome: 'failure', actor: 'dt.staff2' });
    await expectOne(last!, 'auth.lockout', { actor: 'dt.staff2', objectId: await userId('dt.staff2') });
  });

  test('second-factor enrolment, success and failure', async () => {
    const s = await login(ctx, 'dt.reviewer');
    const start = await s.request('POST', '/api/auth/mfa/enrolment');
    await expectOne(start, 'auth.mfa_enrolment_start', { actor: 'dt.reviewer' });
    const wrong = await s.request('POST', '/api/auth/mfa/enrolment/confirm', { code: 'abcdef' });
    assert.equal(wrong.statusCode, 400);
    await expectOne(wrong, 'auth.mfa_enrol', { outcome: 'failure', actor: 'dt.reviewer' });
    const confirm = await s.request('POST', '/api/auth/mfa/enrolment/confirm', {
      code: nextCode(ctx, start.json().secret),
    });
    assert.equal(confirm.statusCode, 200);
    await expectOne(confirm, 'auth.mfa_enrol', { actor: 'dt.reviewer' });
    const secret = start.json().secret as string;

    const failing = await secondStep(ctx, (await passwordStep(ctx, 'dt.reviewer')).json().mfaToken, {
      code: '00000a',
    });
    assert.equal(failing.statusCode, 401);
    await expectOne(failing, 'auth.mfa', { outcome: 'failure', actor: 'dt.reviewer' });
    const first = await passwordStep(ctx, 'dt.reviewer');
    await expectOne(first, 'auth.login', { actor: 'dt.reviewer' });
    const passing = await secondStep(ctx, first.json().mfaToken, { code: nextCode(ctx, secret) });
    assert.equal(passing.statusCode, 200);
    await expectOne(passing, 'auth.mfa', { actor: 'dt.reviewer' });

    const reset = await sec.request('DELETE', `/api/users/${await userId('dt.reviewer')}/mfa`);
    await expectOne(reset, 'auth.mfa_reset', { actor: 'demo.secadmin' });
  });

  test('password change', async () => {
    const s = await login(ctx, 'dt.authlead');
    const res = await s.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Changed#Pass-2026',
    });
    assert.equal(res.statusCode, 204);
    await expectOne(res, 'auth.password_change', { actor: 'dt.authlead' });
  });

  test('user create, update, disable, enable; personal data viewed and looked up', async () => {
    const created = await sys.request('POST', '/api/users', {
      username: 'catalogue.user',
      displayName: '目录用户',
      initialPassword: 'Catalogue#Pass-2026',
      phone: '13912345678',
    });
    assert.equal(created.statusCode, 201);
    const id = created.json().id;
    await expectOne(created, 'user.create', { actor: 'demo.sysadmin', objectId: id });
    const updated = await sys.request('PATCH', `/api/users/${id}`, { displayName: '改名', version: 1 });
    await expectOne(updated, 'user.update', { objectId: id });
    const disabled = await sys.request('PATCH', `/api/users/${id}`, { disabled: true, version: 2 });
    await expectOne(disabled, 'user.disable', { objectId: id });
    const enabled = await sys.request('PATCH', `/api/users/${id}`, { disabled: false, version: 3 });
    await expectOne(enabled, 'user.enable', { objectId: id });
    const viewed = await sys.request('GET', `/api/users/${id}/sensitive`);
    await expectOne(viewed, 'user.sensitive_view', { objectId: id });
    const lookup = await sys.request('POST', '/api/users/lookup', { phone: '139 1234 5678' });
    assert.equal(lookup.json().items[0].id, id);
    await expectOne(lookup, 'user.sensitive_lookup');
  });

  test('role grant and revoke; a refused grant (三员分立) is recorded as refused', async () => {
    const created = await sys.request('POST', '/api/users', {
      username: 'catalogue.role',
      displayName: '角色用户',
      initialPassword: 'Catalogue#Pass-2026',
    });
    const id = created.json().id;
    const org = await anyDepartment();
    const granted = await sec.request('POST', `/api/users/${id}/roles`, {
      role: 'dept_staff',
      organisationId: org.id,
    });
    assert.equal(granted.statusCode, 201);
    await expectOne(granted, 'role.assign', { actor: 'demo.secadmin', objectId: id });
    const refused = await sec.request('POST', `/api/users/${id}/roles`, {
      role: 'audit_admin',
      organisationId: org.id,
    });
    assert.equal(refused.statusCode, 409);
    await expectOne(refused, 'role.assign', { outcome: 'refused', objectId: id });
    const revoked = await sec.request('DELETE', `/api/users/${id}/roles/${granted.json().roles[0].id}`);
    await expectOne(revoked, 'role.revoke', { objectId: id });
  });

  test('account unlock', async () => {
    for (let i = 0; i < 5; i++) await attempt('dt.finance', `Wrong#Pass-${i}`);
    const res = await sec.request('POST', `/api/users/${await userId('dt.finance')}/unlock`);
    assert.equal(res.statusCode, 204);
    await expectOne(res, 'user.unlock', { actor: 'demo.secadmin' });
  });

  test('password reset', async () => {
    const res = await sys.request('POST', `/api/users/${await userId('dt.gov')}/password-reset`, {
      temporaryPassword: 'Temporary#Reset-2026',
    });
    assert.equal(res.statusCode, 204, res.body);
    await expectOne(res, 'user.password_reset', { actor: 'demo.sysadmin', objectType: 'user' });
  });

  test('organisation create and update; jurisdiction create', async () => {
    const org = await anyDepartment();
    const created = await sys.request('POST', '/api/organisations', {
      name: '目录测试局',
      kind: 'department',
      parentId: null,
      jurisdictionId: org.jurisdictionId,
    });
    assert.equal(created.statusCode, 201);
    await expectOne(created, 'organisation.create', { objectId: created.json().id });
    const updated = await sys.request('PATCH', `/api/organisations/${created.json().id}`, {
      name: '目录测试局（改）',
      version: 1,
    });
    await expectOne(updated, 'organisation.update', { objectId: created.json().id });
    const root = (await sys.request('GET', '/api/jurisdictions'))
      .json()
      .items.find((j: { code: string }) => j.code === 'SX');
    const jurisdiction = await sys.request('POST', '/api/jurisdictions', {
      code: 'CATX',
      name: '目录县',
      level: 'district',
      parentId: root.id,
      rulebookCode: null,
    });
    await expectOne(jurisdiction, 'jurisdiction.create');
  });

  test('audit query, export and verify', async () => {
    const query = await auditor.request('GET', '/api/audit?limit=5');
    await expectOne(query, 'audit.query', { actor: 'demo.auditadmin' });
    const exported = await auditor.request('GET', '/api/audit/export?format=csv');
    await expectOne(exported, 'audit.export', { actor: 'demo.auditadmin' });
    const verified = await auditor.request('GET', '/api/audit/verify');
    await expectOne(verified, 'audit.verify', { actor: 'demo.auditadmin' });
  });

  test('calendar year save (configuration change)', async () => {
    const res = await sys.request('PUT', '/api/calendar/years/2031', {
      rows: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }],
      publishedRef: '国办发明电〔2030〕1号',
    });
    assert.ok(res.statusCode < 300, res.body);
    await expectOne(res, 'calendar.year_save', { actor: 'demo.sysadmin' });
  });

  test('a denied request and an expired session', async () => {
    const s = await login(ctx, 'sc.staff');
    const denied = await s.request('GET', '/api/users');
    assert.equal(denied.statusCode, 403);
    await expectOne(denied, 'access.denied', { outcome: 'denied', actor: 'sc.staff', objectType: 'route' });
    ctx.clock.advance(31 * 60_000);
    const expired = await s.request('GET', '/api/auth/me');
    assert.equal(expired.statusCode, 401);
    await expectOne(expired, 'auth.session_expired', { actor: null, objectId: s.userId });
  });

  test('disabling an inactive account and archiving are each one record', async () => {
    const c = await setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongchou-catalogue-'));
    try {
      c.clock.advance(200 * 86_400_000);
      const res = await c.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'sc.leader', password: DEMO_PASSWORD },
      });
      const rows = await c.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, String(res.headers['x-request-id'])));
      assert.deepEqual(rows.map((r) => `${r.action}:${r.outcome}`).sort(), [
        'auth.login:failure',
        'user.disable_inactive:success',
      ]);
      const before = (await c.database.db.select().from(auditEvents)).length;
      await archiveAuditEvents(c.deps, c.keyring, { retentionDays: 180, dir });
      const afterRows = await c.database.db.select().from(auditEvents).orderBy(auditEvents.id);
      assert.equal(afterRows.length, before + 1);
      assert.equal(afterRows.at(-1)!.action, 'audit.archive');
      covered.add('user.disable_inactive:success').add('audit.archive:success');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await c.close();
    }
  });

  test('every security event of the catalogue was exercised above', () => {
    const security = Object.keys(AUDIT_ACTIONS).filter((a) =>
      /^(auth|user|role|organisation|jurisdiction|audit|access|calendar)\./.test(a),
    );
    const exercised = new Set([...covered].map((c) => c.split(':')[0]));
    assert.deepEqual(
      security.filter((a) => !exercised.has(a)),
      [],
      'catalogued events without a test here',
    );
  });
});
