/**
 * Money on SC projects, through the budget, construction and acceptance steps: a refused
 * rectification suspends the payment (SC-23); after acceptance no further funds until the
 * acceptance report is filed (SC-21).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isoDay, refusedRectification, requestDisbursement } from '../../factories/funds.ts';
import { scFundsHelpers } from '../../factories/funds-helpers.ts';
import { decide, expectStatus, Sessions, setupProjects, upload } from '../../factories/projects.ts';
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

const { districtFinance, arrangeSc, budgetedSc } = scFundsHelpers(() => ({ ctx, sessions }));

describe('SC rectification and funds (SC-23)', () => {
  test('SC-23 a refused rectification suspends the payment in the funds queue; the absolute gate refuses an override', async () => {
    const id = await budgetedSc('体育场馆预约');
    await arrangeSc(id, '640000');
    const finance = await districtFinance();
    const payment = await requestDisbursement(await sessions.as('sc.staff'), finance, {
      projectId: id,
      amount: '100000',
      purpose: '进度款',
    });
    const gateOf = () => payment.gate('sc.gate.rectification');
    assert.equal((await gateOf()).passed, true);
    await refusedRectification(await sessions.as('sc.reviewer'), id, '擅自变更建设内容');
    const closed = await gateOf();
    assert.equal(closed.blocking, true);
    assert.equal(closed.article, 'SC-23');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'suspended');
    assert.equal(refused.json().article, 'SC-23');
    const override = await finance.request('POST', `/api/funds/disbursements/${payment.id}/overrides`, {
      gateId: 'sc.gate.rectification',
      reason: '项目急需',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
  });
});

describe('SC acceptance report and funds (SC-21), through the budget, construction and acceptance steps', () => {
  test('SC-21 after acceptance no further funds until the acceptance report is filed; filing it unblocks the payment', async () => {
    const id = await budgetedSc('课后服务管理');
    const reviewer = await sessions.as('sc.reviewer');
    const notice = await reviewer.request('POST', '/api/funds/notices', {
      title: '朔城区课后服务管理项目资金拟分配计划',
      year: 2026,
      startsOn: isoDay(ctx, 0),
      endsOn: isoDay(ctx, 7),
      items: [{ projectId: id, amount: '640000' }],
    });
    expectStatus(notice, 201, 'notice');
    expectStatus(
      await reviewer.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publish',
    );
    const finance = await districtFinance();
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-steps/sc.budget.funds`, {
        opinion: '已安排建设经费',
      }),
      200,
      'funds arranged',
    );

    // Construction and acceptance through the construction module and the step core.
    const staff = await sessions.as('sc.staff');
    expectStatus(
      await upload(staff, id, 'project_owner', { stepId: 'sc.construction.contract' }),
      201,
      'owner',
    );
    const signed = await staff.request('POST', `/api/projects/${id}/contracts`, {
      number: 'SCKH-2026-02',
      procurementMethod: 'competitive_consultation',
      procurementResult: '朔州智联信息技术有限公司成交',
      contractorName: '朔州智联信息技术有限公司',
      amount: '640000',
      signedOn: isoDay(ctx),
      ownershipClause: false,
      deliverables: [],
    });
    expectStatus(signed, 201, 'sign');
    expectStatus(
      await upload(staff, id, 'contract_text', { stepId: 'sc.construction.contract_filing' }),
      201,
      'text',
    );
    const contract = (await staff.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/contracts/${contract.id}/file`, {
        version: contract.version,
      }),
      200,
      'file',
    );
    expectStatus(await decide(staff, id, 'sc.construction.build', { opinion: '项目建成' }), 200, 'built');
    for (const code of [
      'construction_summary',
      'financial_report',
      'audit_report',
      'security_assessment_report',
      'crypto_assessment_report',
      'resource_catalog_registration',
      'security_controllability',
    ]) {
      expectStatus(await upload(staff, id, code, { stepId: 'sc.acceptance.accept' }), 201, code);
    }
    expectStatus(await decide(staff, id, 'sc.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');

    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      amount: '200000',
      purpose: '验收后尾款',
    });
    const blocking = (await payment.detail()).gates.filter((g: { blocking: boolean }) => g.blocking);
    assert.deepEqual(
      blocking.map((g: { gateId: string; article: string }) => `${g.gateId}:${g.article}`),
      ['sc.gate.acceptance_report:SC-21'],
    );
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'report not filed');
    assert.equal(refused.json().article, 'SC-21');

    expectStatus(
      await upload(staff, id, 'acceptance_report', { stepId: 'sc.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(await decide(staff, id, 'sc.acceptance.report_filing', { opinion: '报备' }), 200, 'filed');
    const after = await payment.detail();
    assert.equal(after.blocked, false, JSON.stringify(after.gates));
    expectStatus(
      await payment.decide('approve', '验收报告已备案，同意拨付', after.disbursement.version),
      200,
      'approve',
    );
  });
});
