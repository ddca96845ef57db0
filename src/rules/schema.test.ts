import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILT_IN_RULEBOOKS, getRulebook, loadRulebook, RulebookInvalidError } from './index.ts';
import type { Rulebook, Step } from './model.ts';

function dtCopy(): Rulebook {
  return structuredClone(getRulebook('DT')) as Rulebook;
}

function stepOf(rb: Rulebook, id: string): Step {
  const step = rb.workflow.stages.flatMap((s) => s.steps).find((s) => s.id === id);
  if (!step) throw new Error(id);
  return step;
}

function problemsOf(data: unknown): string[] {
  try {
    loadRulebook(data);
  } catch (error) {
    assert.ok(error instanceof RulebookInvalidError);
    assert.equal(error.code, 'RULEBOOK_INVALID');
    assert.equal(error.kind, 'invalid');
    return error.problems;
  }
  assert.fail('the rulebook loaded although it is broken');
}

describe('rulebook schema', () => {
  test('DT-37 every built-in rulebook loads and survives a JSON round trip unchanged', () => {
    for (const data of BUILT_IN_RULEBOOKS) {
      const loaded = loadRulebook(data);
      const again = loadRulebook(JSON.parse(JSON.stringify(loaded)));
      assert.deepEqual(again, loaded, data.id);
    }
  });

  test('DT-37 a loaded rulebook is frozen so no caller can change the rules in place', () => {
    const dt = getRulebook('DT');
    assert.ok(Object.isFrozen(dt));
    assert.ok(Object.isFrozen(dt.deadlines[0]));
    assert.throws(() => {
      (dt.deadlines[0] as { amount: number }).amount = 99;
    }, TypeError);
  });

  test('a broken rulebook refuses to load and lists every problem', () => {
    const rb = dtCopy();
    stepOf(rb, 'dt.plan.register').outcomes[0].next = ['dt.nowhere'];
    stepOf(rb, 'dt.application.submit').actor = { role: 'dept_staff', org: 'dt_nobody' };
    rb.deadlines[0].amount = 0;
    rb.gates[0].articles = ['DT19'];
    rb.gates[1].passWhen = { fact: 'planned', equals: 'yes' };
    rb.deadlines[1].consequence.gateId = 'dt.gate.missing';
    const problems = problemsOf(rb);
    const expected = [
      /后续步骤 dt\.nowhere 不存在/,
      /机构 dt_nobody 不存在/,
      /期限须为正数/,
      /条款编号格式错误 DT19/,
      /事实 planned 应为 boolean/,
      /后果闸口 dt\.gate\.missing 不存在/,
    ];
    for (const pattern of expected)
      assert.ok(
        problems.some((p) => pattern.test(p)),
        String(pattern),
      );
  });

  test('unknown facts, events, roles and extra fields are refused by the schema', () => {
    const unknownFact = dtCopy();
    (unknownFact.gates[0] as unknown as { passWhen: unknown }).passWhen = { fact: 'colour', equals: true };
    assert.ok(problemsOf(unknownFact).length > 0);
    const unknownRole = dtCopy();
    (stepOf(unknownRole, 'dt.plan.register').actor as { role: string }).role = 'mayor';
    assert.ok(problemsOf(unknownRole).some((p) => p.includes('/workflow/stages/0/steps/0/actor/role')));
    const extra = { ...dtCopy(), colour: 'red' };
    assert.ok(problemsOf(extra).some((p) => p.includes('colour') || p.includes('additional')));
    assert.ok(problemsOf(null).length > 0);
  });

  test('duplicate ids, unreachable steps, uncited rules and unknown step references are refused', () => {
    const rb = dtCopy();
    rb.gates[1].id = rb.gates[0].id;
    rb.workflow.stages[0].steps.push({
      ...structuredClone(stepOf(rb, 'dt.plan.register')),
      id: 'dt.plan.orphan',
    });
    stepOf(rb, 'dt.budget.review').articles = [];
    rb.gates[2].passWhen = { event: 'consent_given', happened: true, stepId: 'dt.review.ghost' };
    rb.articles.push({ id: 'DT-19', label: '第十九条' });
    const problems = problemsOf(rb);
    for (const pattern of [
      /闸口编号重复 dt\.gate\.platform_entry/,
      /dt\.plan\.orphan：从起始步骤无法到达/,
      /dt\.budget\.review：未引用任何条款/,
      /步骤 dt\.review\.ghost 不存在/,
      /条款编号重复 DT-19/,
    ]) {
      assert.ok(
        problems.some((p) => pattern.test(p)),
        String(pattern),
      );
    }
  });

  test('DT-05a/DT-17/DT-26a 项目实施单位 (department in 第五条, contractor in 第十七条/第二十六条) must carry the canonical role in brackets', () => {
    const rb = dtCopy();
    const contractor = rb.organisations.find((o) => o.key === 'dt_contractor');
    assert.ok(contractor);
    contractor.terms[0].display = '项目实施单位';
    assert.ok(problemsOf(rb).some((p) => p.includes('“项目实施单位”在本规则集中指多个机构')));
    const dt = getRulebook('DT');
    const displays = dt.organisations.flatMap((o) =>
      o.terms.filter((t) => t.term === '项目实施单位').map((t) => t.display),
    );
    assert.deepEqual(displays.sort(), ['项目实施单位（建设）', '项目实施单位（承建）']);
  });

  test('a conditional material needs a condition and a date-fact anchor must be a date', () => {
    const rb = dtCopy();
    stepOf(rb, 'dt.application.submit').materials[0].requirement = 'conditional';
    rb.deadlines[0].anchor = { fact: 'planned' };
    const problems = problemsOf(rb);
    assert.ok(problems.some((p) => p.includes('条件性材料缺少条件')));
    assert.ok(problems.some((p) => p.includes('起算事实 planned 不是日期')));
  });

  test('every canonical role has a local name in every rulebook', () => {
    const rb = dtCopy();
    rb.roles = rb.roles.filter((r) => r.code !== 'supervisor');
    assert.ok(problemsOf(rb).some((p) => p.includes('缺少角色 supervisor')));
  });
});
