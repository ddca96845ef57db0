/**
 * Money on DT projects (issue 13): the ledger and disbursements checked against DT's gates on stored
 * facts (DT-11, DT-12c, DT-14), absolute gates refusing every override, and co-built shares (DT-16).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { isoDay, REVIEW_BODY, requestDisbursement } from '../../factories/funds.ts';
import { dtFundsHelpers } from '../../factories/funds-helpers.ts';
import { expectStatus, Sessions, setupProjects } from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const { establishedDt, reviewedDt, fundedDt } = dtFundsHelpers(() => ({ ctx, sessions }));

describe('ledger and disbursements (DT-11, DT-12c)', () => {
  test('DT-14 no payment is requested before the 财政局 has arranged the funds: refused after the review and after the 公示, accepted once arranged', async () => {
    const id = await reviewedDt();
    const staff = await sessions.as('dt.staff');
    const body = { projectId: id, year: 2026, kind: 'construction', amount: '100000', purpose: '进度款' };
    const early = await staff.request('POST', '/api/funds/disbursements', body);
    expectStatus(early, 422, 'before the funds are arranged');
    assert.equal(early.json().code, 'FUNDS_NOT_ARRANGED');
    assert.equal(early.json().article, 'DT-14');
    assert.match(early.json().message, /统筹安排建设及运维经费/);
    const reviewer = await sessions.as('dt.reviewer');
    const notice = await reviewer.request('POST', '/api/funds/notices', {
      title: '大同市政务信息化项目资金拟分配计划',
      year: 2026,
      startsOn: isoDay(ctx, 0),
      endsOn: isoDay(ctx, 7),
      items: [{ projectId: id, amount: '650000' }],
    });
    expectStatus(notice, 201, 'notice');
    expectStatus(
      await reviewer.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publicity',
    );
    const afterPublicity = await staff.request('POST', '/api/funds/disbursements', body);
    expectStatus(afterPublicity, 422, 'publicized, not yet arranged');
    assert.equal(afterPublicity.json().code, 'FUNDS_NOT_ARRANGED');
    expectStatus(
      await (await sessions.as('dt.finance')).request(
        'POST',
        `/api/funds/projects/${id}/budget-steps/dt.budget.funds`,
        {
          opinion: '已安排建设及运维经费',
        },
      ),
      200,
      'funds arranged',
    );
    expectStatus(await staff.request('POST', '/api/funds/disbursements', body), 201, 'arranged');
  });

  test('a construction disbursement within the approved budget passes every gate on stored facts and shows in the ledger', async () => {
    const id = await fundedDt();
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const body = {
      projectId: id,
      year: 2026,
      kind: 'construction',
      amount: '550000.01',
      purpose: '第一期进度款',
    };
    const over = await staff.request('POST', '/api/funds/disbursements', body);
    expectStatus(over, 400, 'over budget');
    assert.equal(over.json().field, 'amount');
    const foreign = await (await sessions.as('dt.staff2')).request('POST', '/api/funds/disbursements', {
      ...body,
      amount: '1',
    });
    expectStatus(foreign, 404, 'other department');
    const created = await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '300000' });
    expectStatus(created, 201, 'request');
    const disbursementId = created.json().id;

    const queue = (await finance.request('GET', '/api/funds/disbursements?status=pending')).json();
    assert.ok(queue.items.some((d: { id: string }) => d.id === disbursementId));
    const scQueue = (
      await (await sessions.as('sc.finance')).request('GET', '/api/funds/disbursements')
    ).json();
    assert.ok(!scQueue.items.some((d: { id: string }) => d.id === disbursementId));
    expectStatus(
      await (await sessions.as('sc.finance')).request('GET', `/api/funds/disbursements/${disbursementId}`),
      404,
      'other jurisdiction',
    );

    const detail = (await finance.request('GET', `/api/funds/disbursements/${disbursementId}`)).json();
    assert.equal(detail.action, 'disburse_construction');
    assert.equal(detail.blocked, false);
    const byId = Object.fromEntries(
      detail.gates.map((g: { gateId: string; passed: boolean; applicable: boolean }) => [g.gateId, g]),
    );
    assert.equal(byId['dt.gate.platform_entry'].passed, true);
    assert.equal(byId['dt.gate.no_build_before_approval'].passed, true);
    assert.equal(byId['dt.gate.acceptance_report'].applicable, false);
    assert.equal(byId['dt.gate.rectification'].passed, true);

    const open = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'dt.gate.platform_entry',
      reason: '无需',
    });
    expectStatus(open, 409, 'override of an open gate');
    const stale = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
      decision: 'approve',
      opinion: '同意',
      version: detail.disbursement.version + 1,
    });
    expectStatus(stale, 409, 'stale');
    const approved = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
      decision: 'approve',
      opinion: '同意拨付',
      version: detail.disbursement.version,
    });
    expectStatus(approved, 200, 'approve');
    assert.equal(approved.json().disbursement.status, 'approved');
    expectStatus(
      await finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
        decision: 'approve',
        opinion: '再次',
        version: approved.json().disbursement.version,
      }),
      409,
      'twice',
    );

    // A refusal needs its reason and leaves the budget available.
    const second = await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '250000' });
    expectStatus(second, 201, 'second');
    const secondId = second.json().id;
    const noReason = await finance.request('POST', `/api/funds/disbursements/${secondId}/decision`, {
      decision: 'refuse',
      opinion: ' ',
      version: 1,
    });
    expectStatus(noReason, 400, 'refuse without reason');
    expectStatus(
      await finance.request('POST', `/api/funds/disbursements/${secondId}/decision`, {
        decision: 'refuse',
        opinion: '进度未达到合同约定的付款节点',
        version: 1,
      }),
      200,
      'refuse',
    );
    const ledger = (await staff.request('GET', `/api/funds/projects/${id}`)).json().ledger;
    assert.deepEqual(
      ledger.map((r: { year: number; disbursedConstruction: string; pending: string }) => [
        r.year,
        r.disbursedConstruction,
        r.pending,
      ]),
      [
        [2026, '300000.00', '0.00'],
        [2027, '0.00', '0.00'],
      ],
    );
    // 250000 is still within what remains of 2026's approved construction budget (550000 − 300000).
    expectStatus(
      await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '250000' }),
      201,
      'again',
    );
    expectStatus(
      await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '0.01' }),
      400,
      'nothing left',
    );
  });

  test('O&M funds are blocked with DT-12c while the system does not share data; the absolute gate refuses an override; sharing in the catalog unblocks', async () => {
    const id = await fundedDt();
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      kind: 'om',
      amount: '100000',
      purpose: '年度运维费',
    });
    const disbursementId = payment.id;
    const detail = await payment.detail();
    assert.equal(detail.action, 'disburse_om');
    assert.equal(detail.blocked, true);
    const sharing = await payment.gate('dt.gate.sharing_om');
    assert.equal(sharing.blocking, true);
    assert.equal(sharing.article, 'DT-12c');
    assert.equal(sharing.strength, 'absolute');

    const blocked = await payment.decide('approve', '同意', detail.disbursement.version);
    expectStatus(blocked, 422, 'blocked');
    assert.equal(blocked.json().code, 'GATE_BLOCKED');
    assert.equal(blocked.json().article, 'DT-12c');
    assert.match(blocked.json().message, /不再拨付运维经费/);

    const override = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'dt.gate.sharing_om',
      reason: '系统正在对接共享平台',
    });
    expectStatus(override, 422, 'absolute override');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'DT-12c');
    const refusals = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'funds.override_request'), eq(auditEvents.objectId, disbursementId)));
    assert.deepEqual(
      refusals.map((r) => [r.outcome, (r.details as { article?: string }).article]),
      [['refused', 'DT-12c']],
    );

    // The department connects its system to the sharing platform in the catalog.
    const project = (await staff.request('GET', `/api/projects/${id}`)).json();
    const systemId = project.systems[0].systemId;
    const { system } = (await staff.request('GET', `/api/catalog/systems/${systemId}`)).json();
    expectStatus(
      await staff.request('PATCH', `/api/catalog/systems/${systemId}`, {
        version: system.version,
        sharedOnPlatform: true,
      }),
      200,
      'catalog update',
    );
    const after = await payment.detail();
    assert.equal(after.blocked, false);
    const approved = await payment.decide('approve', '已接入共享平台，同意拨付', after.disbursement.version);
    expectStatus(approved, 200, 'approve');
    const stored = approved.json().gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.sharing_om');
    assert.equal(stored.passed, true);
    const ledger = (await staff.request('GET', `/api/funds/projects/${id}`)).json().ledger;
    assert.equal(ledger[0].disbursedOm, '100000.00');
  });

  test('no consent decision is asked of DT: the rulebook has no such gate', async () => {
    const id = await fundedDt();
    const created = await (await sessions.as('dt.staff')).request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2027,
      kind: 'construction',
      amount: '1000',
      purpose: '尾款',
    });
    expectStatus(created, 201, 'request');
    const res = await (await sessions.as('dt.gov')).request(
      'POST',
      `/api/funds/disbursements/${created.json().id}/consent`,
      { decision: 'consent', opinion: '同意' },
    );
    expectStatus(res, 409, 'consent');
    assert.equal(res.json().code, 'CONSENT_NOT_REQUIRED');
  });
});

describe('co-built shares (DT-16)', () => {
  test('DT-16 each level’s share and the budget carrying it add up to the approved amounts', async () => {
    const id = await establishedDt({ commission: true });
    const evaluator = await sessions.as('dt.evaluator');
    const url = `/api/funds/projects/${id}/budget-review`;
    const shares = [
      { level: 'city', kind: 'construction', amount: '700000', carriedBy: '市级财政预算' },
      { level: 'county', kind: 'construction', amount: '300000', carriedBy: '云冈区财政预算' },
      { level: 'county', kind: 'om', amount: '100000', carriedBy: '云冈区财政预算' },
    ];
    const wrong = await evaluator.request('POST', url, {
      ...REVIEW_BODY,
      shares: [{ ...shares[0], amount: '650000' }, shares[1], shares[2]],
    });
    expectStatus(wrong, 400, 'shares mismatch');
    assert.equal(wrong.json().code, 'SHARES_MISMATCH');
    assert.equal(wrong.json().field, 'shares');
    const noCarrier = await evaluator.request('POST', url, {
      ...REVIEW_BODY,
      shares: [shares[0], { ...shares[1], carriedBy: ' ' }, shares[2]],
    });
    expectStatus(noCarrier, 400, 'carrier');
    assert.equal(noCarrier.json().field, 'shares[1].carriedBy');
    expectStatus(await evaluator.request('POST', url, { ...REVIEW_BODY, shares }), 201, 'review');
    const view = (await (await sessions.as('dt.staff')).request('GET', `/api/funds/projects/${id}`)).json();
    assert.deepEqual(
      view.review.shares.map((s: { levelLabel: string; kind: string; amount: string; carriedBy: string }) => [
        s.levelLabel,
        s.kind,
        s.amount,
        s.carriedBy,
      ]),
      [
        ['市级', 'construction', '700000.00', '市级财政预算'],
        ['县（区）级', 'construction', '300000.00', '云冈区财政预算'],
        ['县（区）级', 'om', '100000.00', '云冈区财政预算'],
      ],
    );
  });
});
