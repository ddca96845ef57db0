import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressRulesFor } from '../rules/progress.ts';
import { nextPeriod, periodBounds, periodOf, periodsBetween, plannedEnd, riskOf, variance } from './model.ts';

const BASELINE = {
  milestones: [
    { name: '需求分析', plannedOn: '2026-10-31' },
    { name: '系统开发', plannedOn: '2026-12-31' },
    { name: '试运行', plannedOn: '2027-02-28' },
    { name: '验收准备', plannedOn: '2027-03-31' },
  ],
  plannedFunds: [
    { period: '2026-10', amountFen: 10_000_000 },
    { period: '2026-11', amountFen: 20_000_000 },
    { period: '2027-01', amountFen: 30_000_000 },
  ],
  totalBudgetFen: 100_000_000,
};

test('periods are calendar-aligned blocks of months; quarters label their first month', () => {
  assert.equal(periodOf('2026-11-15', 1), '2026-11');
  assert.equal(periodOf('2026-11-15', 3), '2026-10');
  assert.deepEqual(periodBounds('2026-10', 3), { startOn: '2026-10-01', endOn: '2026-12-31' });
  assert.deepEqual(periodBounds('2028-02', 1), { startOn: '2028-02-01', endOn: '2028-02-29' });
  assert.equal(nextPeriod('2026-12', 1), '2027-01');
  assert.equal(nextPeriod('2026-10', 3), '2027-01');
  assert.deepEqual(periodsBetween('2026-09-28', '2027-01-05', 1), [
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
    '2027-01',
  ]);
  assert.equal(plannedEnd(BASELINE), '2027-03-31');
  assert.equal(plannedEnd({ milestones: [] }), null);
});

test('DT-20/SC-17 schedule and cost variance are computed against the baseline, not reported', () => {
  const v = variance(BASELINE, {
    asOf: '2026-11-30',
    milestones: [{ name: '需求分析', doneOn: '2026-11-10' }],
    percentDone: 20,
    fundsUsedFen: 35_000_000,
  });
  assert.equal(v.plannedPercent, 25);
  assert.equal(v.scheduleVariancePoints, -5);
  assert.deepEqual(v.lateMilestones, []);
  assert.equal(v.plannedFundsToDateFen, 30_000_000);
  assert.equal(v.earnedValueFen, 20_000_000);
  assert.equal(v.costVarianceFen, -15_000_000);
  assert.equal(v.costVariancePercent, -75);
  assert.equal(v.fundsVsPlanFen, 5_000_000);
  // A milestone done after the compared day is late.
  const late = variance(BASELINE, {
    asOf: '2026-10-31',
    milestones: [{ name: '需求分析', doneOn: '2026-11-02' }],
    percentDone: 0,
    fundsUsedFen: 0,
  });
  assert.deepEqual(late.lateMilestones, ['需求分析']);
  assert.equal(late.costVariancePercent, null);
});

test('risk level comes from facts: rectification, overdue obligations, variance thresholds', () => {
  const onTrack = variance(BASELINE, {
    asOf: '2026-10-31',
    milestones: [{ name: '需求分析', doneOn: '2026-10-20' }],
    percentDone: 25,
    fundsUsedFen: 10_000_000,
  });
  assert.deepEqual(riskOf({ variance: onTrack, overdueObligations: 0, openRectifications: 0 }), {
    level: 'low',
    reasons: [],
  });
  assert.deepEqual(riskOf({ variance: null, overdueObligations: 0, openRectifications: 0 }).level, 'low');
  const one = riskOf({ variance: onTrack, overdueObligations: 1, openRectifications: 0 });
  assert.equal(one.level, 'medium');
  assert.match(one.reasons[0], /1 项义务已逾期/);
  assert.equal(riskOf({ variance: onTrack, overdueObligations: 2, openRectifications: 0 }).level, 'high');
  assert.equal(riskOf({ variance: null, overdueObligations: 0, openRectifications: 1 }).level, 'high');
  const behind = variance(BASELINE, {
    asOf: '2026-12-31',
    milestones: [{ name: '需求分析', doneOn: '2026-10-20' }],
    percentDone: 30,
    fundsUsedFen: 30_000_000,
  });
  assert.equal(behind.scheduleVariancePoints, -20);
  const r = riskOf({ variance: behind, overdueObligations: 0, openRectifications: 0 });
  assert.equal(r.level, 'high');
  assert.ok(r.reasons.some((x) => x.includes('进度落后计划 20 个百分点')));
  assert.ok(r.reasons.some((x) => x.includes('系统开发')));
  const over = variance(BASELINE, {
    asOf: '2026-10-31',
    milestones: [{ name: '需求分析', doneOn: '2026-10-20' }],
    percentDone: 25,
    fundsUsedFen: 28_000_000,
  });
  assert.equal(over.costVariancePercent, -12);
  assert.equal(riskOf({ variance: over, overdueObligations: 0, openRectifications: 0 }).level, 'medium');
});

test('DT-21/SC-17/JC-05-5/XZ-16 the change flow is rulebook data: JC decides first, then evaluates', () => {
  for (const code of ['DT', 'SC', 'XZ']) {
    const rules = progressRulesFor(code);
    assert.equal(rules?.changes.order, 'evaluate_then_decide', code);
    assert.equal(rules?.reports.obligation, true, code);
  }
  assert.equal(progressRulesFor('XZ')?.changes.decider.name, '市政务信息管理局');
  const jc = progressRulesFor('JC');
  assert.equal(jc?.changes.order, 'decide_then_evaluate');
  assert.equal(jc?.changes.evaluationParticipants, true);
  assert.equal(jc?.reports.obligation, false);
  assert.equal(progressRulesFor('SC-140602', 'SC'), progressRulesFor('SC'));
  assert.equal(progressRulesFor(null), null);
});
