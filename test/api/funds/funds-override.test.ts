/**
 * Overrides of a softened gate (issue 13). None of the four texts softens a disbursement gate (see
 * src/rules/strength.test.ts), so this file first stores, through the rulebook API, a DT version
 * derived with `set_gate_strength` — as a county text reading "原则上不再拨付运维经费" would — and
 * then takes a project created under it through the override: a reason from one finance user, the
 * approval of a second, different one, both in the audit log and on the project.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { fundedDt } from '../../factories/funds.ts';
import {
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  ProjectFixtures,
  Sessions,
  setupProjects,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let fixtures: ProjectFixtures;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  fixtures = new ProjectFixtures(ctx, sessions);
});
after(async () => {
  await ctx.close();
});

describe('override of a softened gate', () => {
  test('needs a reason, a second and different finance user, and shows in the audit log and on the project', async () => {
    const admin = await sessions.as('demo.sysadmin');
    const derived = await admin.request('POST', '/api/rulebooks/DT/versions', {
      baseCode: 'DT',
      jurisdictionCode: '140200',
      name: '大同市政务信息化项目建设应用管理办法（运维经费条件原则性表述）',
      effectiveFrom: '2026-11-01',
      changes: [{ op: 'set_gate_strength', gateId: 'dt.gate.sharing_om', strength: 'softened' }],
    });
    expectStatus(derived, 201, 'derive');

    const id = await fundedDt(ctx, fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const created = await staff.request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2026,
      kind: 'om',
      amount: '80000',
      purpose: '年度运维费',
    });
    expectStatus(created, 201, 'request');
    const disbursementId = created.json().id;
    const financeA = await sessions.as('dt.finance');
    const gate = (await financeA.request('GET', `/api/funds/disbursements/${disbursementId}`))
      .json()
      .gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.sharing_om');
    assert.equal(gate.strength, 'softened');
    assert.equal(gate.blocking, true);

    const noReason = await financeA.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'dt.gate.sharing_om',
      reason: '  ',
    });
    expectStatus(noReason, 400, 'no reason');
    assert.equal(noReason.json().field, 'reason');
    const requested = await financeA.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'dt.gate.sharing_om',
      reason: '系统已完成共享接口开发，正在联调，为保障运行先行拨付',
    });
    expectStatus(requested, 201, 'override request');
    const overrideId = requested.json().id;

    // Requested is not approved: the payment stays blocked.
    const version = () =>
      financeA
        .request('GET', `/api/funds/disbursements/${disbursementId}`)
        .then((r) => r.json().disbursement.version as number);
    const early = await financeA.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
      decision: 'approve',
      opinion: '同意',
      version: await version(),
    });
    expectStatus(early, 422, 'not yet approved');
    assert.equal(early.json().article, 'DT-12c');

    const self = await financeA.request('POST', `/api/funds/overrides/${overrideId}/approve`);
    expectStatus(self, 403, 'same user');
    assert.equal(self.json().code, 'SELF_APPROVAL');
    const foreign = await (await sessions.as('sc.finance')).request(
      'POST',
      `/api/funds/overrides/${overrideId}/approve`,
    );
    expectStatus(foreign, 404, 'finance of another jurisdiction');
    assert.deepEqual(Object.keys(foreign.json()).sort(), ['code', 'message', 'requestId']);
    const other = await extraUser(ctx, sessions, 'finance_officer', '大同市财政局');
    const financeB = await sessions.as(other.username, EXTRA_PASSWORD);
    expectStatus(
      await financeB.request('POST', `/api/funds/overrides/${overrideId}/approve`),
      204,
      'second user',
    );
    expectStatus(await financeB.request('POST', `/api/funds/overrides/${overrideId}/approve`), 409, 'twice');

    const detail = (await financeA.request('GET', `/api/funds/disbursements/${disbursementId}`)).json();
    const lifted = detail.gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.sharing_om');
    assert.equal(lifted.overridden, true);
    assert.equal(lifted.blocking, false);
    assert.equal(detail.blocked, false);
    const approved = await financeA.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
      decision: 'approve',
      opinion: '经复核同意例外拨付',
      version: detail.disbursement.version,
    });
    expectStatus(approved, 200, 'approve');

    const view = (await staff.request('GET', `/api/funds/projects/${id}`)).json();
    assert.equal(view.overrides.length, 1);
    assert.equal(view.overrides[0].requestedByName, '杨帆（财政局）');
    assert.ok(view.overrides[0].approvedByName);
    assert.notEqual(view.overrides[0].approvedByName, view.overrides[0].requestedByName);
    assert.equal(view.ledger[0].disbursedOm, '80000.00');

    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.action, ['funds.override_request', 'funds.override_approve']),
          eq(auditEvents.outcome, 'success'),
        ),
      );
    const by = Object.fromEntries(audit.map((a) => [a.action, a.actorUserId]));
    assert.equal(by['funds.override_request'], financeA.userId);
    assert.equal(by['funds.override_approve'], other.userId);
    const denied = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'funds.override_approve'), eq(auditEvents.outcome, 'denied')));
    // The self-approval (403) and the other jurisdiction's not-visible lookup (404) are both audited
    // as denied (issue 9 item 5).
    assert.equal(denied.length, 2);
    assert.equal(denied.filter((a) => a.actorUserId === financeA.userId).length, 1);
  });
});
