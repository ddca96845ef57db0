/**
 * DT (大同市) from 立项 to the acceptance report, on a stored project with an injected clock: the
 * budget review is decided only by the third party the 数字政府服务中心 commissioned on the project
 * (DT-14); publicity and funds; the contract signed on the Monday before the 国庆 week is due for
 * filing on the 调休 Saturday after it (DT-19: 5 working days) and, filed on the 6th working day, is
 * reported overdue and met late (DT-17); the supervisor is filed (DT-22); completion, acceptance
 * with the DT-23–25 checklist, and the acceptance report filed within one month (DT-26c).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runSweep } from '../../../src/obligations/index.ts';
import { isoDay, REVIEW_BODY } from '../../factories/funds.ts';
import {
  decide,
  expectStatus,
  ProjectFixtures,
  Sessions,
  setupProjects,
  upload,
} from '../../factories/projects.ts';
import { login, type Session, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let fixtures: ProjectFixtures;
before(async () => {
  ctx = await setupProjects();
  ctx.clock.set('2026-09-28T02:00:00.000Z');
  sessions = new Sessions(ctx);
  fixtures = new ProjectFixtures(ctx, sessions);
});
after(async () => {
  await ctx.close();
});

type ObligationView = {
  kind: string;
  state: string;
  dueDate: string | null;
  late: boolean;
  articles: string[];
  remainingWorkingDays: number | null;
};
const obligationsOf = async (s: Session, projectId: string) =>
  (await s.request('GET', `/api/obligations?projectId=${projectId}`)).json().items as ObligationView[];

export const DT_CONTRACT = {
  number: 'DTJY-2026-031',
  procurementMethod: 'public_tender',
  procurementResult: '山西云数科技有限公司中标，中标价 110 万元',
  contractorName: '山西云数科技有限公司',
  amount: '1100000.00',
  signedOn: '2026-09-28',
  ownershipClause: true,
  deliverables: [],
};

describe('DT: from 立项 to the acceptance report', () => {
  test('DT-14/DT-17/DT-19/DT-22/DT-23/DT-24/DT-25/DT-26b/DT-26c budget review by the commissioned evaluator, contract filed late across 国庆, supervisor, acceptance extension, checklist, report within one month', async () => {
    const { id } = await fixtures.filed();
    const evaluator = await sessions.as('dt.evaluator');
    const reviewUrl = `/api/funds/projects/${id}/budget-review`;

    expectStatus(
      await decide(await sessions.as('dt.approver'), id, 'dt.filing_approval.establishment', {
        opinion: '同意立项',
      }),
      200,
      '立项',
    );
    // DT-14: the generic third-party role binds nobody; an evaluator not commissioned on this
    // project does not even see it, and the authority cannot record the third party's review itself.
    expectStatus(await evaluator.request('POST', reviewUrl, REVIEW_BODY), 404, 'not commissioned');
    const authority = await sessions.as('dt.reviewer');
    const own = await authority.request('POST', reviewUrl, REVIEW_BODY);
    assert.ok([403, 404].includes(own.statusCode), `authority records the review: ${own.statusCode}`);
    // Only the authority commissions (DT-14: 市政务信息化主管部门委托), not 市财政局.
    const byFinance = await (await sessions.as('dt.finance')).request('POST', `/api/projects/${id}/experts`, {
      userId: evaluator.userId,
      kind: 'evaluator',
      field: null,
    });
    assert.ok([403, 404].includes(byFinance.statusCode), `finance commissions: ${byFinance.statusCode}`);
    // The authority commissions the third party on this project (DT-14) — then it decides the step.
    expectStatus(
      await authority.request('POST', `/api/projects/${id}/experts`, {
        userId: evaluator.userId,
        kind: 'evaluator',
        field: null,
      }),
      201,
      'commission',
    );
    expectStatus(await evaluator.request('POST', reviewUrl, REVIEW_BODY), 201, 'budget review');
    // DT-15 publicity, then 市财政局 arranges the funds (DT-14).
    const notice = await authority.request('POST', '/api/funds/notices', {
      title: '资金拟分配计划（建设测试）',
      year: 2026,
      startsOn: isoDay(ctx, 0),
      endsOn: isoDay(ctx, 7),
      items: [{ projectId: id, amount: '550000' }],
    });
    expectStatus(notice, 201, 'notice');
    expectStatus(
      await authority.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publish',
    );
    expectStatus(
      await (await sessions.as('dt.finance')).request(
        'POST',
        `/api/funds/projects/${id}/budget-steps/dt.budget.funds`,
        { opinion: '已安排' },
      ),
      200,
      'funds arranged',
    );

    // DT-17: the department signs the contract after competition; single source is refused.
    const staff = await sessions.as('dt.staff');
    const single = await staff.request('POST', `/api/projects/${id}/contracts`, {
      ...DT_CONTRACT,
      procurementMethod: 'single_source',
    });
    expectStatus(single, 422, 'single source');
    assert.equal(single.json().article, 'DT-17');
    const other = await sessions.as('dt.staff2');
    expectStatus(
      await other.request('POST', `/api/projects/${id}/contracts`, DT_CONTRACT),
      404,
      'other dept',
    );
    const signed = await staff.request('POST', `/api/projects/${id}/contracts`, DT_CONTRACT);
    expectStatus(signed, 201, 'sign');
    const contractId = signed.json().id;
    let list = await obligationsOf(staff, id);
    const filing = list.find((o) => o.kind === 'dt.deadline.contract_filing');
    assert.ok(filing, JSON.stringify(list));
    assert.deepEqual(filing.articles, ['DT-19']);
    // 29, 30 Sep; 1–7 Oct 国庆; 8, 9 Oct; Saturday 10 Oct is a make-up working day.
    assert.equal(filing.dueDate, '2026-10-10');
    assert.equal(filing.remainingWorkingDays, 5);

    // Monday 12 Oct is the 6th working day: the sweep reports it overdue; filed that day, met late.
    ctx.clock.set('2026-10-12T02:00:00.000Z');
    const sweep = await runSweep(ctx.deps);
    assert.equal(sweep.markedOverdue, 1);
    const s = await login(ctx, 'dt.staff');
    list = await obligationsOf(s, id);
    assert.equal(list.find((o) => o.kind === 'dt.deadline.contract_filing')?.state, 'overdue');
    const board = (await (await login(ctx, 'dt.authlead')).request('GET', '/api/obligations/board')).json();
    assert.ok(
      board.rows.some(
        (r: { kind: string; overdue: number }) => r.kind === 'dt.deadline.contract_filing' && r.overdue >= 1,
      ),
      JSON.stringify(board.rows),
    );
    expectStatus(
      await upload(s, id, 'contract_text', { stepId: 'dt.construction.contract_filing' }),
      201,
      'contract text',
    );
    const c = (await s.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    const filed = await s.request('POST', `/api/projects/${id}/contracts/${contractId}/file`, {
      version: c.version,
    });
    expectStatus(filed, 200, 'file');
    assert.equal(filed.json().late, true);

    // DT-22: the supervisor chosen by market mechanism is filed with the authority.
    const supervisor = await s.request('POST', `/api/projects/${id}/supervisors`, {
      unitName: '大同市信达工程监理有限公司',
      contractNumber: 'DTJL-2026-11',
      procurementMethod: 'competitive_consultation',
    });
    expectStatus(supervisor, 201, 'supervisor');
    const supervisors = (await s.request('GET', `/api/projects/${id}/supervisors`)).json().items;
    assert.equal(supervisors[0].filedOn, '2026-10-12');
    assert.equal(supervisors[0].unitName, '大同市信达工程监理有限公司');

    // DT-26b: the authority records the approved planned acceptance date; the department, unable
    // to apply by then, asks the authority for an extension; granted, the due date moves.
    const planUrl = `/api/projects/${id}/acceptance-plan`;
    const plan = { deadlineId: 'dt.deadline.acceptance_application', plannedOn: '2026-10-16' };
    expectStatus(await s.request('POST', planUrl, plan), 403, 'department sets its own date');
    const authority2 = await login(ctx, 'dt.reviewer');
    expectStatus(await authority2.request('POST', planUrl, plan), 201, 'planned acceptance date');
    list = await obligationsOf(s, id);
    const application = list.find((o) => o.kind === 'dt.deadline.acceptance_application');
    assert.ok(application, JSON.stringify(list));
    assert.equal(application.dueDate, '2026-10-16');
    assert.deepEqual(application.articles, ['DT-26b']);
    const extUrl = `/api/projects/${id}/acceptance-extensions`;
    const body = { deadlineId: 'dt.deadline.acceptance_application', reason: '等保测评排期延后' };
    const earlier = await s.request('POST', extUrl, { ...body, until: '2026-10-14' });
    expectStatus(earlier, 400, 'not later');
    assert.equal(earlier.json().field, 'until');
    expectStatus(
      await (await login(ctx, 'dt.staff2')).request('POST', extUrl, { ...body, until: '2026-10-30' }),
      404,
      'another department',
    );
    const asked = await s.request('POST', extUrl, { ...body, until: '2026-10-30' });
    expectStatus(asked, 201, 'extension request');
    expectStatus(
      await (await login(ctx, 'dt.finance')).request('POST', `${extUrl}/${asked.json().id}/decision`, {
        decision: 'grant',
        note: '',
        version: 1,
      }),
      403,
      'finance is not the body named',
    );
    const granted = await authority2.request('POST', `${extUrl}/${asked.json().id}/decision`, {
      decision: 'grant',
      note: '同意延期',
      version: 1,
    });
    expectStatus(granted, 200, 'granted');
    assert.equal(granted.json().dueDate, '2026-10-30');
    const view = (await s.request('GET', extUrl)).json();
    const dl = view.deadlines.find(
      (d: { deadlineId: string }) => d.deadlineId === 'dt.deadline.acceptance_application',
    );
    assert.equal(dl.decidedByName, '市数字政府服务中心');
    assert.deepEqual(
      [dl.obligation.state, dl.obligation.dueDate, dl.obligation.extendedFrom],
      ['extended', '2026-10-30', '2026-10-16'],
    );
    assert.equal(dl.obligation.remainingWorkingDays, 14);

    // Completion, then acceptance with the DT-24/DT-25/DT-35 checklist.
    ctx.clock.set('2026-10-20T02:00:00.000Z');
    const s2 = await login(ctx, 'dt.staff');
    expectStatus(await decide(s2, id, 'dt.construction.build', { opinion: '项目建成' }), 200, 'built');
    // DT-26a: a problem during construction is ordered rectified by the authority within a time
    // limit; the department reports; the authority finds it rectified (the funds gate stays open).
    const authority3 = await login(ctx, 'dt.reviewer');
    const rectUrl = `/api/projects/${id}/rectifications`;
    expectStatus(
      await s2.request('POST', rectUrl, {
        problemKind: 'serious_delay',
        description: '自查',
        workingDays: 5,
      }),
      403,
      'department orders itself',
    );
    const ordered = await authority3.request('POST', rectUrl, {
      problemKind: 'unauthorised_change',
      description: '擅自将移动端调整为大屏展示',
      workingDays: 5,
    });
    expectStatus(ordered, 201, 'order');
    const rid = ordered.json().id;
    const rectDuty = (await obligationsOf(s2, id)).find((o) => o.kind === 'rectification');
    assert.deepEqual(rectDuty?.articles, ['DT-26a', 'DT-29']);
    expectStatus(
      await s2.request('POST', `${rectUrl}/${rid}/report`, { report: '已恢复移动端建设内容', version: 1 }),
      200,
      'report',
    );
    expectStatus(
      await authority3.request('POST', `${rectUrl}/${rid}/decision`, {
        outcome: 'rectified',
        note: '整改到位',
        version: 2,
      }),
      200,
      'rectified',
    );
    const rectView = (await s2.request('GET', rectUrl)).json();
    assert.equal(rectView.items[0].state, 'rectified');
    assert.equal(
      rectView.fundsGates.find((g: { gateId: string }) => g.gateId === 'dt.gate.rectification').passed,
      true,
    );

    const early = await decide(s2, id, 'dt.acceptance.accept', { opinion: '验收' });
    expectStatus(early, 422, 'checklist');
    assert.equal(early.json().code, 'MATERIALS_MISSING');
    assert.match(early.json().message, /自主可控|信息资源目录|安全可控/);
    for (const code of ['resource_catalog_registration', 'controllable_products', 'security_controllability'])
      expectStatus(await upload(s2, id, code, { stepId: 'dt.acceptance.accept' }), 201, code);
    expectStatus(await decide(s2, id, 'dt.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');
    list = await obligationsOf(s2, id);
    const report = list.find((o) => o.kind === 'dt.deadline.acceptance_report');
    assert.ok(report, JSON.stringify(list));
    assert.deepEqual(report.articles, ['DT-26c']);
    assert.equal(report.dueDate, '2026-11-20');
    assert.equal(report.state, 'open');

    ctx.clock.set('2026-11-16T02:00:00.000Z');
    const s3 = await login(ctx, 'dt.staff');
    expectStatus(
      await upload(s3, id, 'acceptance_report', { stepId: 'dt.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(await decide(s3, id, 'dt.acceptance.report_filing', { opinion: '报备' }), 200, 'filed');
    list = await obligationsOf(s3, id);
    assert.deepEqual(list.map((o) => `${o.kind}:${o.state}:${o.late}`).sort(), [
      'dt.deadline.acceptance_application:met:false',
      'dt.deadline.acceptance_report:met:false',
      'dt.deadline.contract_filing:met:true',
      'rectification:met:false',
    ]);
  });
});
