import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from './index.ts';
import type { ProjectFacts } from './model.ts';
import { loadRulebook } from './schema.ts';
import { ev, evaluate, gate, openStepIds, statusOf, walk } from './test-support.ts';

const DT = getRulebook('DT');
/** A planned project that satisfies every approval-time fact. */
const GOOD: ProjectFacts = { planned: true, interoperable: true, sharingCompliant: true };

describe('DT approval chain', () => {
  test('DT-09a/DT-09b/DT-09c planned project: register → apply → review → filing → 立项 by 市行政审批局', () => {
    const chain = [
      'dt.plan.register',
      'dt.application.submit',
      'dt.review.assessment',
      'dt.review.filing',
      'dt.filing_approval.establishment',
      'dt.budget.review',
    ];
    for (let i = 0; i < chain.length; i++) {
      const result = evaluate(DT, GOOD, walk(DT, chain.slice(0, i)));
      assert.deepEqual(openStepIds(result), [chain[i]], `after ${i} steps`);
    }
    const done = evaluate(DT, GOOD, walk(DT, chain.slice(0, 4)));
    assert.equal(statusOf(done, 'dt.review.pre_review'), 'skipped');
    assert.equal(statusOf(done, 'dt.review.government_approval'), 'skipped');
    assert.equal(statusOf(done, 'dt.review.network_consent'), 'skipped');
    const establishment = done.nextSteps('approver');
    assert.equal(establishment.length, 1);
    assert.equal(establishment[0].step.actor.org, 'dt_approval_bureau');
    assert.equal(establishment[0].blocked, false);
  });

  test('DT-05a the review and filing are by 市数字政府服务中心, the establishment by 市行政审批局', () => {
    const steps = new Map(DT.workflow.stages.flatMap((s) => s.steps).map((s) => [s.id, s]));
    assert.equal(steps.get('dt.review.assessment')?.actor.org, 'dt_authority');
    assert.equal(steps.get('dt.review.filing')?.actor.org, 'dt_authority');
    assert.equal(steps.get('dt.filing_approval.establishment')?.actor.role, 'approver');
    assert.equal(DT.organisations.find((o) => o.key === 'dt_approval_bureau')?.name, '市行政审批局');
  });

  test('DT-12b an unplanned project opens 前置审查 and then 市人民政府 approval before the review', () => {
    const facts = { ...GOOD, planned: false };
    const submitted = walk(DT, ['dt.plan.register', 'dt.application.submit']);
    assert.deepEqual(openStepIds(evaluate(DT, facts, submitted)), ['dt.review.pre_review']);
    const prereviewed = [...submitted, ev('pre_review_passed', '2026-03-10')];
    const r = evaluate(DT, facts, prereviewed);
    assert.deepEqual(openStepIds(r), ['dt.review.government_approval']);
    assert.equal(r.nextSteps('leadership_body')[0].step.actor.org, 'dt_city_government');
    const approved = [...prereviewed, ev('government_approved', '2026-03-20')];
    assert.deepEqual(openStepIds(evaluate(DT, facts, approved)), ['dt.review.assessment']);
  });

  test('DT-12b a new department goes through 前置审查 even when its project is in the plan', () => {
    const r = evaluate(
      DT,
      { ...GOOD, newDepartment: true },
      walk(DT, ['dt.plan.register', 'dt.application.submit']),
    );
    assert.deepEqual(openStepIds(r), ['dt.review.pre_review']);
  });

  test('DT-12b a failed pre-review ends the path with a refusal', () => {
    const events = [
      ...walk(DT, ['dt.plan.register', 'dt.application.submit']),
      ev('pre_review_failed', '2026-03-10'),
    ];
    const r = evaluate(DT, { planned: false }, events);
    assert.equal(r.status, 'refused');
    assert.deepEqual(openStepIds(r), []);
  });

  test('DT-12d a new dedicated network opens the consent step of 市数字政府服务中心', () => {
    const r = evaluate(
      DT,
      { ...GOOD, hasDedicatedNetwork: true },
      walk(DT, ['dt.plan.register', 'dt.application.submit']),
    );
    assert.deepEqual(openStepIds(r), ['dt.review.network_consent']);
    assert.equal(r.nextSteps('authority_leader')[0].step.id, 'dt.review.network_consent');
    assert.deepEqual(
      r.missingMaterials('dt.review.network_consent', []).map((m) => m.code),
      ['network_legal_basis'],
    );
  });

  test('DT-09b 不予备案 ends the chain; no 立项 step opens', () => {
    const events = [
      ...walk(DT, ['dt.plan.register', 'dt.application.submit', 'dt.review.assessment']),
      ev('filing_refused', '2026-03-20'),
    ];
    const r = evaluate(DT, GOOD, events);
    assert.equal(r.status, 'refused');
    assert.equal(statusOf(r, 'dt.filing_approval.establishment'), 'not_reached');
  });

  test('DT-09a/DT-10 application requires 建设申请表, 项目建议书 and the systems’ data catalog; multi-year adds yearly budgets', () => {
    const r = evaluate(DT, { ...GOOD, multiYear: true }, walk(DT, ['dt.plan.register']));
    const missing = r.missingMaterials('dt.application.submit', []).map((m) => m.code);
    assert.deepEqual(missing, ['application_form', 'proposal', 'data_catalog', 'multi_year_budget']);
    const check = r.checkStep('dt.application.submit', 'dept_staff', {
      providedMaterials: ['application_form', 'proposal', 'data_catalog'],
    });
    assert.equal(check.allowed, false);
    assert.equal(check.problems[0].code, 'MATERIALS_MISSING');
    assert.equal(check.problems[0].article, 'DT-09a');
  });

  test('DT-09c the establishment step is refused to the wrong role and without the filing certificate', () => {
    const r = evaluate(
      DT,
      GOOD,
      walk(DT, ['dt.plan.register', 'dt.application.submit', 'dt.review.assessment']),
    );
    const check = r.checkStep('dt.filing_approval.establishment', 'approver');
    assert.equal(check.allowed, false);
    assert.ok(check.problems.some((p) => p.code === 'STEP_NOT_OPEN'));
    assert.ok(check.problems.some((p) => p.code === 'GATE_BLOCKED' && p.article === 'DT-09c'));
    const wrongRole = r.checkStep('dt.review.filing', 'dept_staff');
    assert.ok(wrongRole.problems.some((p) => p.code === 'ROLE_NOT_ALLOWED'));
    assert.equal(r.checkStep('dt.review.filing', 'authority_leader').allowed, true);
    assert.equal(
      r.checkStep('dt.review.filing', 'authority_leader', { outcome: 'filing_refused' }).allowed,
      true,
    );
  });
});

describe('DT gates', () => {
  const filed = walk(DT, [
    'dt.plan.register',
    'dt.application.submit',
    'dt.review.assessment',
    'dt.review.filing',
  ]);

  test('DT-09c 立项 passes with the filing certificate and blocks without it', () => {
    const blocked = gate(
      evaluate(DT, GOOD, filed.slice(0, 3)),
      'approve_establishment',
      'dt.gate.filing_certificate',
    );
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'DT-09c');
    assert.match(blocked.reason, /备案证明/);
    assert.match(blocked.citation, /《大同市政务信息化项目建设应用管理办法》第九条（DT-09c）/);
    assert.equal(
      gate(evaluate(DT, GOOD, filed), 'approve_establishment', 'dt.gate.filing_certificate').passed,
      true,
    );
    assert.equal(evaluate(DT, GOOD, filed).isAllowed('approve_establishment'), true);
  });

  test('DT-11 a project not entered in the platform gets no approval, investment or O&M funds', () => {
    const notRegistered = evaluate(DT, GOOD, []);
    for (const action of ['approve_establishment', 'allocate_budget', 'disburse_om'] as const) {
      const g = gate(notRegistered, action, 'dt.gate.platform_entry');
      assert.equal(g.passed, false);
      assert.equal(g.article, 'DT-11');
    }
    assert.equal(gate(evaluate(DT, GOOD, filed), 'allocate_budget', 'dt.gate.platform_entry').passed, true);
  });

  test('DT-11 no procurement before 立项 (未批先建) and no disguised packaging', () => {
    const before = gate(evaluate(DT, GOOD, filed), 'procure', 'dt.gate.no_build_before_approval');
    assert.equal(before.passed, false);
    assert.equal(before.article, 'DT-11');
    const approved = [...filed, ev('establishment_approved', '2026-04-01')];
    assert.equal(
      gate(evaluate(DT, GOOD, approved), 'procure', 'dt.gate.no_build_before_approval').passed,
      true,
    );
    const packaged = gate(
      evaluate(DT, { ...GOOD, packagedInOtherProject: true }, filed),
      'approve_establishment',
      'dt.gate.no_disguised_packaging',
    );
    assert.equal(packaged.passed, false);
    assert.equal(packaged.article, 'DT-11');
  });

  test('DT-12a a system demanded by a higher authority must adapt existing systems unless justified', () => {
    const facts = { ...GOOD, requiredByHigherAuthority: true };
    const blocked = gate(evaluate(DT, facts, filed), 'approve_establishment', 'dt.gate.adapt_existing');
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'DT-12a');
    assert.equal(
      gate(
        evaluate(DT, { ...facts, adaptsExistingSystems: true }, filed),
        'approve_establishment',
        'dt.gate.adapt_existing',
      ).passed,
      true,
    );
    assert.equal(
      gate(
        evaluate(DT, { ...facts, newSystemJustified: true }, filed),
        'approve_establishment',
        'dt.gate.adapt_existing',
      ).passed,
      true,
    );
    const notApplicable = gate(evaluate(DT, GOOD, filed), 'approve_establishment', 'dt.gate.adapt_existing');
    assert.equal(notApplicable.applicable, false);
    assert.equal(notApplicable.passed, true);
  });

  test('DT-12b an unplanned project cannot be filed before pre-review and 市人民政府 approval', () => {
    const facts = { ...GOOD, planned: false };
    const blocked = gate(evaluate(DT, facts, filed), 'file_review', 'dt.gate.unplanned_pre_review');
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'DT-12b');
    const events = [...filed, ev('pre_review_passed', '2026-03-03'), ev('government_approved', '2026-03-04')];
    assert.equal(
      gate(evaluate(DT, facts, events), 'file_review', 'dt.gate.unplanned_pre_review').passed,
      true,
    );
  });

  test('DT-12c non-interoperable systems are not approved; non-sharing projects get no O&M funds', () => {
    const approve = gate(
      evaluate(DT, { planned: true }, filed),
      'approve_establishment',
      'dt.gate.interoperability',
    );
    assert.equal(approve.passed, false);
    assert.equal(approve.article, 'DT-12c');
    assert.equal(
      gate(evaluate(DT, GOOD, filed), 'approve_establishment', 'dt.gate.interoperability').passed,
      true,
    );
    const om = gate(
      evaluate(DT, { ...GOOD, sharingCompliant: false }, filed),
      'disburse_om',
      'dt.gate.sharing_om',
    );
    assert.equal(om.passed, false);
    assert.equal(om.article, 'DT-12c');
    assert.equal(gate(evaluate(DT, GOOD, filed), 'disburse_om', 'dt.gate.sharing_om').passed, true);
  });

  test('DT-12d a dedicated network needs a legal basis and the authority’s consent', () => {
    const facts = { ...GOOD, hasDedicatedNetwork: true, dedicatedNetworkLegalBasis: true };
    const blocked = gate(evaluate(DT, facts, filed), 'approve_establishment', 'dt.gate.dedicated_network');
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'DT-12d');
    const consented = [...filed, ev('consent_given', '2026-03-03', { stepId: 'dt.review.network_consent' })];
    assert.equal(
      gate(evaluate(DT, facts, consented), 'approve_establishment', 'dt.gate.dedicated_network').passed,
      true,
    );
    const noBasis = { ...facts, dedicatedNetworkLegalBasis: false };
    assert.equal(
      gate(evaluate(DT, noBasis, consented), 'approve_establishment', 'dt.gate.dedicated_network').passed,
      false,
    );
  });

  test('DT-26c after acceptance no further funds until the acceptance report is filed', () => {
    const accepted = [...filed, ev('acceptance_passed', '2026-05-04')];
    const blocked = gate(evaluate(DT, GOOD, accepted), 'disburse_om', 'dt.gate.acceptance_report');
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'DT-26c');
    assert.equal(
      gate(evaluate(DT, GOOD, accepted), 'disburse_construction', 'dt.gate.acceptance_report').passed,
      false,
    );
    const reported = [...accepted, ev('acceptance_report_filed', '2026-05-20')];
    assert.equal(gate(evaluate(DT, GOOD, reported), 'disburse_om', 'dt.gate.acceptance_report').passed, true);
    const before = gate(evaluate(DT, GOOD, filed), 'disburse_construction', 'dt.gate.acceptance_report');
    assert.equal(before.applicable, false);
  });

  test('DT-29 refused or failed rectification suspends construction and O&M funds', () => {
    for (const facts of [{ rectificationRefused: true }, { rectificationFailed: true }]) {
      const g = gate(
        evaluate(DT, { ...GOOD, ...facts }, filed),
        'disburse_construction',
        'dt.gate.rectification',
      );
      assert.equal(g.passed, false);
      assert.equal(g.article, 'DT-29');
    }
    const terminated = [...filed, ev('terminated', '2026-05-01')];
    const r = evaluate(DT, GOOD, terminated);
    assert.equal(gate(r, 'disburse_om', 'dt.gate.rectification').passed, false);
    assert.equal(r.status, 'terminated');
    assert.deepEqual(openStepIds(r), []);
    assert.equal(gate(evaluate(DT, GOOD, filed), 'disburse_om', 'dt.gate.rectification').passed, true);
  });
});

describe('DT deadlines', () => {
  test('DT-19 contract filing is due 5 working days after signing, skipping National Day to the make-up Saturday', () => {
    const r = evaluate(DT, GOOD, [ev('contract_signed', '2026-09-28')], '2026-10-09');
    const o = r.obligations.find((x) => x.deadlineId === 'dt.deadline.contract_filing');
    assert.ok(o);
    assert.equal(o.dueDate, '2026-10-10');
    assert.equal(o.calendarKnown, true);
    assert.equal(o.overdue, false);
    assert.deepEqual(o.articles, ['DT-19']);
  });

  test('DT-19 an unfiled contract is overdue the working day after the due date, counted in working days', () => {
    const r = evaluate(DT, GOOD, [ev('contract_signed', '2026-09-28')], '2026-10-13');
    const o = r.obligations.find((x) => x.deadlineId === 'dt.deadline.contract_filing');
    assert.ok(o);
    assert.equal(o.overdue, true);
    assert.equal(o.daysOverdue, 3);
    assert.equal(o.workingDaysOverdue, 2);
    const filedLate = evaluate(
      DT,
      GOOD,
      [ev('contract_signed', '2026-09-28'), ev('contract_filed', '2026-10-12')],
      '2026-10-13',
    );
    assert.equal(filedLate.obligations.length, 0);
    const all = filedLate.allObligations.find((x) => x.deadlineId === 'dt.deadline.contract_filing');
    assert.equal(all?.status, 'fulfilled');
    assert.equal(all?.late, true);
  });

  test('DT-19 a contract signed on 2026-12-28 has an unknown due date because 2027 has no holiday data', () => {
    const r = evaluate(DT, GOOD, [ev('contract_signed', '2026-12-28')], '2027-01-20');
    const o = r.obligations.find((x) => x.deadlineId === 'dt.deadline.contract_filing');
    assert.ok(o);
    assert.equal(o.dueDate, null);
    assert.equal(o.calendarKnown, false);
    assert.deepEqual(o.unknownYears, [2027]);
    assert.equal(o.overdue, false);
  });

  test('DT-26c the acceptance report is due one calendar month after acceptance, clamped to month end', () => {
    const r = evaluate(DT, GOOD, [ev('acceptance_passed', '2026-01-31')], '2026-03-02');
    const o = r.obligations.find((x) => x.deadlineId === 'dt.deadline.acceptance_report');
    assert.ok(o);
    assert.equal(o.dueDate, '2026-02-28');
    assert.equal(o.overdue, true);
    assert.equal(o.daysOverdue, 2);
    assert.equal(o.consequence.gateId, 'dt.gate.acceptance_report');
  });

  test('DT-26b acceptance must be applied for by the planned date unless an extension is requested', () => {
    const facts = { ...GOOD, plannedAcceptanceDate: '2026-06-30' };
    const late = evaluate(DT, facts, [], '2026-07-03');
    const o = late.obligations.find((x) => x.deadlineId === 'dt.deadline.acceptance_application');
    assert.ok(o);
    assert.equal(o.dueDate, '2026-06-30');
    assert.equal(o.overdue, true);
    assert.deepEqual(o.articles, ['DT-26b']);
    const requested = evaluate(DT, facts, [ev('extension_requested', '2026-06-20')], '2026-07-03');
    const pending = requested.obligations.find((x) => x.deadlineId === 'dt.deadline.acceptance_application');
    assert.equal(pending?.extensionPending, true);
    assert.equal(pending?.overdue, false);
    const granted = evaluate(
      DT,
      facts,
      [
        ev('extension_requested', '2026-06-20'),
        ev('extension_granted', '2026-06-25', { until: '2026-09-30' }),
      ],
      '2026-07-03',
    );
    const extended = granted.obligations.find((x) => x.deadlineId === 'dt.deadline.acceptance_application');
    assert.equal(extended?.dueDate, '2026-09-30');
    assert.equal(extended?.extended, true);
    assert.equal(extended?.overdue, false);
    const applied = evaluate(DT, facts, [ev('acceptance_applied', '2026-06-15')], '2026-07-03');
    assert.equal(applied.obligations.length, 0);
  });
});

describe('DT construction, acceptance and operation', () => {
  const APPROVED = [
    'dt.plan.register',
    'dt.application.submit',
    'dt.review.assessment',
    'dt.review.filing',
    'dt.filing_approval.establishment',
  ];

  test('DT-05a/DT-08/DT-09d/DT-12b the named organisations of DT and their kinds', () => {
    const kindOf = (name: string) => DT.organisations.find((o) => o.name === name)?.kind;
    assert.equal(kindOf('市数字政府服务中心'), 'authority');
    assert.equal(kindOf('市行政审批局'), 'approval_bureau');
    assert.equal(kindOf('市财政局'), 'finance');
    assert.equal(kindOf('市人民政府'), 'leadership_body');
    assert.equal(kindOf('专家咨询委员会'), 'expert_committee');
    assert.equal(kindOf('第三方评估机构'), 'evaluator');
    assert.equal(kindOf('项目实施单位（承建）'), 'contractor');
  });

  test('DT-09d expert and third-party opinions support the review but are not a required material', () => {
    const r = evaluate(DT, GOOD, walk(DT, APPROVED.slice(0, 2)));
    assert.deepEqual(r.missingMaterials('dt.review.assessment', []), []);
    const step = r.nextSteps('authority_reviewer')[0].step;
    assert.equal(step.materials[0].requirement, 'optional');
    assert.deepEqual(step.articles, ['DT-09b', 'DT-09d']);
  });

  test('DT-14/DT-15 budget: third-party review → allocation publicity → 市财政局 arranges funds, in that order', () => {
    const chain = ['dt.budget.review', 'dt.budget.publicity', 'dt.budget.funds', 'dt.construction.contract'];
    for (let i = 0; i < chain.length; i++) {
      const r = evaluate(DT, GOOD, walk(DT, [...APPROVED, ...chain.slice(0, i)]));
      assert.deepEqual(openStepIds(r), [chain[i]], `after ${i} budget steps`);
    }
    const r = evaluate(DT, GOOD, walk(DT, APPROVED));
    assert.equal(r.checkStep('dt.budget.funds', 'finance_officer').problems[0].code, 'STEP_NOT_OPEN');
    assert.equal(r.nextSteps('third_party_evaluator')[0].step.id, 'dt.budget.review');
  });

  test('DT-17/DT-19/DT-22/DT-20/DT-21 the signed contract opens contract filing, supervisor filing and construction', () => {
    const events = walk(DT, [
      ...APPROVED,
      'dt.budget.review',
      'dt.budget.publicity',
      'dt.budget.funds',
      'dt.construction.contract',
    ]);
    const r = evaluate(DT, GOOD, events);
    assert.deepEqual(openStepIds(r), [
      'dt.construction.contract_filing',
      'dt.construction.supervisor_filing',
      'dt.construction.build',
    ]);
    assert.equal(r.isAllowed('procure'), true);
  });

  test('DT-23/DT-24/DT-25/DT-35 acceptance checks catalog registration, controllable products and security controllability', () => {
    const r = evaluate(DT, GOOD, [ev('construction_completed', '2026-05-01')]);
    assert.deepEqual(
      r.missingMaterials('dt.acceptance.accept', []).map((m) => [m.code, m.articles[0]]),
      [
        ['resource_catalog_registration', 'DT-24'],
        ['controllable_products', 'DT-25'],
        ['security_controllability', 'DT-35'],
      ],
    );
  });

  test('DT-07/DT-27/DT-28/DT-30/DT-31 after the report is filed, yearly self-evaluation and assessment stay open', () => {
    const events = [
      ...walk(DT, [
        ...APPROVED,
        'dt.budget.review',
        'dt.budget.publicity',
        'dt.budget.funds',
        'dt.construction.contract',
      ]),
      ev('construction_completed', '2026-05-01'),
      ev('acceptance_passed', '2026-05-10'),
      ev('acceptance_report_filed', '2026-05-20'),
      ev('self_evaluation_submitted', '2027-02-01'),
    ];
    const r = evaluate(DT, GOOD, events, '2027-03-01');
    const open = openStepIds(r);
    for (const id of ['dt.operation.self_evaluation', 'dt.operation.assessment', 'dt.retired.retirement']) {
      assert.ok(open.includes(id), id);
    }
    assert.equal(r.steps.find((s) => s.stepId === 'dt.operation.self_evaluation')?.outcome?.at, '2027-02-01');
  });

  test('DT-05b retirement (停用报废) ends the project and closes the yearly steps', () => {
    const events = [
      ev('acceptance_report_filed', '2026-05-20', { stepId: 'dt.acceptance.report_filing' }),
      ev('retired', '2030-01-01'),
    ];
    const withHistory = [
      ...walk(DT, [
        ...APPROVED,
        'dt.budget.review',
        'dt.budget.publicity',
        'dt.budget.funds',
        'dt.construction.contract',
        'dt.construction.build',
        'dt.acceptance.accept',
      ]),
      ...events,
    ];
    const r = evaluate(DT, GOOD, withHistory, '2030-01-02');
    assert.equal(r.status, 'ended');
    assert.deepEqual(openStepIds(r), []);
    assert.equal(statusOf(r, 'dt.operation.self_evaluation'), 'closed');
  });

  test('DT-37 the DT rulebook is data: it reloads from JSON unchanged', () => {
    assert.deepEqual(loadRulebook(JSON.parse(JSON.stringify(DT))), DT);
  });
});
