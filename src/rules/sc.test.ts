import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from './index.ts';
import type { ProjectFacts } from './model.ts';
import { ev, evaluate, gate, openStepIds, statusOf, walk } from './test-support.ts';

const SC = getRulebook('SC');
const GOOD: ProjectFacts = {
  planned: true,
  systemsInCatalog: true,
  interoperable: true,
  sharingCompliant: true,
};

describe('SC approval chain', () => {
  test('SC-08a/SC-11a a planned project skips 项目建议书 and goes straight to 可研, then 区政务信息管理局 review and 立项', () => {
    const chain = [
      'sc.plan.register',
      'sc.application.submit',
      'sc.review.assessment',
      'sc.filing_approval.establishment',
      'sc.budget.review',
    ];
    for (let i = 0; i < chain.length; i++) {
      assert.deepEqual(
        openStepIds(evaluate(SC, GOOD, walk(SC, chain.slice(0, i)))),
        [chain[i]],
        `after ${i} steps`,
      );
    }
    const r = evaluate(SC, GOOD, walk(SC, chain.slice(0, 3)));
    assert.equal(statusOf(r, 'sc.application.proposal'), 'skipped');
    const establishment = r.nextSteps('approver')[0];
    assert.equal(establishment.step.actor.org, 'sc_authority');
    assert.equal(SC.organisations.find((o) => o.key === 'sc_authority')?.name, '区政务信息管理局');
  });

  test('SC-08a a project not in the plan starts with 项目建议书', () => {
    const r = evaluate(SC, { ...GOOD, planned: false }, walk(SC, ['sc.plan.register']));
    assert.deepEqual(openStepIds(r), ['sc.application.proposal']);
    assert.deepEqual(
      r.missingMaterials('sc.application.proposal', []).map((m) => m.code),
      ['proposal'],
    );
  });

  test('SC-08a/SC-08b/SC-09a/SC-09b the application needs 可研 with the sharing-analysis chapter, 初设, 资源目录 and 概算', () => {
    const r = evaluate(SC, GOOD, walk(SC, ['sc.plan.register']));
    assert.deepEqual(
      r.missingMaterials('sc.application.submit', []).map((m) => m.code),
      [
        'feasibility_study',
        'preliminary_design',
        'sharing_analysis_chapter',
        'resource_catalog',
        'cost_estimate',
      ],
    );
    const cross = evaluate(SC, { ...GOOD, crossDepartment: true }, walk(SC, ['sc.plan.register']));
    assert.ok(cross.missingMaterials('sc.application.submit', []).some((m) => m.code === 'joint_plan'));
  });

  test('SC-11b an unplanned project passes 前置审查 and 区人民政府 approval before the review', () => {
    const facts = { ...GOOD, planned: false };
    const events = walk(SC, ['sc.plan.register', 'sc.application.proposal', 'sc.application.submit']);
    assert.deepEqual(openStepIds(evaluate(SC, facts, events)), ['sc.review.pre_review']);
    const pre = [...events, ev('pre_review_passed', '2026-03-10')];
    const r = evaluate(SC, facts, pre);
    assert.deepEqual(openStepIds(r), ['sc.review.government_approval']);
    assert.equal(r.nextSteps('leadership_body')[0].step.actor.org, 'sc_district_government');
    assert.deepEqual(openStepIds(evaluate(SC, facts, [...pre, ev('government_approved', '2026-03-12')])), [
      'sc.review.assessment',
    ]);
  });

  test('SC-11c a new dedicated network needs the consent of 区人民政府', () => {
    const r = evaluate(
      SC,
      { ...GOOD, hasDedicatedNetwork: true },
      walk(SC, ['sc.plan.register', 'sc.application.submit']),
    );
    assert.deepEqual(openStepIds(r), ['sc.review.network_consent']);
    assert.equal(r.nextSteps()[0].step.actor.org, 'sc_district_government');
  });

  test('SC-20b/SC-18/SC-19 acceptance needs 建设总结, 财务报告, 审计报告, 安全风险评估报告, 密码应用安全性评估报告, catalog registration and controllability', () => {
    const r = evaluate(SC, GOOD, [ev('construction_completed', '2026-05-01')]);
    const codes = r.missingMaterials('sc.acceptance.accept', []).map((m) => m.code);
    for (const code of [
      'resource_catalog_registration',
      'security_controllability',
      'construction_summary',
      'financial_report',
      'audit_report',
      'security_assessment_report',
      'crypto_assessment_report',
    ]) {
      assert.ok(codes.includes(code), code);
    }
    const step = SC.workflow.stages.flatMap((s) => s.steps).find((s) => s.id === 'sc.acceptance.accept');
    const security = step?.materials.find((m) => m.code === 'security_assessment_report');
    assert.match(security?.name ?? '', /等级保护测评/);
    assert.match(security?.name ?? '', /安全保密测评/);
    assert.deepEqual(security?.articles, ['SC-20b']);
  });
});

describe('SC gates', () => {
  const reviewed = walk(SC, ['sc.plan.register', 'sc.application.submit', 'sc.review.assessment']);

  test('SC-10 systems not listed in the catalog get no approval, investment or O&M funds', () => {
    for (const action of ['approve_establishment', 'allocate_budget', 'disburse_om'] as const) {
      const g = gate(evaluate(SC, { ...GOOD, systemsInCatalog: false }, reviewed), action, 'sc.gate.catalog');
      assert.equal(g.passed, false);
      assert.equal(g.article, 'SC-10');
    }
    assert.equal(gate(evaluate(SC, GOOD, reviewed), 'approve_establishment', 'sc.gate.catalog').passed, true);
  });

  test('SC-08b no procurement before 立项', () => {
    assert.equal(
      gate(evaluate(SC, GOOD, reviewed), 'procure', 'sc.gate.no_build_before_approval').passed,
      false,
    );
    const approved = [...reviewed, ev('establishment_approved', '2026-04-01')];
    assert.equal(
      gate(evaluate(SC, GOOD, approved), 'procure', 'sc.gate.no_build_before_approval').article,
      'SC-08b',
    );
    assert.equal(
      gate(evaluate(SC, GOOD, approved), 'procure', 'sc.gate.no_build_before_approval').passed,
      true,
    );
  });

  test('SC-11b an unplanned project is not approved without 前置审查 and 区人民政府 approval', () => {
    const facts = { ...GOOD, planned: false };
    const blocked = gate(
      evaluate(SC, facts, reviewed),
      'approve_establishment',
      'sc.gate.unplanned_pre_review',
    );
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'SC-11b');
    const events = [
      ...reviewed,
      ev('pre_review_passed', '2026-03-10'),
      ev('government_approved', '2026-03-12'),
    ];
    assert.equal(
      gate(evaluate(SC, facts, events), 'approve_establishment', 'sc.gate.unplanned_pre_review').passed,
      true,
    );
  });

  test('SC-11b adapting existing systems is a principle: a warning that does not block', () => {
    const r = evaluate(SC, { ...GOOD, requiredByHigherAuthority: true }, reviewed);
    const g = gate(r, 'approve_establishment', 'sc.gate.adapt_existing');
    assert.equal(g.passed, false);
    assert.equal(g.severity, 'warn');
    const check = r.checkStep('sc.filing_approval.establishment', 'approver', {
      actionFacts: { onExtranet: true },
    });
    assert.equal(check.allowed, true);
    assert.deepEqual(
      check.warnings.map((w) => w.article),
      ['SC-11b'],
    );
  });

  test('SC-11c interoperability, sharing for O&M funds, dedicated network consent and extranet', () => {
    const r = evaluate(SC, { planned: true, systemsInCatalog: true, hasDedicatedNetwork: true }, reviewed);
    for (const [action, id] of [
      ['approve_establishment', 'sc.gate.interoperability'],
      ['disburse_om', 'sc.gate.sharing_om'],
      ['approve_establishment', 'sc.gate.dedicated_network'],
      ['approve_establishment', 'sc.gate.extranet'],
    ] as const) {
      const g = gate(r, action, id);
      assert.equal(g.passed, false, id);
      assert.equal(g.article, 'SC-11c', id);
    }
    assert.equal(gate(r, 'approve_establishment', 'sc.gate.extranet').severity, 'warn');
    const ok = evaluate(
      SC,
      { ...GOOD, hasDedicatedNetwork: true, dedicatedNetworkLegalBasis: true, onExtranet: true },
      [...reviewed, ev('consent_given', '2026-03-09', { stepId: 'sc.review.network_consent' })],
    );
    for (const [action, id] of [
      ['approve_establishment', 'sc.gate.interoperability'],
      ['disburse_om', 'sc.gate.sharing_om'],
      ['approve_establishment', 'sc.gate.dedicated_network'],
      ['approve_establishment', 'sc.gate.extranet'],
    ] as const) {
      assert.equal(gate(ok, action, id).passed, true, id);
    }
  });

  test('SC-21 after acceptance no further funds until the acceptance report is filed', () => {
    const accepted = [ev('acceptance_passed', '2026-05-04')];
    const g = gate(evaluate(SC, GOOD, accepted), 'disburse_construction', 'sc.gate.acceptance_report');
    assert.equal(g.passed, false);
    assert.equal(g.article, 'SC-21');
    const filed = [...accepted, ev('acceptance_report_filed', '2026-05-20')];
    assert.equal(
      gate(evaluate(SC, GOOD, filed), 'disburse_construction', 'sc.gate.acceptance_report').passed,
      true,
    );
  });

  test('SC-23 refused rectification suspends construction and O&M funds', () => {
    const g = gate(
      evaluate(SC, { ...GOOD, rectificationRefused: true }, reviewed),
      'disburse_om',
      'sc.gate.rectification',
    );
    assert.equal(g.passed, false);
    assert.equal(g.article, 'SC-23');
    assert.equal(gate(evaluate(SC, GOOD, reviewed), 'disburse_om', 'sc.gate.rectification').passed, true);
  });
});

describe('SC deadlines', () => {
  test('SC-16 contract filing is due 5 working days after signing, across the Spring Festival and its make-up Saturday', () => {
    // Signed Thu 2026-02-12: Fri 13 (1), Sat 14 make-up (2), 15–23 holiday, Tue 24 (3), 25 (4), 26 (5).
    const r = evaluate(SC, GOOD, [ev('contract_signed', '2026-02-12')], '2026-02-20');
    const o = r.obligations.find((x) => x.deadlineId === 'sc.deadline.contract_filing');
    assert.equal(o?.dueDate, '2026-02-26');
    assert.deepEqual(o?.articles, ['SC-16']);
  });

  test('SC-16 one obligation per contract, paired by ref', () => {
    const r = evaluate(
      SC,
      GOOD,
      [
        ev('contract_signed', '2026-04-01', { ref: 'C-1' }),
        ev('contract_signed', '2026-04-02', { ref: 'C-2' }),
        ev('contract_filed', '2026-04-03', { ref: 'C-2' }),
      ],
      '2026-04-20',
    );
    const open = r.obligations.filter((x) => x.deadlineId === 'sc.deadline.contract_filing');
    assert.equal(open.length, 1);
    assert.equal(open[0].ref, 'C-1');
    assert.equal(open[0].overdue, true);
  });

  test('SC-20a acceptance is due six calendar months after completion (month-end clamp, known even in 2027)', () => {
    const r = evaluate(SC, GOOD, [ev('construction_completed', '2026-08-31')], '2026-09-01');
    const o = r.obligations.find((x) => x.deadlineId === 'sc.deadline.acceptance');
    assert.equal(o?.dueDate, '2027-02-28');
    assert.equal(o?.calendarKnown, true);
    assert.deepEqual(o?.articles, ['SC-20a']);
  });

  test('SC-20c a granted extension moves the acceptance due date; a pending request is not overdue', () => {
    const completed = ev('construction_completed', '2026-01-15');
    const overdue = evaluate(SC, GOOD, [completed], '2026-07-20').obligations.find(
      (x) => x.deadlineId === 'sc.deadline.acceptance',
    );
    assert.equal(overdue?.dueDate, '2026-07-15');
    assert.equal(overdue?.overdue, true);
    assert.equal(overdue?.consequence.gateId, 'sc.gate.rectification');
    const pending = evaluate(SC, GOOD, [completed, ev('extension_requested', '2026-07-01')], '2026-07-20');
    const p = pending.obligations.find((x) => x.deadlineId === 'sc.deadline.acceptance');
    assert.equal(p?.extensionPending, true);
    assert.equal(p?.overdue, false);
    const granted = evaluate(
      SC,
      GOOD,
      [
        completed,
        ev('extension_requested', '2026-07-01'),
        ev('extension_granted', '2026-07-05', { deadlineId: 'sc.deadline.acceptance', until: '2026-10-31' }),
      ],
      '2026-07-20',
    );
    const g = granted.obligations.find((x) => x.deadlineId === 'sc.deadline.acceptance');
    assert.equal(g?.dueDate, '2026-10-31');
    assert.equal(g?.extended, true);
    assert.equal(g?.overdue, false);
    const refused = evaluate(
      SC,
      GOOD,
      [completed, ev('extension_requested', '2026-07-01'), ev('extension_refused', '2026-07-05')],
      '2026-07-20',
    );
    assert.equal(refused.obligations.find((x) => x.deadlineId === 'sc.deadline.acceptance')?.overdue, true);
  });

  test('SC-21 the acceptance report is due 30 working days after acceptance, across Mid-Autumn and National Day', () => {
    const r = evaluate(SC, GOOD, [ev('acceptance_passed', '2026-09-01')], '2026-10-20');
    const o = r.obligations.find((x) => x.deadlineId === 'sc.deadline.acceptance_report');
    assert.equal(o?.dueDate, '2026-10-19');
    assert.equal(o?.overdue, true);
    assert.equal(o?.workingDaysOverdue, 1);
    assert.equal(o?.consequence.gateId, 'sc.gate.acceptance_report');
  });

  test('SC-21 an acceptance report due date that runs into 2027 is reported calendar-unknown', () => {
    const r = evaluate(SC, GOOD, [ev('acceptance_passed', '2026-12-01')], '2026-12-02');
    const o = r.obligations.find((x) => x.deadlineId === 'sc.deadline.acceptance_report');
    assert.equal(o?.dueDate, null);
    assert.equal(o?.calendarKnown, false);
    assert.deepEqual(o?.unknownYears, [2027]);
  });
});

describe('SC organisations, budget, construction and operation', () => {
  const APPROVED = [
    'sc.plan.register',
    'sc.application.submit',
    'sc.review.assessment',
    'sc.filing_approval.establishment',
  ];

  test('SC-04/SC-07/SC-12/SC-13/SC-27 the named organisations of SC and their kinds', () => {
    const kindOf = (name: string) => SC.organisations.find((o) => o.name === name)?.kind;
    assert.equal(kindOf('区政务信息管理局'), 'authority');
    assert.equal(kindOf('区财政局'), 'finance');
    assert.equal(kindOf('区财政评审中心'), 'finance');
    assert.equal(kindOf('区数字政府服务中心'), 'data_center');
    assert.equal(kindOf('区人民政府'), 'leadership_body');
    assert.equal(SC.organisations.find((o) => o.key === 'sc_department')?.terms[0].term, '项目建设单位');
  });

  test('SC-13 budget: 区财政评审中心 review → allocation publicity → 区财政局 funds, in that order', () => {
    const chain = ['sc.budget.review', 'sc.budget.publicity', 'sc.budget.funds', 'sc.construction.contract'];
    for (let i = 0; i < chain.length; i++) {
      const r = evaluate(SC, GOOD, walk(SC, [...APPROVED, ...chain.slice(0, i)]));
      assert.deepEqual(openStepIds(r), [chain[i]], `after ${i} budget steps`);
    }
    const r = evaluate(SC, GOOD, walk(SC, APPROVED));
    assert.equal(r.nextSteps('finance_officer')[0].step.actor.org, 'sc_finance_review');
  });

  test('SC-15/SC-16/SC-17 the contract needs a named project owner, then opens contract and supervisor filing and construction', () => {
    const ready = walk(SC, [...APPROVED, 'sc.budget.review', 'sc.budget.publicity', 'sc.budget.funds']);
    const r = evaluate(SC, GOOD, ready);
    const check = r.checkStep('sc.construction.contract', 'dept_staff', { providedMaterials: [] });
    assert.deepEqual(
      check.problems.map((p) => [p.code, p.article]),
      [['MATERIALS_MISSING', 'SC-15']],
    );
    const signed = evaluate(
      SC,
      GOOD,
      walk(SC, [
        ...APPROVED,
        'sc.budget.review',
        'sc.budget.publicity',
        'sc.budget.funds',
        'sc.construction.contract',
      ]),
    );
    assert.deepEqual(openStepIds(signed), [
      'sc.construction.contract_filing',
      'sc.construction.supervisor_filing',
      'sc.construction.build',
    ]);
  });

  test('SC-22/SC-24 after the acceptance report is filed, self-evaluation and assessment are yearly duties', () => {
    const events = walk(SC, [
      ...APPROVED,
      'sc.budget.review',
      'sc.budget.publicity',
      'sc.budget.funds',
      'sc.construction.contract',
      'sc.construction.build',
      'sc.acceptance.accept',
      'sc.acceptance.report_filing',
    ]);
    const r = evaluate(SC, GOOD, events);
    assert.deepEqual(openStepIds(r).slice(-2), ['sc.operation.self_evaluation', 'sc.operation.assessment']);
    assert.equal(r.nextSteps('authority_reviewer')[0].step.id, 'sc.operation.assessment');
  });
});

describe('SC construction (第十六条)', () => {
  test('SC-16 competition is required only for complex or technically demanding projects', () => {
    const codes = (facts: ProjectFacts) =>
      evaluate(SC, facts, [])
        .missingMaterials('sc.construction.contract', [])
        .map((m) => m.code);
    assert.deepEqual(codes({ ...GOOD, complexProject: true }), ['project_owner', 'competition_record']);
    assert.deepEqual(codes({ ...GOOD, complexProject: false }), ['project_owner']);
    assert.deepEqual(codes(GOOD), ['project_owner']);
    const step = SC.workflow.stages.flatMap((s) => s.steps).find((s) => s.id === 'sc.construction.contract');
    assert.doesNotMatch(step?.name ?? '', /竞争/);
  });
});
