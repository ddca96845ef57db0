/**
 * Progress reports and adjustment applications (调整申请) on stored SC projects, with an injected
 * clock (issue 12): the baseline after 立项 opens one report obligation per month, a missing report
 * is overdue after the sweep, a report's schedule and cost variance and the risk level are
 * computed, and an application evaluated then approved by the authority becomes baseline 2 against
 * which the variance is recomputed. JC, XZ and DT: progress-jurisdictions.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runSweep } from '../../../src/obligations/index.ts';
import { establishedSc as establishedScProject } from '../../factories/funds.ts';
import { BASELINE, CHANGE, progress, REPORT } from '../../factories/progress.ts';
import { expectStatus, Sessions, setupProjects } from '../../factories/projects.ts';
import { login, type TestContext } from '../../support/helper.ts';

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
