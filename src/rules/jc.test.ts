import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRulebook } from './index.ts';
import type { ProjectFacts } from './model.ts';
import { ev, evaluate, gate, openStepIds, statusOf, walk } from './test-support.ts';

const JC = getRulebook('JC');
const GOOD: ProjectFacts = { inDistrictBudget: true, interoperable: true, sharingCompliant: true };

describe('JC approval chain', () => {
  test('JC-04/JC-05-2 a budgeted project: report → 区行政审批服务管理局 立项备案 → 区财政局 → procurement', () => {
    const chain = [
      'jc.application.submit',
      'jc.filing_approval.establishment',
      'jc.budget.review',
      'jc.construction.procurement',
      'jc.construction.build',
      'jc.acceptance.accept',
    ];
    for (let i = 0; i < chain.length; i++) {
      assert.deepEqual(
        openStepIds(evaluate(JC, GOOD, walk(JC, chain.slice(0, i)))),
        [chain[i]],
        `after ${i} steps`,
      );
    }
    const r = evaluate(JC, GOOD, walk(JC, chain.slice(0, 1)));
    assert.equal(statusOf(r, 'jc.review.executive_meeting'), 'skipped');
    assert.equal(statusOf(r, 'jc.review.finance_opinion'), 'skipped');
    assert.equal(r.nextSteps('approver')[0].step.actor.org, 'jc_authority');
    assert.equal(
      JC.organisations.find((o) => o.key === 'jc_authority')?.name,
      '区行政审批服务管理局（区政务信息管理局）',
    );
  });

  test('JC-05-1 a standalone district big-data project needs 区政府常务会 approval', () => {
    const r = evaluate(JC, { ...GOOD, isStandaloneBigData: true }, walk(JC, ['jc.application.submit']));
    assert.deepEqual(openStepIds(r), ['jc.review.executive_meeting']);
    assert.equal(r.nextSteps('leadership_body')[0].step.actor.org, 'jc_executive_meeting');
    const meeting = JC.organisations.find((o) => o.key === 'jc_executive_meeting');
    assert.equal(meeting?.name, '区政府常务会');
    assert.equal(meeting?.textWording, '区政府常委会');
    const coBuilt = evaluate(
      JC,
      { ...GOOD, isStandaloneBigData: true, higherLevelCoBuild: true },
      walk(JC, ['jc.application.submit']),
    );
    assert.equal(statusOf(coBuilt, 'jc.review.executive_meeting'), 'skipped');
    const refused = evaluate(JC, { ...GOOD, isStandaloneBigData: true }, [
      ...walk(JC, ['jc.application.submit']),
      ev('consent_refused', '2026-03-10'),
    ]);
    assert.equal(refused.status, 'refused');
  });

  test('JC-05-2 a project outside the district budget needs 区财政局 funds-guarantee opinion before 立项', () => {
    const facts = { ...GOOD, inDistrictBudget: false };
    const r = evaluate(JC, facts, walk(JC, ['jc.application.submit']));
    assert.deepEqual(openStepIds(r), ['jc.review.finance_opinion']);
    assert.equal(r.nextSteps('finance_officer')[0].step.actor.org, 'jc_finance');
    assert.deepEqual(
      r.missingMaterials('jc.filing_approval.establishment', []).map((m) => m.code),
      ['finance_guarantee_opinion'],
    );
  });

  test('JC-05-2/JC-05-4/JC-05-6 JC has no contract, supervisor or acceptance-report deadlines', () => {
    assert.equal(JC.deadlines.length, 0);
    const r = evaluate(
      JC,
      GOOD,
      [ev('contract_signed', '2026-04-01'), ev('acceptance_passed', '2026-06-01')],
      '2026-12-01',
    );
    assert.deepEqual(r.allObligations, []);
  });
});

describe('JC gates', () => {
  const submitted = walk(JC, ['jc.application.submit']);

  test('JC-05-1 projects against sharing and intensive-construction policy are not established', () => {
    const g = gate(
      evaluate(JC, { ...GOOD, conflictsWithSharingPolicy: true }, submitted),
      'approve_establishment',
      'jc.gate.sharing_policy',
    );
    assert.equal(g.passed, false);
    assert.equal(g.article, 'JC-05-1');
    assert.equal(
      gate(evaluate(JC, GOOD, submitted), 'approve_establishment', 'jc.gate.sharing_policy').passed,
      true,
    );
  });

  test('JC-05-1 a standalone big-data project is blocked until 区政府常务会 approves it', () => {
    const facts = { ...GOOD, isStandaloneBigData: true };
    const blocked = gate(
      evaluate(JC, facts, submitted),
      'approve_establishment',
      'jc.gate.standalone_big_data',
    );
    assert.equal(blocked.passed, false);
    assert.equal(blocked.article, 'JC-05-1');
    assert.match(blocked.reason, /区政府常务会/);
    const approved = [
      ...submitted,
      ev('consent_given', '2026-03-10', { stepId: 'jc.review.executive_meeting' }),
    ];
    assert.equal(
      gate(evaluate(JC, facts, approved), 'approve_establishment', 'jc.gate.standalone_big_data').passed,
      true,
    );
    assert.equal(
      gate(evaluate(JC, GOOD, submitted), 'approve_establishment', 'jc.gate.standalone_big_data').applicable,
      false,
    );
  });

  test('JC-05-1 no O&M funds without sharing; non-interoperable systems are not built; no build before 立项', () => {
    const r = evaluate(JC, { inDistrictBudget: true }, submitted);
    for (const [action, id] of [
      ['disburse_om', 'jc.gate.sharing_om'],
      ['approve_establishment', 'jc.gate.interoperability'],
      ['procure', 'jc.gate.no_build_before_approval'],
    ] as const) {
      const g = gate(r, action, id);
      assert.equal(g.passed, false, id);
      assert.equal(g.article, 'JC-05-1', id);
    }
    const ok = evaluate(JC, GOOD, [...submitted, ev('establishment_approved', '2026-04-01')]);
    assert.equal(gate(ok, 'disburse_om', 'jc.gate.sharing_om').passed, true);
    assert.equal(gate(ok, 'approve_establishment', 'jc.gate.interoperability').passed, true);
    assert.equal(gate(ok, 'procure', 'jc.gate.no_build_before_approval').passed, true);
  });

  test('JC-05-2 no 立项 without district budget or a finance guarantee opinion', () => {
    const facts = { ...GOOD, inDistrictBudget: false };
    const g = gate(evaluate(JC, facts, submitted), 'approve_establishment', 'jc.gate.finance_guarantee');
    assert.equal(g.passed, false);
    assert.equal(g.article, 'JC-05-2');
    const opinion = [...submitted, ev('finance_opinion_issued', '2026-03-10')];
    assert.equal(
      gate(evaluate(JC, facts, opinion), 'approve_establishment', 'jc.gate.finance_guarantee').passed,
      true,
    );
    assert.equal(
      gate(evaluate(JC, GOOD, submitted), 'approve_establishment', 'jc.gate.finance_guarantee').passed,
      true,
    );
  });

  test('JC-05-2 bidding and procurement only after the funds are secured', () => {
    const approved = [...submitted, ev('establishment_approved', '2026-04-01')];
    const g = gate(evaluate(JC, GOOD, approved), 'procure', 'jc.gate.funds_secured');
    assert.equal(g.passed, false);
    assert.equal(g.article, 'JC-05-2');
    assert.equal(evaluate(JC, GOOD, approved).isAllowed('procure'), false);
    const funded = [...approved, ev('funds_arranged', '2026-04-10')];
    assert.equal(gate(evaluate(JC, GOOD, funded), 'procure', 'jc.gate.funds_secured').passed, true);
    assert.equal(evaluate(JC, GOOD, funded).isAllowed('procure'), true);
    assert.equal(
      gate(evaluate(JC, { ...GOOD, fundsSecured: true }, approved), 'procure', 'jc.gate.funds_secured')
        .passed,
      true,
    );
  });

  test('JC-05-7 refused or failed rectification suspends funds', () => {
    const g = gate(
      evaluate(JC, { ...GOOD, rectificationFailed: true }, submitted),
      'disburse_construction',
      'jc.gate.rectification',
    );
    assert.equal(g.passed, false);
    assert.equal(g.article, 'JC-05-7');
    assert.match(g.citation, /第五部分第7项（JC-05-7）/);
    assert.equal(
      gate(evaluate(JC, GOOD, submitted), 'disburse_construction', 'jc.gate.rectification').passed,
      true,
    );
  });
});

describe('JC organisations and acceptance', () => {
  test('JC-04/JC-05-4/JC-05-5/JC-05-6 项目实施单位 is the department in 四.3 and the contractor in 四.4', () => {
    const displays = JC.organisations.flatMap((o) =>
      o.terms.filter((t) => t.term === '项目实施单位').map((t) => t.display),
    );
    assert.deepEqual(displays.sort(), ['项目实施单位（建设）', '项目实施单位（承建）']);
    assert.equal(JC.roles.find((r) => r.code === 'expert')?.name, '技术专家');
    assert.equal(JC.organisations.find((o) => o.key === 'jc_supervisor')?.kind, 'supervisor');
  });

  test('JC-05-6 acceptance with departments or technical experts checks that the data is stored locally (确保数据落盘); the 应急预案 of 六 is no acceptance material', () => {
    const r = evaluate(JC, GOOD, [
      ev('construction_completed', '2026-05-01', { stepId: 'jc.construction.build' }),
    ]);
    assert.deepEqual(
      r.missingMaterials('jc.acceptance.accept', []).map((m) => [m.code, m.articles[0]]),
      [
        ['acceptance_opinion', 'JC-05-6'],
        ['data_landing', 'JC-05-6'],
      ],
    );
    const codes = JC.workflow.stages.flatMap((s) => s.steps.flatMap((x) => x.materials.map((m) => m.code)));
    assert.equal(codes.includes('big_data_emergency_plan'), false);
  });
});
