import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from './index.ts';
import {
  ev,
  evaluate,
  XZ_GOOD as GOOD,
  gate,
  openStepIds,
  XZ_PLANNED_CHAIN as PLANNED_CHAIN,
  statusOf,
  walk,
} from './test-support.ts';

const XZ = getRulebook('XZ');
describe('XZ approval chain', () => {
  test('XZ-07/XZ-10a 数据中心 review → 局党组 consent → 市政务信息管理局 review → 市政府 consent → 市政务信息管理局 批复', () => {
    const chain = [...PLANNED_CHAIN, 'xz.budget.review'];
    for (let i = 0; i < chain.length; i++) {
      assert.deepEqual(
        openStepIds(evaluate(XZ, GOOD, walk(XZ, chain.slice(0, i)))),
        [chain[i]],
        `after ${i} steps`,
      );
    }
    const steps = new Map(XZ.workflow.stages.flatMap((s) => s.steps).map((s) => [s.id, s]));
    assert.equal(steps.get('xz.review.data_center')?.actor.org, 'xz_data_center');
    assert.equal(steps.get('xz.review.party_consent')?.actor.org, 'xz_party_group');
    assert.equal(steps.get('xz.review.city_review')?.actor.org, 'xz_city_authority');
    assert.equal(steps.get('xz.review.city_government')?.actor.org, 'xz_city_government');
    assert.deepEqual(steps.get('xz.filing_approval.establishment')?.actor, {
      role: 'approver',
      org: 'xz_city_authority',
    });
    const atApproval = evaluate(XZ, GOOD, walk(XZ, PLANNED_CHAIN.slice(0, 6)));
    assert.equal(atApproval.nextSteps('approver', 'xz_city_authority')[0].blocked, false);
    // The city review can refuse: the path ends there.
    const refusedAtCity = evaluate(XZ, GOOD, [
      ...walk(XZ, PLANNED_CHAIN.slice(0, 4)),
      ev('filing_refused', '2026-03-20', { stepId: 'xz.review.city_review' }),
    ]);
    assert.equal(refusedAtCity.status, 'refused');
  });

  test('XZ-10b an unplanned project goes through the city pre-review instead of the ordinary city review', () => {
    const facts = { ...GOOD, planned: false };
    const events = walk(XZ, PLANNED_CHAIN.slice(0, 4));
    const r = evaluate(XZ, facts, events);
    assert.deepEqual(openStepIds(r), ['xz.review.city_pre_review']);
    assert.equal(statusOf(r, 'xz.review.city_review'), 'skipped');
    const pre = evaluate(XZ, facts, [...events, ev('pre_review_passed', '2026-03-20')]);
    assert.deepEqual(openStepIds(pre), ['xz.review.city_government']);
    assert.equal(pre.isAllowed('approve_establishment'), false);
    const consented = evaluate(XZ, facts, [
      ...events,
      ev('pre_review_passed', '2026-03-20'),
      ev('consent_given', '2026-03-21', { stepId: 'xz.review.city_government' }),
    ]);
    assert.deepEqual(openStepIds(consented), ['xz.filing_approval.establishment']);
    assert.equal(consented.isAllowed('approve_establishment'), true);
  });

  test('XZ-10b a new dedicated network needs 市政务信息管理局 and then 市政府 before approval', () => {
    const first = evaluate(XZ, { ...GOOD, hasDedicatedNetwork: true }, walk(XZ, PLANNED_CHAIN.slice(0, 5)));
    assert.deepEqual(openStepIds(first), ['xz.review.network_authority']);
    assert.equal(first.nextSteps()[0].step.actor.org, 'xz_city_authority');
    const r = evaluate(XZ, { ...GOOD, hasDedicatedNetwork: true }, [
      ...walk(XZ, PLANNED_CHAIN.slice(0, 5)),
      ev('consent_given', '2026-03-20', { stepId: 'xz.review.network_authority' }),
    ]);
    assert.deepEqual(openStepIds(r), ['xz.review.network_consent']);
    assert.equal(r.nextSteps()[0].step.actor.org, 'xz_city_government');
    assert.equal(r.nextSteps('leadership_body', 'xz_party_group').length, 0);
    assert.equal(r.nextSteps('leadership_body', 'xz_city_government').length, 1);
    const partyTries = r.checkStep('xz.review.network_consent', 'leadership_body', { org: 'xz_party_group' });
    assert.deepEqual(
      partyTries.problems.map((p) => p.code),
      ['ROLE_NOT_ALLOWED'],
    );
    assert.match(partyTries.problems[0].message, /市政府/);
  });

  test('XZ-05a 局党组 consent events must name their step; an unnamed consent completes nothing', () => {
    const events = [...walk(XZ, PLANNED_CHAIN.slice(0, 3)), ev('consent_given', '2026-03-20')];
    assert.deepEqual(openStepIds(evaluate(XZ, GOOD, events)), ['xz.review.party_consent']);
  });

  test('XZ-07/XZ-08a the application needs 建议书, 可研, 初设, 概算 and the 信息资源目录', () => {
    const r = evaluate(XZ, GOOD, walk(XZ, ['xz.plan.register']));
    assert.deepEqual(
      r.missingMaterials('xz.application.prepare', []).map((m) => m.code),
      ['proposal', 'feasibility_study', 'preliminary_design', 'cost_estimate', 'resource_catalog'],
    );
  });

  test('XZ-12/XZ-17/XZ-21 after the contract: filing, supervisor consent and filing, deliverables, build', () => {
    const events = walk(XZ, [
      ...PLANNED_CHAIN,
      'xz.budget.review',
      'xz.budget.report',
      'xz.construction.contract',
    ]);
    const r = evaluate(XZ, GOOD, events, '2026-04-02');
    assert.deepEqual(openStepIds(r), [
      'xz.construction.contract_filing',
      'xz.construction.supervisor_consent',
      'xz.construction.deliverables',
      'xz.construction.build',
    ]);
    assert.deepEqual(
      r.missingMaterials('xz.construction.deliverables', []).map((m) => m.code),
      ['design_documents', 'source_code', 'test_documents'],
    );
    assert.equal(r.nextSteps('contractor')[0].step.id, 'xz.construction.deliverables');
    const accepted = evaluate(
      XZ,
      GOOD,
      [...events, ev('construction_completed', '2026-09-01'), ev('acceptance_passed', '2026-09-10')],
      '2026-09-11',
    );
    assert.ok(openStepIds(accepted).includes('xz.acceptance.report_consent'));
  });

  test('XZ-12 in XZ 项目建设单位 is the contractor and is shown as 项目建设单位（承建）', () => {
    const contractor = XZ.organisations.find((o) => o.kind === 'contractor');
    assert.equal(contractor?.name, '项目建设单位（承建）');
    assert.equal(contractor?.terms[0].term, '项目建设单位');
    assert.equal(XZ.roles.find((r) => r.code === 'contractor')?.name, '项目建设单位（承建）');
  });
});

describe('XZ gates', () => {
  const approved = [...walk(XZ, PLANNED_CHAIN)];
  const contracted = [...approved, ev('contract_signed', '2026-04-01')];

  test('XZ-05b construction funds follow the contract filing and need 局党组 consent', () => {
    const r = evaluate(XZ, GOOD, contracted);
    const basis = gate(r, 'disburse_construction', 'xz.gate.disbursement_basis_construction');
    assert.equal(basis.passed, false);
    assert.equal(basis.article, 'XZ-05b');
    const consent = gate(r, 'disburse_construction', 'xz.gate.disbursement_consent');
    assert.equal(consent.passed, false);
    assert.equal(consent.article, 'XZ-05b');
    const filed = evaluate(XZ, GOOD, [...contracted, ev('contract_filed', '2026-04-03')]);
    assert.equal(
      gate(filed, 'disburse_construction', 'xz.gate.disbursement_basis_construction').passed,
      true,
    );
    assert.equal(
      gate(filed, 'disburse_construction', 'xz.gate.disbursement_consent', { disbursementConsent: true })
        .passed,
      true,
    );
  });

  test('XZ-05b O&M funds follow the acceptance filing and the application evaluation result', () => {
    const r = evaluate(XZ, GOOD, [...contracted, ev('acceptance_report_filed', '2026-10-01')]);
    assert.equal(gate(r, 'disburse_om', 'xz.gate.disbursement_basis_om').passed, false);
    const evaluated = evaluate(
      XZ,
      GOOD,
      [
        ...contracted,
        ev('acceptance_report_filed', '2026-10-01'),
        ev('evaluation_result_issued', '2027-03-01'),
      ],
      '2027-03-02',
    );
    assert.equal(gate(evaluated, 'disburse_om', 'xz.gate.disbursement_basis_om').passed, true);
  });

  test('XZ-08a no approval without the 信息资源目录; unlisted systems get no approval, investment or funds', () => {
    const r = evaluate(XZ, { ...GOOD, resourceCatalogProvided: false, systemsInCatalog: false }, approved);
    const rc = gate(r, 'approve_establishment', 'xz.gate.resource_catalog');
    assert.equal(rc.passed, false);
    assert.equal(rc.article, 'XZ-08a');
    for (const action of ['approve_establishment', 'allocate_budget', 'disburse_om'] as const) {
      const g = gate(r, action, 'xz.gate.system_catalog');
      assert.equal(g.passed, false);
      assert.equal(g.article, 'XZ-08a');
    }
    const ok = evaluate(XZ, GOOD, approved);
    assert.equal(gate(ok, 'approve_establishment', 'xz.gate.resource_catalog').passed, true);
    assert.equal(gate(ok, 'allocate_budget', 'xz.gate.system_catalog').passed, true);
  });

  test('XZ-10a 立项 only after 数据中心 review, 局党组 consent, 市政务信息管理局 review and 市政府 consent', () => {
    const partial = evaluate(XZ, GOOD, walk(XZ, PLANNED_CHAIN.slice(0, 4)));
    const g = gate(partial, 'approve_establishment', 'xz.gate.review_chain');
    assert.equal(g.passed, false);
    assert.equal(g.article, 'XZ-10a');
    assert.equal(
      gate(
        evaluate(XZ, GOOD, walk(XZ, PLANNED_CHAIN.slice(0, 5))),
        'approve_establishment',
        'xz.gate.review_chain',
      ).passed,
      false,
    );
    assert.equal(
      gate(
        evaluate(XZ, GOOD, walk(XZ, PLANNED_CHAIN.slice(0, 6))),
        'approve_establishment',
        'xz.gate.review_chain',
      ).passed,
      true,
    );
  });

  test('XZ-10b unplanned pre-review, interoperability, cloud-and-sharing O&M funds and dedicated network', () => {
    const unplanned = evaluate(
      XZ,
      { planned: false, hasDedicatedNetwork: true },
      walk(XZ, PLANNED_CHAIN.slice(0, 4)),
    );
    for (const [action, id] of [
      ['approve_establishment', 'xz.gate.unplanned_pre_review'],
      ['approve_establishment', 'xz.gate.interoperability'],
      ['disburse_om', 'xz.gate.cloud_sharing_om'],
      ['approve_establishment', 'xz.gate.dedicated_network'],
    ] as const) {
      const g = gate(unplanned, action, id);
      assert.equal(g.passed, false, id);
      assert.equal(g.article, 'XZ-10b', id);
    }
    const ok = evaluate(
      XZ,
      { ...GOOD, planned: false, hasDedicatedNetwork: true, dedicatedNetworkLegalBasis: true },
      [
        ...walk(XZ, PLANNED_CHAIN.slice(0, 4)),
        ev('pre_review_passed', '2026-03-20'),
        ev('consent_given', '2026-03-21', { stepId: 'xz.review.network_authority' }),
        ev('consent_given', '2026-03-21', { stepId: 'xz.review.network_consent' }),
        ev('consent_given', '2026-03-22', { stepId: 'xz.review.city_government' }),
      ],
    );
    for (const [action, id] of [
      ['approve_establishment', 'xz.gate.unplanned_pre_review'],
      ['approve_establishment', 'xz.gate.interoperability'],
      ['disburse_om', 'xz.gate.cloud_sharing_om'],
      ['approve_establishment', 'xz.gate.dedicated_network'],
    ] as const) {
      assert.equal(gate(ok, action, id).passed, true, id);
    }
    const exempt = evaluate(XZ, { ...GOOD, onCloud: false, cloudExempt: true }, approved);
    assert.equal(gate(exempt, 'disburse_om', 'xz.gate.cloud_sharing_om').passed, true);
  });

  test('XZ-21 missing contract, supervisor or acceptance-report filing blocks further funds', () => {
    const r = evaluate(XZ, GOOD, [...contracted, ev('acceptance_passed', '2026-09-10')], '2026-09-11');
    for (const id of ['xz.gate.contract_filed', 'xz.gate.supervisor_filed', 'xz.gate.acceptance_report']) {
      const g = gate(r, 'disburse_construction', id);
      assert.equal(g.passed, false, id);
      assert.equal(g.article, 'XZ-21', id);
    }
    const filed = evaluate(
      XZ,
      GOOD,
      [
        ...contracted,
        ev('contract_filed', '2026-04-03'),
        ev('supervisor_filed', '2026-04-10'),
        ev('acceptance_passed', '2026-09-10'),
        ev('acceptance_report_filed', '2026-10-10'),
      ],
      '2026-10-11',
    );
    for (const id of ['xz.gate.contract_filed', 'xz.gate.supervisor_filed', 'xz.gate.acceptance_report']) {
      assert.equal(gate(filed, 'disburse_om', id).passed, true, id);
    }
  });

  test('XZ-21 every contract must be filed: a second unfiled contract blocks funds again', () => {
    const r = evaluate(XZ, GOOD, [
      ...contracted,
      ev('contract_filed', '2026-04-03'),
      ev('contract_signed', '2026-05-01', { ref: 'C-2' }),
    ]);
    assert.equal(gate(r, 'disburse_construction', 'xz.gate.contract_filed').passed, false);
  });

  test('XZ-24 refused rectification suspends funds through finance', () => {
    const g = gate(
      evaluate(XZ, { ...GOOD, rectificationRefused: true }, approved),
      'disburse_om',
      'xz.gate.rectification',
    );
    assert.equal(g.passed, false);
    assert.equal(g.article, 'XZ-24');
    assert.equal(gate(evaluate(XZ, GOOD, approved), 'disburse_om', 'xz.gate.rectification').passed, true);
  });

  test('XZ-28 cloud first: off-cloud systems are not approved unless exempt; no separate hardware funds', () => {
    const off = evaluate(XZ, { ...GOOD, onCloud: false }, approved);
    const g = gate(off, 'approve_establishment', 'xz.gate.cloud_first');
    assert.equal(g.passed, false);
    assert.equal(g.article, 'XZ-28');
    assert.equal(
      gate(
        evaluate(XZ, { ...GOOD, onCloud: false, cloudExempt: true }, approved),
        'approve_establishment',
        'xz.gate.cloud_first',
      ).passed,
      true,
    );
    const hw = gate(
      evaluate(XZ, { ...GOOD, requestsSeparateHardwareFunds: true }, approved),
      'allocate_budget',
      'xz.gate.no_separate_hardware_funds',
    );
    assert.equal(hw.passed, false);
    assert.equal(hw.article, 'XZ-28');
    assert.equal(
      gate(evaluate(XZ, GOOD, approved), 'allocate_budget', 'xz.gate.no_separate_hardware_funds').passed,
      true,
    );
  });
});
