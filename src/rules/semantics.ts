/**
 * Semantic checks of a rulebook whose shape is valid: unique ids, references between steps,
 * actors, articles, gates and deadlines, and predicates that use known facts with values of the
 * right type. Problems are reported in Chinese, one line each, so an admin can fix a derived rulebook.
 */
import { isIsoDate } from './dates.ts';
import { type Predicate, ROLE_CODES, type Rulebook, STAGE_CODES } from './model.ts';
import { FACT_CATALOG } from './vocabulary.ts';

/** Requirement ids look like `DT-19`, `SC-20a`, `JC-05-1`. */
export const ARTICLE_ID = /^[A-Z]{2,8}-[0-9]{2}(-[0-9]{1,2})?[a-z]?$/;
/** Step, gate and deadline ids: dotted lower-case codes such as `dt.review.filing`. */
export const RULE_ID = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

/** Cross-reference checks on a rulebook whose shape is already valid. Returns the problems found. */
export function semanticProblems(rb: Rulebook): string[] {
  const problems: string[] = [];
  const add = (where: string, what: string) => problems.push(`${where}：${what}`);

  if (!isIsoDate(rb.effectiveFrom)) add('effectiveFrom', `不是有效日期 ${rb.effectiveFrom}`);
  if (rb.regulation.date !== undefined && !isIsoDate(rb.regulation.date)) {
    add('regulation.date', `不是有效日期 ${rb.regulation.date}`);
  }

  // Articles
  const articleIds = new Set(rb.articles.map((a) => a.id));
  for (const d of duplicates(rb.articles.map((a) => a.id))) add('articles', `条款编号重复 ${d}`);
  for (const a of rb.articles) {
    if (!ARTICLE_ID.test(a.id)) add('articles', `条款编号格式错误 ${a.id}`);
  }
  const checkArticles = (where: string, ids: readonly string[], required: boolean) => {
    if (required && ids.length === 0) add(where, '未引用任何条款');
    for (const id of ids) {
      if (!ARTICLE_ID.test(id)) add(where, `条款编号格式错误 ${id}`);
      else if (!articleIds.has(id)) add(where, `引用的条款 ${id} 不在本规则集的条款表中`);
    }
  };

  // Organisations and roles
  const orgKeys = new Set(rb.organisations.map((o) => o.key));
  for (const d of duplicates(rb.organisations.map((o) => o.key))) add('organisations', `机构键重复 ${d}`);
  for (const d of duplicates(rb.organisations.map((o) => o.name))) add('organisations', `机构名称重复 ${d}`);
  const termOwners = new Map<string, Set<string>>();
  for (const o of rb.organisations) {
    checkArticles(`organisations.${o.key}`, o.articles, false);
    for (const t of o.terms) {
      checkArticles(`organisations.${o.key}.terms.${t.term}`, t.articles, false);
      const owners = termOwners.get(t.term) ?? new Set<string>();
      owners.add(o.key);
      termOwners.set(t.term, owners);
    }
  }
  for (const [term, owners] of termOwners) {
    if (owners.size < 2) continue;
    for (const o of rb.organisations) {
      for (const t of o.terms) {
        if (t.term === term && t.display === term) {
          add(
            `organisations.${o.key}.terms.${term}`,
            `“${term}”在本规则集中指多个机构，显示名须注明角色，如“${term}（承建）”`,
          );
        }
      }
    }
  }
  const roleCodes = new Set(rb.roles.map((r) => r.code));
  for (const d of duplicates(rb.roles.map((r) => r.code))) add('roles', `角色重复 ${d}`);
  for (const code of ROLE_CODES) if (!roleCodes.has(code)) add('roles', `缺少角色 ${code} 的本地名称`);
  for (const r of rb.roles) {
    if (r.org !== undefined && !orgKeys.has(r.org)) add(`roles.${r.code}`, `机构 ${r.org} 不存在`);
    checkArticles(`roles.${r.code}`, r.articles, false);
  }
  const checkActor = (where: string, actor: { role: string; org: string }) => {
    if (!roleCodes.has(actor.role as (typeof ROLE_CODES)[number])) add(where, `角色 ${actor.role} 未定义`);
    if (!orgKeys.has(actor.org)) add(where, `机构 ${actor.org} 不存在`);
  };

  // Workflow
  const steps = rb.workflow.stages.flatMap((s) => s.steps);
  const stepIds = new Set(steps.map((s) => s.id));
  for (const d of duplicates(rb.workflow.stages.map((s) => s.code))) add('workflow.stages', `阶段重复 ${d}`);
  for (const d of duplicates(steps.map((s) => s.id))) add('workflow', `步骤编号重复 ${d}`);
  const stageOrder = rb.workflow.stages.map((s) => STAGE_CODES.indexOf(s.code));
  if (stageOrder.some((v, i) => i > 0 && v < stageOrder[i - 1]))
    add('workflow.stages', '阶段顺序与生命周期顺序不一致');

  const checkPredicate = (where: string, p: Predicate) => {
    if ('all' in p || 'any' in p) {
      const items = 'all' in p ? p.all : p.any;
      if (items.length === 0) add(where, '组合条件为空');
      items.forEach((q, i) => {
        checkPredicate(`${where}[${i}]`, q);
      });
      return;
    }
    if ('not' in p) return checkPredicate(`${where}.not`, p.not);
    if ('each' in p) {
      if (p.each === p.followedBy) add(where, `事件 ${p.each} 不能跟随自身`);
      return;
    }
    if ('event' in p) {
      if (p.stepId !== undefined && !stepIds.has(p.stepId)) add(where, `条件引用的步骤 ${p.stepId} 不存在`);
      return;
    }
    const spec = FACT_CATALOG[p.fact];
    const values = 'equals' in p ? [p.equals] : 'in' in p ? p.in : [];
    if ('in' in p && p.in.length === 0) add(where, `事实 ${p.fact} 的取值列表为空`);
    for (const v of values) {
      const actual = typeof v;
      const expected = spec.type === 'date' ? 'string' : spec.type;
      if (actual !== expected) add(where, `事实 ${p.fact} 应为 ${spec.type}，条件给出 ${JSON.stringify(v)}`);
      else if (spec.type === 'date' && typeof v === 'string' && !isIsoDate(v)) add(where, `日期无效 ${v}`);
      else if ('values' in spec && typeof v === 'string' && !(spec.values as readonly string[]).includes(v)) {
        add(where, `事实 ${p.fact} 不接受取值 ${v}`);
      }
    }
  };

  let dangling = false;
  const missingStep = (where: string, what: string) => {
    dangling = true;
    add(where, what);
  };
  for (const id of rb.workflow.start)
    if (!stepIds.has(id)) missingStep('workflow.start', `起始步骤 ${id} 不存在`);
  if (rb.workflow.start.length === 0) add('workflow.start', '没有起始步骤');
  for (const step of steps) {
    const where = `步骤 ${step.id}`;
    if (!RULE_ID.test(step.id)) add(where, '编号格式错误，应形如 dt.review.filing');
    checkActor(where, step.actor);
    if (step.commissionedBy) checkActor(`${where}.commissionedBy`, step.commissionedBy);
    checkArticles(where, step.articles, true);
    for (const fact of step.findings ?? []) {
      if (FACT_CATALOG[fact].type !== 'boolean') add(where, `认定事实 ${fact} 不是是非事实`);
    }
    if (step.condition) checkPredicate(`${where}.condition`, step.condition);
    if (step.condition && !step.skipTo && step.outcomes[0]?.result)
      add(where, '有条件的步骤的第一个结果不能是终止结果（或须给出跳过时的后续步骤 skipTo）');
    if (step.skipTo && !step.condition) add(where, '只有有条件的步骤可以给出 skipTo');
    for (const n of step.skipTo ?? [])
      if (!stepIds.has(n)) missingStep(`${where}.skipTo`, `后续步骤 ${n} 不存在`);
    for (const d of duplicates(step.outcomes.map((o) => o.event))) add(where, `结果事件重复 ${d}`);
    for (const o of step.outcomes) {
      for (const n of o.next)
        if (!stepIds.has(n)) missingStep(`${where}.outcomes.${o.event}`, `后续步骤 ${n} 不存在`);
      if (o.result && o.next.length > 0) add(`${where}.outcomes.${o.event}`, '终止结果不应有后续步骤');
    }
    for (const d of duplicates(step.materials.map((m) => m.code))) add(where, `材料编码重复 ${d}`);
    for (const m of step.materials) {
      const mw = `${where}.materials.${m.code}`;
      checkArticles(mw, m.articles, true);
      if (m.requirement === 'conditional' && !m.condition) add(mw, '条件性材料缺少条件');
      if (m.requirement !== 'conditional' && m.condition) add(mw, '只有条件性材料可以有条件');
      if (m.condition) checkPredicate(`${mw}.condition`, m.condition);
    }
  }
  // Reachability from the start steps.
  const reached = new Set<string>();
  const byId = new Map(steps.map((s) => [s.id, s]));
  const queue = [...rb.workflow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const o of byId.get(id)?.outcomes ?? []) queue.push(...o.next);
    queue.push(...(byId.get(id)?.skipTo ?? []));
  }
  // Unreachable steps are reported only when no reference dangles (a dangling next cuts off the rest).
  if (!dangling) for (const s of steps) if (!reached.has(s.id)) add(`步骤 ${s.id}`, '从起始步骤无法到达');

  // Gates
  const gateIds = new Set(rb.gates.map((g) => g.id));
  for (const d of duplicates(rb.gates.map((g) => g.id))) add('gates', `闸口编号重复 ${d}`);
  for (const g of rb.gates) {
    const where = `闸口 ${g.id}`;
    if (!RULE_ID.test(g.id)) add(where, '编号格式错误');
    checkArticles(where, g.articles, true);
    checkPredicate(`${where}.passWhen`, g.passWhen);
    if (g.appliesWhen) checkPredicate(`${where}.appliesWhen`, g.appliesWhen);
    for (const d of duplicates(g.actions)) add(where, `动作重复 ${d}`);
  }

  // Deadlines
  for (const d of duplicates(rb.deadlines.map((x) => x.id))) add('deadlines', `期限编号重复 ${d}`);
  for (const dl of rb.deadlines) {
    const where = `期限 ${dl.id}`;
    if (!RULE_ID.test(dl.id)) add(where, '编号格式错误');
    checkArticles(where, dl.articles, true);
    checkActor(`${where}.owedBy`, dl.owedBy);
    if ('fact' in dl.anchor) {
      if (FACT_CATALOG[dl.anchor.fact].type !== 'date') add(where, `起算事实 ${dl.anchor.fact} 不是日期`);
      if (dl.amount < 0) add(where, '期限不能为负');
    } else if (dl.amount < 1) {
      add(where, `期限须为正数（${dl.amount}）`);
    }
    if (dl.stepId !== undefined && !stepIds.has(dl.stepId)) add(where, `步骤 ${dl.stepId} 不存在`);
    if (dl.consequence.gateId !== undefined && !gateIds.has(dl.consequence.gateId)) {
      add(where, `后果闸口 ${dl.consequence.gateId} 不存在`);
    }
    if (dl.appliesWhen) checkPredicate(`${where}.appliesWhen`, dl.appliesWhen);
    if (dl.extension) checkArticles(`${where}.extension`, dl.extension.articles, true);
    if (dl.extension?.decidedBy) checkActor(`${where}.extension.decidedBy`, dl.extension.decidedBy);
  }

  // Scope, the fields demanded at submission and the catalog rules
  if (rb.scope) checkArticles('scope', rb.scope.articles, true);
  if (rb.rectification) {
    checkActor('rectification.orderedBy', rb.rectification.orderedBy);
    checkActor('rectification.ordered', rb.rectification.ordered);
    checkArticles('rectification', rb.rectification.articles, true);
  }
  if (rb.catalog) {
    checkArticles('catalog.cloudArticles', rb.catalog.cloudArticles, false);
    if (rb.catalog.cloudExemptionGround) {
      checkArticles('catalog.cloudExemptionGround', rb.catalog.cloudExemptionGround.articles, true);
    }
    if (rb.catalog.dedicatedNetwork) {
      checkArticles('catalog.dedicatedNetwork', rb.catalog.dedicatedNetwork.articles, true);
    }
    const cloudCatalog = rb.catalog.cloudCatalog;
    if (cloudCatalog) {
      checkArticles('catalog.cloudCatalog', cloudCatalog.articles, true);
      if (!rb.organisations.some((o) => o.key === cloudCatalog.compiler)) {
        add('catalog.cloudCatalog', `编制机构 ${cloudCatalog.compiler} 不存在`);
      }
    }
  }
  for (const d of duplicates((rb.requiredFields ?? []).map((f) => f.field))) {
    add('requiredFields', `字段重复 ${d}`);
  }
  for (const f of rb.requiredFields ?? []) checkArticles(`requiredFields.${f.field}`, f.articles, true);
  // Plans filed upward: each step names an existing, non-generic organisation and cites its article.
  const planChains = [
    ['planning.jurisdictionPlan', rb.planning?.jurisdictionPlan ?? []],
    ['planning.subordinatePlan', rb.planning?.subordinatePlan ?? []],
  ] as const;
  for (const [where, chain] of planChains) {
    for (const d of duplicates(chain.map((s) => s.id))) add(where, `步骤重复 ${d}`);
    for (const s of chain) {
      checkArticles(`${where}.${s.id}`, s.articles, true);
      const org = rb.organisations.find((o) => o.key === s.org);
      if (!org) add(`${where}.${s.id}`, `组织 ${s.org} 不存在`);
      else if (org.generic) add(`${where}.${s.id}`, `组织 ${s.org} 须为具名机构`);
    }
  }
  return problems;
}
