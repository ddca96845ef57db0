import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createRegistry,
  deriveRulebook,
  getRulebook,
  loadRulebook,
  type RulebookChange,
  RulebookInvalidError,
} from './index.ts';
import { ev, evaluate } from './test-support.ts';

const META = {
  id: 'DT-YG',
  jurisdictionCode: '140221',
  jurisdictionName: '阳高县',
  name: '阳高县政务信息化项目规则集',
  version: 1,
  effectiveFrom: '2026-01-01',
};

const COUNTY_CHANGES: RulebookChange[] = [
  { op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 3 },
  { op: 'set_deadline', deadlineId: 'dt.deadline.acceptance_report', amount: 20, unit: 'working_days' },
  { op: 'rename_organisation', key: 'dt_authority', name: '县数字政府服务中心' },
  { op: 'rename_organisation', key: 'dt_approval_bureau', name: '县行政审批服务管理局' },
  { op: 'replace_text', from: '市直部门', to: '县直部门' },
  { op: 'set_actor', stepId: 'dt.budget.review', role: 'finance_officer', org: 'dt_finance' },
  { op: 'remove_material', stepId: 'dt.application.submit', code: 'data_catalog' },
  {
    op: 'set_material_requirement',
    stepId: 'dt.review.assessment',
    code: 'expert_opinion',
    requirement: 'required',
  },
  {
    op: 'add_material',
    stepId: 'dt.application.submit',
    material: {
      code: 'county_form',
      name: '县级项目备案表',
      requirement: 'required',
      articles: ['DT-37'],
      summary: 'County-specific filing form.',
    },
  },
];

describe('derived rulebooks (DT-37)', () => {
  test('DT-37 a county derives its rulebook from DT; the base stays unchanged and the result validates', () => {
    const base = getRulebook('DT');
    const before = JSON.stringify(base);
    const county = deriveRulebook(base, COUNTY_CHANGES, META);
    assert.equal(JSON.stringify(base), before);
    assert.deepEqual(county.derivedFrom, { id: 'DT', version: 1 });
    assert.equal(county.id, 'DT-YG');
    assert.equal(county.jurisdictionCode, '140221');
    assert.equal(county.deadlines.find((d) => d.id === 'dt.deadline.contract_filing')?.amount, 3);
    const report = county.deadlines.find((d) => d.id === 'dt.deadline.acceptance_report');
    assert.equal(report?.unit, 'working_days');
    assert.equal(report?.amount, 20);
    assert.equal(county.organisations.find((o) => o.key === 'dt_authority')?.name, '县数字政府服务中心');
    assert.equal(
      county.roles.find((r) => r.code === 'authority_reviewer')?.name,
      '县数字政府服务中心审核人员',
    );
    const filing = county.workflow.stages
      .flatMap((s) => s.steps)
      .find((s) => s.id === 'dt.construction.contract_filing');
    assert.equal(filing?.name, '合同文本报县数字政府服务中心备案');
    assert.equal(county.organisations.find((o) => o.key === 'dt_department')?.name, '县直部门');
    assert.match(
      county.gates.find((g) => g.id === 'dt.gate.filing_certificate')?.reason ?? '',
      /县行政审批服务管理局/,
    );
    assert.equal(county.regulation.title, base.regulation.title);
    assert.ok(Object.isFrozen(county));
    assert.deepEqual(loadRulebook(JSON.parse(JSON.stringify(county))), county);
  });

  test('DT-37 the derived deadlines and materials drive evaluation', () => {
    const county = deriveRulebook(getRulebook('DT'), COUNTY_CHANGES, META);
    const r = evaluate(county, {}, [ev('contract_signed', '2026-09-28')], '2026-09-29');
    assert.equal(
      r.obligations.find((o) => o.deadlineId === 'dt.deadline.contract_filing')?.dueDate,
      '2026-10-08',
    );
    assert.deepEqual(
      r.missingMaterials('dt.application.submit', []).map((m) => m.code),
      ['application_form', 'proposal', 'county_form'],
    );
    assert.deepEqual(
      r.missingMaterials('dt.review.assessment', []).map((m) => m.code),
      ['expert_opinion'],
    );
  });

  test('DT-37 changes that name unknown steps, deadlines or materials are refused with every problem', () => {
    assert.throws(
      () =>
        deriveRulebook(
          getRulebook('DT'),
          [
            { op: 'set_deadline', deadlineId: 'dt.deadline.nope', amount: 3 },
            { op: 'remove_material', stepId: 'dt.application.submit', code: 'nope' },
            { op: 'set_actor', stepId: 'dt.nope', role: 'approver' },
            { op: 'explode' },
          ],
          META,
        ),
      (error: unknown) =>
        error instanceof RulebookInvalidError &&
        error.problems.length === 4 &&
        error.problems.some((p) => p.includes('dt.deadline.nope')) &&
        error.problems.some((p) => p.includes('格式错误')),
    );
  });

  test('DT-37 a derived rulebook that breaks the rules (zero-day deadline, missing organisation) does not load', () => {
    assert.throws(
      () =>
        deriveRulebook(
          getRulebook('DT'),
          [
            { op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 0 },
            { op: 'set_actor', stepId: 'dt.review.filing', org: 'county_nowhere' },
          ],
          META,
        ),
      (error: unknown) =>
        error instanceof RulebookInvalidError &&
        error.problems.some((p) => p.includes('期限须为正数')) &&
        error.problems.some((p) => p.includes('county_nowhere')),
    );
  });

  test('DT-37 projects keep the rulebook version they started under', () => {
    const v1 = deriveRulebook(getRulebook('DT'), COUNTY_CHANGES, META);
    const v2 = deriveRulebook(
      v1,
      [{ op: 'set_deadline', deadlineId: 'dt.deadline.contract_filing', amount: 2 }],
      { ...META, version: 2, effectiveFrom: '2027-01-01' },
    );
    assert.deepEqual(v2.derivedFrom, { id: 'DT-YG', version: 1 });
    const registry = createRegistry([v1, JSON.parse(JSON.stringify(v2))]);
    assert.equal(registry.versionFor('DT-YG', '2026-06-01'), 1);
    assert.equal(registry.versionFor('DT-YG', '2027-01-01'), 2);
    assert.equal(registry.get('DT-YG').version, 2);
    assert.equal(
      registry.get('DT-YG', 1).deadlines.find((d) => d.id === 'dt.deadline.contract_filing')?.amount,
      3,
    );
  });
});
