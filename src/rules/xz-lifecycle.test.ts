/** XZ (行政审批局) rulebook after 立项: deadlines, organisations, budget, construction, acceptance and operation. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from './index.ts';
import {
  ev,
  evaluate,
  XZ_GOOD as GOOD,
  openStepIds,
  XZ_PLANNED_CHAIN as PLANNED_CHAIN,
  statusOf,
  walk,
} from './test-support.ts';

const XZ = getRulebook('XZ');

describe('XZ deadlines', () => {
  test('XZ-14 the 数据中心 files the contract within 5 working days, across Labour Day and its make-up Saturday', () => {
    // Signed Thu 2026-04-30: 1–5 May holiday, Wed 6 (1), 7 (2), 8 (3), Sat 9 make-up (4), Mon 11 (5).
    const r = evaluate(XZ, GOOD, [ev('contract_signed', '2026-04-30')], '2026-05-06');
    const o = r.obligations.find((x) => x.deadlineId === 'xz.deadline.contract_filing');
    assert.equal(o?.dueDate, '2026-05-11');
    assert.deepEqual(o?.owedBy, { role: 'dept_staff', org: 'xz_data_center' });
    assert.deepEqual(o?.articles, ['XZ-14']);
    assert.equal(o?.consequence.gateId, 'xz.gate.contract_filed');
  });

  test('XZ-21 the acceptance report (after 局党组 consent) is due 30 working days after acceptance', () => {
    // Accepted Tue 2026-02-10: the Spring Festival week and two make-up Saturdays fall inside.
    const r = evaluate(XZ, GOOD, [ev('acceptance_passed', '2026-02-10')], '2026-03-31');
    const o = r.obligations.find((x) => x.deadlineId === 'xz.deadline.acceptance_report');
    assert.equal(o?.dueDate, '2026-03-30');
    assert.equal(o?.overdue, true);
    assert.equal(o?.workingDaysOverdue, 1);
    assert.match(o?.obligation ?? '', /局党组同意/);
  });
});

describe('XZ organisations, budget, construction and operation', () => {
  const CONTRACTED = [...PLANNED_CHAIN, 'xz.budget.review', 'xz.budget.report', 'xz.construction.contract'];

  test('XZ-02/XZ-05a/XZ-06/XZ-31 the data center is the department side; 项目使用单位 and 项目提出单位 are the units', () => {
    const kindOf = (key: string) => XZ.organisations.find((o) => o.key === key)?.kind;
    assert.equal(kindOf('xz_data_center'), 'data_center');
    assert.equal(kindOf('xz_user_unit'), 'department');
    assert.equal(kindOf('xz_party_group'), 'leadership_body');
    assert.equal(kindOf('xz_city_authority'), 'authority');
    assert.equal(kindOf('xz_finance_section'), 'finance');
    const unit = XZ.organisations.find((o) => o.key === 'xz_user_unit');
    assert.deepEqual(
      unit?.terms.map((t) => t.term),
      ['项目提出单位', '局机关各科室、局属各单位'],
    );
  });

  test('XZ-11 财务科 fixes the budget and reports it to 市财政局 before the contract', () => {
    const chain = ['xz.budget.review', 'xz.budget.report', 'xz.construction.contract'];
    for (let i = 0; i < chain.length; i++) {
      const r = evaluate(XZ, GOOD, walk(XZ, [...PLANNED_CHAIN, ...chain.slice(0, i)]));
      assert.deepEqual(openStepIds(r), [chain[i]], `after ${i} budget steps`);
    }
  });

  test('XZ-16/XZ-19/XZ-20 progress in the city platform, then acceptance checks catalog registration and controllable products', () => {
    const r = evaluate(XZ, GOOD, walk(XZ, [...CONTRACTED, 'xz.construction.build']));
    assert.ok(openStepIds(r).includes('xz.acceptance.accept'));
    assert.deepEqual(
      r.missingMaterials('xz.acceptance.accept', []).map((m) => [m.code, m.articles[0]]),
      [
        ['resource_catalog_registration', 'XZ-19'],
        ['security_controllability', 'XZ-20'],
      ],
    );
  });

  test('XZ-21/XZ-22/XZ-23/XZ-25/XZ-26 after 局党组 consent and filing, yearly self-evaluation and assessment open', () => {
    const events = walk(XZ, [
      ...CONTRACTED,
      'xz.construction.build',
      'xz.acceptance.accept',
      'xz.acceptance.report_consent',
      'xz.acceptance.report_filing',
    ]);
    const r = evaluate(XZ, GOOD, events);
    const open = openStepIds(r);
    assert.ok(open.includes('xz.operation.self_evaluation'));
    assert.ok(open.includes('xz.operation.assessment'));
    const skipConsent = evaluate(
      XZ,
      GOOD,
      events.filter((e) => e.stepId !== 'xz.acceptance.report_consent'),
    );
    assert.equal(statusOf(skipConsent, 'xz.acceptance.report_filing'), 'not_reached');
  });
});
