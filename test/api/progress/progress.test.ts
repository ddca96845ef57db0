/**
 * Progress reports and adjustment applications (调整申请) on stored projects, with an injected clock
 * (issue 12): SC — the baseline after 立项 opens one report obligation per month, a missing report
 * is overdue after the sweep, a report's schedule and cost variance and the risk level are
 * computed, and an application evaluated then approved by the authority becomes baseline 2 against
 * which the variance is recomputed; JC — approval first, then the 综合评估 with departments or
 * experts (五.5); XZ — the 数据中心 reports and the 市政务信息管理局 evaluates and decides; DT — the
 * department reports and the authority evaluates and decides. Wrong actors and own applications
 * are refused with the article.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runSweep } from '../../../src/obligations/index.ts';
import { establishedDt, establishedSc as establishedScProject } from '../../factories/funds.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  ProjectFixtures,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import { login, type Session, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  ctx.clock.set('2026-09-28T02:00:00.000Z');
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const BASELINE = {
  startOn: '2026-10-01',
  milestones: [
    { name: '需求分析', plannedOn: '2026-10-31' },
    { name: '系统开发', plannedOn: '2026-12-31' },
    { name: '试运行', plannedOn: '2027-02-28' },
    { name: '验收准备', plannedOn: '2027-03-31' },
  ],
  plannedFunds: [
    { period: '2026-10', amount: '200000' },
    { period: '2026-11', amount: '200000' },
    { period: '2026-12', amount: '300000' },
    { period: '2027-01', amount: '200000' },
    { period: '2027-02', amount: '200000' },
    { period: '2027-03', amount: '100000' },
  ],
};
const REPORT = {
  period: '2026-10',
  milestones: [{ name: '需求分析', doneOn: '2026-10-28' }],
  percentDone: 20,
  fundsUsed: '300000',
  note: '需求调研完成，硬件预付款已支付。',
};
const CHANGE = {
  kinds: ['budget', 'schedule'],
  description: '增加区级数据共享接口，系统开发顺延一个月，总投资调增至 150 万元。',
  reason: '上级要求对接省级教育数据平台，建设内容发生重大变化。',
  totalBudget: '1500000',
  milestones: [
    { name: '需求分析', plannedOn: '2026-10-31' },
    { name: '系统开发', plannedOn: '2027-01-31' },
    { name: '试运行', plannedOn: '2027-03-31' },
    { name: '验收准备', plannedOn: '2027-04-30' },
  ],
  plannedFunds: [
    { period: '2026-10', amount: '300000' },
    { period: '2026-11', amount: '300000' },
    { period: '2026-12', amount: '300000' },
    { period: '2027-01', amount: '300000' },
    { period: '2027-02', amount: '200000' },
    { period: '2027-03', amount: '100000' },
  ],
};

interface ProgressBody {
  established: boolean;
  can: { report: boolean; request: boolean; evaluate: boolean; decide: boolean };
  rules: { changeOrder: string; deciderName: string; periodMonths: number; periodFromText: boolean };
  baselines: {
    baselineVersion: number;
    totalBudget: string;
    milestones: { name: string; plannedOn: string }[];
  }[];
  currentBaselineVersion: number | null;
  reports: {
    period: string;
    baselineVersion: number;
    variance: {
      plannedPercent: number;
      scheduleVariancePoints: number;
      earnedValue: string;
      costVariance: string;
      costVariancePercent: number | null;
      fundsVsPlan: string;
      lateMilestones: string[];
    };
  }[];
  periods: { period: string; state: string; dueDate: string | null; late: boolean }[];
  changes: { id: string; state: string; version: number; baselineVersion: number | null }[];
  risk: { level: string; label: string; reasons: string[]; overdueObligations: number };
}

const progress = async (s: Session, id: string): Promise<ProgressBody> => {
  const res = await s.request('GET', `/api/projects/${id}/progress`);
  expectStatus(res, 200, 'progress');
  return res.json();
};

const establishedSc = (topic: string) =>
  establishedScProject(ctx, sessions, {
    topic,
    systemStatus: 'under_construction',
    findings: { interoperable: true },
  });

describe('SC: progress, variance, risk and an adjustment application', () => {
  let id = '';
  test('SC-17 the baseline after 立项 opens a monthly report obligation; a missing report is overdue after the sweep', async () => {
    id = await establishedSc('智慧教室');
    const staff = await login(ctx, 'sc.staff');
    const first = await progress(staff, id);
    assert.equal(first.established, true);
    assert.equal(first.rules.periodMonths, 1);
    assert.equal(first.rules.periodFromText, false);
    assert.equal(first.currentBaselineVersion, null);
    // Planned funds above the approved total budget (120 万元) are refused, not clamped.
    const over = await staff.request('POST', `/api/projects/${id}/progress/baseline`, {
      ...BASELINE,
      plannedFunds: [...BASELINE.plannedFunds, { period: '2027-04', amount: '1' }],
    });
    expectStatus(over, 400, 'over budget');
    assert.equal(over.json().code, 'PLANNED_FUNDS_EXCEED_BUDGET');
    expectStatus(
      await (await login(ctx, 'sc.reviewer')).request(
        'POST',
        `/api/projects/${id}/progress/baseline`,
        BASELINE,
      ),
      403,
      'authority cannot file the department baseline',
    );
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    const again = await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE);
    expectStatus(again, 422, 'second baseline');
    assert.equal(again.json().article, 'SC-17');

    const view = await progress(staff, id);
    assert.deepEqual(
      view.periods.map((p) => p.period),
      ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03'],
    );
    // 31 Oct is a Saturday: five working days later is Friday 6 Nov.
    assert.equal(view.periods[0].dueDate, '2026-11-06');
    // The December report is due in January 2027, a year the holiday table does not know.
    assert.equal(view.periods[2].dueDate, null);

    ctx.clock.set('2026-11-09T02:00:00.000Z');
    await runSweep(ctx.deps);
    const overdue = await progress(await login(ctx, 'sc.staff'), id);
    assert.equal(overdue.periods[0].state, 'overdue');
    assert.equal(overdue.risk.overdueObligations, 1);
    assert.equal(overdue.risk.level, 'medium');
    assert.match(overdue.risk.reasons.join('；'), /1 项义务已逾期/);
  });

  test('SC-17 a report gets schedule and cost variance and a risk level computed from facts; it meets the period late', async () => {
    const staff = await login(ctx, 'sc.staff');
    const unknown = await staff.request('POST', `/api/projects/${id}/progress/reports`, {
      ...REPORT,
      milestones: [{ name: '不存在的里程碑', doneOn: null }],
    });
    expectStatus(unknown, 400, 'unknown milestone');
    for (const period of ['2026-13', '2026-00']) {
      const bad = await staff.request('POST', `/api/projects/${id}/progress/reports`, { ...REPORT, period });
      expectStatus(bad, 400, `period ${period}`);
      assert.equal(bad.json().code, 'PERIOD_INVALID');
    }
    const res = await staff.request('POST', `/api/projects/${id}/progress/reports`, REPORT);
    expectStatus(res, 201, 'report');
    assert.equal(res.json().late, true);
    const view = await progress(staff, id);
    assert.equal(view.periods[0].state, 'met');
    assert.equal(view.periods[0].late, true);
    const v = view.reports[0].variance;
    assert.equal(v.plannedPercent, 25);
    assert.equal(v.scheduleVariancePoints, -5);
    assert.equal(v.earnedValue, '240000.00');
    assert.equal(v.costVariance, '-60000.00');
    assert.equal(v.costVariancePercent, -25);
    assert.equal(v.fundsVsPlan, '100000.00');
    assert.equal(view.risk.overdueObligations, 0);
    assert.equal(view.risk.level, 'high');
    assert.match(view.risk.reasons.join('；'), /资金使用超出完成工作量 25%/);
  });

  test('SC-17 an adjustment application is evaluated by the authority before approval; approval makes baseline 2 and the variance is recomputed', async () => {
    const staff = await login(ctx, 'sc.staff');
    const created = await staff.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const second = await staff.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(second, 409, 'one open application');

    const approver = await login(ctx, 'sc.approver');
    const early = await approver.request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      {
        decision: 'approved',
        opinion: '同意',
        version: 1,
      },
    );
    expectStatus(early, 422, 'decision before evaluation');
    assert.equal(early.json().code, 'CHANGE_NOT_EVALUATED');
    assert.equal(early.json().article, 'SC-17');
    // The department cannot evaluate or decide its own application.
    const byDept = await staff.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
      opinion: '自评',
      participants: '',
      version: 1,
    });
    expectStatus(byDept, 403, 'department evaluates');
    assert.equal(byDept.json().article, 'SC-17');
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/change-requests/${requestId}/decision`, {
        decision: 'approved',
        opinion: '同意',
        version: 1,
      }),
      403,
      'department decides',
    );

    const reviewer = await login(ctx, 'sc.reviewer');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '经综合评估，调整内容必要，投资测算合理。',
        participants: '',
        version: 1,
      }),
      200,
      'evaluate',
    );
    const decided = await approver.request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      {
        decision: 'approved',
        opinion: '同意调整，按新计划执行。',
        version: 2,
      },
    );
    expectStatus(decided, 200, 'approve');
    assert.equal(decided.json().baselineVersion, 2);

    const view = await progress(staff, id);
    assert.equal(view.currentBaselineVersion, 2);
    assert.deepEqual(
      view.baselines.map((b) => [b.baselineVersion, b.totalBudget]),
      [
        [1, '1200000.00'],
        [2, '1500000.00'],
      ],
    );
    assert.equal(view.changes[0].state, 'approved');
    assert.equal(view.changes[0].baselineVersion, 2);
    // Reported against baseline 1, shown against the current baseline 2.
    assert.equal(view.reports[0].baselineVersion, 1);
    const v = view.reports[0].variance;
    assert.equal(v.earnedValue, '300000.00');
    assert.equal(v.costVariance, '0.00');
    assert.equal(v.fundsVsPlan, '0.00');
    assert.equal(view.risk.level, 'low');
    // The new baseline adds the April 2027 report period.
    assert.equal(view.periods.at(-1)?.period, '2027-04');
  });

  test('SC-17 another department and another jurisdiction do not see the progress', async () => {
    expectStatus(
      await (await login(ctx, 'sc.staff2')).request('GET', `/api/projects/${id}/progress`),
      404,
      'other dept',
    );
    expectStatus(
      await (await login(ctx, 'dt.staff')).request('GET', `/api/projects/${id}/progress`),
      404,
      'other jurisdiction',
    );
    expectStatus(
      await (await login(ctx, 'sc.staff2')).request('POST', `/api/projects/${id}/progress/reports`, {
        ...REPORT,
        period: '2026-11',
      }),
      404,
      'other dept report',
    );
  });
});

describe('JC: approval first, then the 综合评估 with departments or experts', () => {
  test('JC-05-5 the 区行政审批服务管理局 approves the application, then the 实施单位 evaluates it with named departments or experts; nobody evaluates their own', async () => {
    const entryId = await approvedPlanEntry(sessions, 'jc.reviewer', 'jc.gov', '城区教育局', '教育资源共享');
    const staff = await sessions.as('jc.staff');
    const { id } = await draftProject(staff, {
      name: '城区教育资源共享平台项目',
      planEntryId: entryId,
      budgetByYear: [],
      declarations: {
        interoperable: true,
        isStandaloneBigData: false,
        higherLevelCoBuild: false,
        inDistrictBudget: true,
      },
    });
    await uploadMissing(staff, id);
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const approver = await sessions.as('jc.approver');
    expectStatus(
      await decide(approver, id, 'jc.filing_approval.establishment', { opinion: '予以立项备案' }),
      200,
      '立项备案',
    );
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    const view = await progress(staff, id);
    assert.equal(view.rules.changeOrder, 'decide_then_evaluate');
    // JC's text asks for no periodic report: no report obligations.
    assert.deepEqual(view.periods, []);

    const created = await staff.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const leader = await sessions.as('jc.leader');
    const early = await leader.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
      opinion: '综合评估',
      participants: '区教育局、区大数据中心',
      version: 1,
    });
    expectStatus(early, 422, 'evaluation before approval');
    assert.equal(early.json().code, 'CHANGE_NOT_APPROVED');
    assert.equal(early.json().article, 'JC-05-5');

    const approved = await approver.request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      {
        decision: 'approved',
        opinion: '同意调整',
        version: 1,
      },
    );
    expectStatus(approved, 200, 'approve');
    assert.equal(approved.json().baselineVersion, 2);

    const own = await staff.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
      opinion: '自评',
      participants: '区教育局',
      version: 2,
    });
    expectStatus(own, 403, 'own application');
    assert.equal(own.json().code, 'OWN_REQUEST');
    assert.equal(own.json().article, 'JC-05-5');
    const noParticipants = await leader.request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/evaluate`,
      { opinion: '综合评估', participants: ' ', version: 2 },
    );
    expectStatus(noParticipants, 422, 'participants');
    assert.equal(noParticipants.json().article, 'JC-05-5');
    expectStatus(
      await leader.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '经综合评估，变更可行。',
        participants: '区教育局、区行政审批服务管理局、技术专家吕教授',
        version: 2,
      }),
      200,
      'evaluate',
    );
    const done = await progress(staff, id);
    assert.equal(done.changes[0].state, 'completed');
    assert.equal(done.currentBaselineVersion, 2);
  });
});

describe('XZ and DT: the reporter and the deciding authority come from the rulebook', () => {
  test('XZ-16 the 数据中心 reports progress and applies; the 市政务信息管理局 evaluates and then decides', async () => {
    const dataCenterUser = (await extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心')).username;
    const entryId = await approvedPlanEntry(
      sessions,
      'xz.reviewer',
      ['xz.party', 'xz.cityreviewer'],
      '忻州市公路事业发展中心',
      '养护巡检',
    );
    const staff = await sessions.as('xz.staff');
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id } = await draftProject(staff, {
      name: '公路养护巡检系统升级项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
      declarations: { interoperable: true, onExtranet: true, onCloud: true },
    });
    await uploadMissing(staff, id);
    const dataCenter = await sessions.as(dataCenterUser, EXTRA_PASSWORD);
    expectStatus(await dataCenter.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const reviewer = await sessions.as('xz.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'xz.review.data_center'), 200, 'data center');
    expectStatus(
      await decide(await sessions.as('xz.party'), id, 'xz.review.party_consent', {
        outcome: 'consent_given',
        opinion: '局党组会议同意',
      }),
      200,
      'party',
    );
    expectStatus(
      await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.city_review'),
      200,
      'city',
    );
    expectStatus(await decide(await sessions.as('xz.citygov'), id, 'xz.review.city_government'), 200, 'gov');
    expectStatus(
      await decide(await sessions.as('xz.cityapprover'), id, 'xz.filing_approval.establishment'),
      200,
      '立项',
    );

    // 第十六条: the 数据中心 reports, not the 公路事业发展中心.
    const byOwner = await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE);
    expectStatus(byOwner, 403, 'owner department');
    assert.equal(byOwner.json().article, 'XZ-16');
    expectStatus(
      await dataCenter.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    expectStatus(
      await dataCenter.request('POST', `/api/projects/${id}/progress/reports`, REPORT),
      201,
      'report',
    );
    const created = await dataCenter.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const city = await sessions.as('xz.cityreviewer');
    const view = await progress(city, id);
    assert.equal(view.rules.deciderName, '市政务信息管理局');
    assert.equal(view.can.evaluate, true);
    // The 交通运输局's own reviewer is not the 市政务信息管理局.
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '同意',
        participants: '',
        version: 1,
      }),
      403,
      'bureau reviewer',
    );
    expectStatus(
      await city.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '综合评估：同意调整',
        participants: '',
        version: 1,
      }),
      200,
      'evaluate',
    );
    const decided = await (await sessions.as('xz.cityapprover')).request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      { decision: 'rejected', opinion: '投资调增依据不足，不同意调整。', version: 2 },
    );
    expectStatus(decided, 200, 'reject');
    assert.equal(decided.json().baselineVersion, null);
    const after = await progress(city, id);
    assert.equal(after.changes[0].state, 'rejected');
    assert.equal(after.currentBaselineVersion, 1);
    assert.equal(after.reports[0].variance.costVariancePercent, -25);
  });

  test('DT-20/DT-21 the department reports progress; the authority evaluates the application and its leader approves it', async () => {
    const fixtures = new ProjectFixtures(ctx, sessions);
    const id = await establishedDt(fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    expectStatus(await staff.request('POST', `/api/projects/${id}/progress/reports`, REPORT), 201, 'report');
    const created = await staff.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const early = await (await sessions.as('dt.authlead')).request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      { decision: 'approved', opinion: '同意', version: 1 },
    );
    expectStatus(early, 422, 'before evaluation');
    assert.equal(early.json().article, 'DT-21');
    expectStatus(
      await (await sessions.as('dt.reviewer')).request(
        'POST',
        `/api/projects/${id}/change-requests/${requestId}/evaluate`,
        { opinion: '综合评估：同意', participants: '', version: 1 },
      ),
      200,
      'evaluate',
    );
    expectStatus(
      await (await sessions.as('dt.authlead')).request(
        'POST',
        `/api/projects/${id}/change-requests/${requestId}/decision`,
        { decision: 'approved', opinion: '同意调整', version: 2 },
      ),
      200,
      'approve',
    );
    const view = await progress(staff, id);
    assert.equal(view.currentBaselineVersion, 2);
    assert.equal(view.reports[0].variance.costVariance, '0.00');
  });
});
