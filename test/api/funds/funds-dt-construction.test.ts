/**
 * Money on DT projects (issue 13), through the construction and acceptance steps: a refused
 * rectification suspends construction and O&M funds (DT-29); after acceptance no further funds
 * until the acceptance report is filed (DT-26c).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isoDay, requestDisbursement } from '../../factories/funds.ts';
import { dtFundsHelpers } from '../../factories/funds-helpers.ts';
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

const { reviewedDt, fundedDt } = dtFundsHelpers(() => ({ ctx, sessions }));

describe('rectification and funds (DT-29), through the construction module', () => {
  test('DT-29 a refused rectification suspends construction and O&M funds; no override of the absolute gate', async () => {
    const id = await fundedDt();
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const reviewer = await sessions.as('dt.reviewer');
    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      amount: '100000',
      purpose: '进度款',
    });
    const rectificationGate = () => payment.gate('dt.gate.rectification');
    assert.equal((await rectificationGate()).passed, true);

    const ordered = await reviewer.request('POST', `/api/projects/${id}/rectifications`, {
      problemKind: 'unauthorised_change',
      description: '擅自调整建设内容，未报批',
      workingDays: 10,
    });
    expectStatus(ordered, 201, 'order');
    // An open order does not suspend funds; only a refusal or a failure does.
    assert.equal((await rectificationGate()).passed, true);
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/rectifications/${ordered.json().id}/decision`, {
        outcome: 'refused',
        note: '经督促仍拒不整改',
        version: 1,
      }),
      200,
      'refused',
    );
    const closed = await rectificationGate();
    assert.equal(closed.blocking, true);
    assert.equal(closed.article, 'DT-29');
    const res = await payment.decide('approve', '同意');
    expectStatus(res, 422, 'suspended');
    assert.equal(res.json().article, 'DT-29');
    const override = await finance.request('POST', `/api/funds/disbursements/${payment.id}/overrides`, {
      gateId: 'dt.gate.rectification',
      reason: '项目急需',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'DT-29');
    // O&M funds are suspended too.
    const om = await staff.request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2026,
      kind: 'om',
      amount: '1000',
      purpose: '运维',
    });
    const omGate = (await finance.request('GET', `/api/funds/disbursements/${om.json().id}`))
      .json()
      .gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.rectification');
    assert.equal(omGate.blocking, true);
  });
});

describe('acceptance report and funds (DT-26c), through the construction and acceptance steps', () => {
  test('DT-26c after acceptance no further funds until the acceptance report is filed', async () => {
    const id = await reviewedDt();
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const reviewer = await sessions.as('dt.reviewer');
    // Budget stage: publicity (DT-15), then 市财政局 arranges the funds (DT-14).
    const notice = await reviewer.request('POST', '/api/funds/notices', {
      title: '资金拟分配计划（验收测试）',
      year: 2026,
      startsOn: isoDay(ctx, 0),
      endsOn: isoDay(ctx, 7),
      items: [{ projectId: id, amount: '550000' }],
    });
    expectStatus(
      await reviewer.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publish',
    );
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-steps/dt.budget.funds`, {
        opinion: '已安排',
      }),
      200,
      'funds arranged',
    );
    // Construction (the construction module records the contract), completion and acceptance.
    const contract = await staff.request('POST', `/api/projects/${id}/contracts`, {
      number: 'DTJY-2026-007',
      procurementMethod: 'public_tender',
      procurementResult: '山西云数科技有限公司中标',
      contractorName: '山西云数科技有限公司',
      amount: '1000000.00',
      signedOn: isoDay(ctx, 0),
      ownershipClause: true,
      deliverables: [
        { kind: 'design_documents', name: '设计文件' },
        { kind: 'source_code', name: '源代码' },
        { kind: 'test_documents', name: '测试文档' },
      ],
    });
    expectStatus(contract, 201, 'contract');
    expectStatus(await decide(staff, id, 'dt.construction.build', { opinion: '项目建成' }), 200, 'built');
    for (const code of ['resource_catalog_registration', 'controllable_products', 'security_controllability'])
      expectStatus(await upload(staff, id, code, { stepId: 'dt.acceptance.accept' }), 201, code);
    expectStatus(await decide(staff, id, 'dt.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');

    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      amount: '200000',
      purpose: '验收后尾款',
    });
    const gate = await payment.gate('dt.gate.acceptance_report');
    assert.equal(gate.blocking, true);
    assert.equal(gate.article, 'DT-26c');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'report not filed');
    assert.equal(refused.json().article, 'DT-26c');

    // The department files the acceptance report with the authority: funds flow again.
    expectStatus(
      await upload(staff, id, 'acceptance_report', { stepId: 'dt.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(
      await decide(staff, id, 'dt.acceptance.report_filing', { opinion: '报备' }),
      200,
      'report filed',
    );
    const after = await payment.detail();
    assert.equal(after.blocked, false);
    expectStatus(
      await payment.decide('approve', '验收报告已备案，同意拨付', after.disbursement.version),
      200,
      'approve',
    );
  });
});
