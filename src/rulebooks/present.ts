/**
 * Presenters: a rulebook and its evaluation as the API shows them — every code with its Chinese
 * name, every condition also as Chinese text, every article id with its full citation. The fields
 * are listed explicitly; nothing of the stored row leaves the repository.
 */
import { ORGANISATION_KIND_NAMES, ROLE_NAMES, type Role } from '../access/index.ts';
import {
  ACTION_LABELS,
  type Actor,
  citation,
  type Deadline,
  type DeadlineUnit,
  describePredicate,
  EVENT_LABELS,
  FACT_CATALOG,
  type Gate,
  type GateAction,
  type GateResult,
  type Material,
  type Obligation,
  type OpenStep,
  type Predicate,
  type Rulebook,
  type RulebookSummary,
  STAGE_LABELS,
  type Step,
  type StepState,
} from '../rules/index.ts';
import type { StoredVersionMeta } from './repository.ts';

export const UNIT_NAMES: Record<DeadlineUnit, string> = {
  working_days: '个工作日',
  calendar_days: '日（自然日）',
  calendar_months: '个月',
};

const REQUIREMENT_NAMES = { required: '必备', conditional: '符合条件时必备', optional: '可选' } as const;
const RESULT_NAMES = { refused: '办结（不予通过）', ended: '项目终结' } as const;

/** `5个工作日`, `1个月`; a zero period on a date fact is the date itself. */
export function periodText(amount: number, unit: DeadlineUnit): string {
  if (amount === 0) return '当日';
  return `${amount}${UNIT_NAMES[unit]}`;
}

function articleRefs(rb: Rulebook, ids: readonly string[]) {
  return ids.map((id) => ({ id, citation: citation(rb, id) }));
}

function stepNames(rb: Rulebook): Map<string, string> {
  return new Map(rb.workflow.stages.flatMap((s) => s.steps).map((s) => [s.id, s.name]));
}

/** The Chinese text of a predicate, with step ids replaced by the steps' names. */
export function conditionText(rb: Rulebook, predicate: Predicate): string {
  const names = stepNames(rb);
  return describePredicate(predicate).replace(/［([^］]+)］/g, (whole, id: string) =>
    names.has(id) ? `（${names.get(id)}）` : whole,
  );
}

function condition(rb: Rulebook, predicate: Predicate | undefined) {
  return predicate === undefined ? null : { text: conditionText(rb, predicate), predicate };
}

function presentActor(rb: Rulebook, actor: Actor) {
  const role = rb.roles.find((r) => r.code === actor.role);
  const org = rb.organisations.find((o) => o.key === actor.org);
  return {
    role: actor.role,
    roleName: role?.name ?? ROLE_NAMES[actor.role as Role] ?? actor.role,
    org: actor.org,
    orgName: org?.name ?? actor.org,
  };
}

function presentMaterial(rb: Rulebook, m: Material) {
  return {
    code: m.code,
    name: m.name,
    requirement: m.requirement,
    requirementName: REQUIREMENT_NAMES[m.requirement],
    condition: condition(rb, m.condition),
    summary: m.summary,
    articles: articleRefs(rb, m.articles),
  };
}

function presentStep(rb: Rulebook, step: Step) {
  const names = stepNames(rb);
  return {
    id: step.id,
    name: step.name,
    summary: step.summary,
    actor: presentActor(rb, step.actor),
    condition: condition(rb, step.condition),
    action: step.action ?? null,
    actionName: step.action ? ACTION_LABELS[step.action] : null,
    recurring: step.recurring === true,
    outcomes: step.outcomes.map((o) => ({
      event: o.event,
      eventName: EVENT_LABELS[o.event],
      name: o.name,
      next: o.next.map((id) => ({ id, name: names.get(id) ?? id })),
      result: o.result ?? null,
      resultName: o.result ? RESULT_NAMES[o.result] : null,
    })),
    materials: step.materials.map((m) => presentMaterial(rb, m)),
    articles: articleRefs(rb, step.articles),
  };
}

function presentDeadline(rb: Rulebook, d: Deadline) {
  const anchor =
    'event' in d.anchor
      ? { kind: 'event' as const, code: d.anchor.event, name: EVENT_LABELS[d.anchor.event] }
      : { kind: 'fact' as const, code: d.anchor.fact, name: FACT_CATALOG[d.anchor.fact].label };
  const period = periodText(d.amount, d.unit);
  return {
    id: d.id,
    name: d.name,
    anchor,
    amount: d.amount,
    unit: d.unit,
    unitName: UNIT_NAMES[d.unit],
    periodText:
      anchor.kind === 'event' ? `自“${anchor.name}”之日起 ${period}内` : `至“${anchor.name}”${period}`,
    obligation: d.obligation,
    owedBy: presentActor(rb, d.owedBy),
    fulfilledBy: d.fulfilledBy.map((e) => ({ event: e, name: EVENT_LABELS[e] })),
    stepId: d.stepId ?? null,
    appliesWhen: condition(rb, d.appliesWhen),
    extension: d.extension ? { articles: articleRefs(rb, d.extension.articles) } : null,
    consequence: d.consequence.text,
    consequenceGateId: d.consequence.gateId ?? null,
    summary: d.summary,
    articles: articleRefs(rb, d.articles),
  };
}

function presentGate(rb: Rulebook, g: Gate) {
  return {
    id: g.id,
    name: g.name,
    actions: g.actions.map((a) => ({ code: a, name: ACTION_LABELS[a] })),
    appliesWhen: condition(rb, g.appliesWhen),
    passWhen: condition(rb, g.passWhen),
    severity: g.severity,
    severityName: g.severity === 'block' ? '阻断' : '提示',
    reason: g.reason,
    summary: g.summary,
    articles: articleRefs(rb, g.articles),
  };
}

export interface VersionInfo {
  builtIn: boolean;
  stored: StoredVersionMeta | undefined;
}

export function presentSummary(s: RulebookSummary, rb: Rulebook, info: VersionInfo, latest: boolean) {
  return {
    code: s.id,
    version: s.version,
    name: s.name,
    jurisdictionCode: s.jurisdictionCode,
    jurisdictionName: s.jurisdictionName,
    effectiveFrom: s.effectiveFrom,
    regulationTitle: rb.regulation.title,
    derivedFrom: s.derivedFrom ? { code: s.derivedFrom.id, version: s.derivedFrom.version } : null,
    builtIn: info.builtIn,
    latest,
    createdAt: info.stored?.createdAt ?? null,
    createdByName: info.stored?.createdByName ?? null,
  };
}

/** The whole rulebook for the detail page (and the raw data for review/export as `content`). */
export function presentRulebook(
  rb: Rulebook,
  info: VersionInfo,
  versions: { version: number; effectiveFrom: string }[],
) {
  const materials = rb.workflow.stages.flatMap((stage) =>
    stage.steps.flatMap((step) =>
      step.materials.map((m) => ({
        stepId: step.id,
        stepName: step.name,
        stage: stage.code,
        ...presentMaterial(rb, m),
      })),
    ),
  );
  return {
    code: rb.id,
    version: rb.version,
    name: rb.name,
    jurisdictionCode: rb.jurisdictionCode,
    jurisdictionName: rb.jurisdictionName,
    effectiveFrom: rb.effectiveFrom,
    derivedFrom: rb.derivedFrom ? { code: rb.derivedFrom.id, version: rb.derivedFrom.version } : null,
    builtIn: info.builtIn,
    createdAt: info.stored?.createdAt ?? null,
    createdByName: info.stored?.createdByName ?? null,
    changes: info.stored?.changes ?? [],
    versions,
    regulation: {
      title: rb.regulation.title,
      issuer: rb.regulation.issuer,
      date: rb.regulation.date ?? null,
      docNumber: rb.regulation.docNumber ?? null,
    },
    notes: [...rb.notes],
    articles: rb.articles.map((a) => ({ id: a.id, label: a.label, citation: citation(rb, a.id) })),
    roles: rb.roles.map((r) => {
      const org = r.org ? rb.organisations.find((o) => o.key === r.org) : undefined;
      return {
        code: r.code,
        canonicalName: ROLE_NAMES[r.code as Role] ?? r.code,
        name: r.name,
        org: r.org ?? null,
        orgName: org?.name ?? null,
        articles: articleRefs(rb, r.articles),
      };
    }),
    organisations: rb.organisations.map((o) => ({
      key: o.key,
      name: o.name,
      kind: o.kind,
      kindName: ORGANISATION_KIND_NAMES[o.kind] ?? o.kind,
      generic: o.generic === true,
      textWording: o.textWording ?? null,
      terms: o.terms.map((t) => ({
        term: t.term,
        display: t.display,
        articles: articleRefs(rb, t.articles),
      })),
      articles: articleRefs(rb, o.articles),
    })),
    workflow: {
      start: rb.workflow.start.map((id) => ({ id, name: stepNames(rb).get(id) ?? id })),
      stages: rb.workflow.stages.map((stage) => ({
        code: stage.code,
        name: stage.name,
        canonicalName: STAGE_LABELS[stage.code],
        steps: stage.steps.map((step) => presentStep(rb, step)),
      })),
    },
    materials,
    deadlines: rb.deadlines.map((d) => presentDeadline(rb, d)),
    gates: rb.gates.map((g) => presentGate(rb, g)),
    content: rb,
  };
}

// ---- evaluation ---------------------------------------------------------------------------------

function presentGateResult(g: GateResult) {
  return {
    gateId: g.gateId,
    name: g.name,
    action: g.action,
    applicable: g.applicable,
    passed: g.passed,
    severity: g.severity,
    reason: g.reason,
    article: g.article,
    articles: [...g.articles],
    citation: g.citation,
  };
}

export function presentOpenStep(rb: Rulebook, open: OpenStep, required: Material[]) {
  return {
    stepId: open.step.id,
    name: open.step.name,
    stage: open.state.stage,
    stageName: STAGE_LABELS[open.state.stage],
    actor: presentActor(rb, open.step.actor),
    action: open.step.action ?? null,
    actionName: open.step.action ? ACTION_LABELS[open.step.action] : null,
    blocked: open.blocked,
    gates: open.gates.map(presentGateResult),
    requiredMaterials: required.map((m) => ({
      code: m.code,
      name: m.name,
      articles: articleRefs(rb, m.articles),
    })),
    articles: articleRefs(rb, open.step.articles),
  };
}

export function presentStepState(s: StepState) {
  return {
    stepId: s.stepId,
    name: s.name,
    stage: s.stage,
    status: s.status,
    outcome: s.outcome ? { event: s.outcome.event, name: s.outcome.name, at: s.outcome.at } : null,
  };
}

export function presentObligation(rb: Rulebook, o: Obligation) {
  return {
    deadlineId: o.deadlineId,
    name: o.name,
    obligation: o.obligation,
    owedBy: presentActor(rb, o.owedBy),
    stepId: o.stepId ?? null,
    anchor: o.anchor,
    anchorDate: o.anchorDate,
    ref: o.ref ?? null,
    amount: o.amount,
    unit: o.unit,
    periodText: periodText(o.amount, o.unit),
    dueDate: o.dueDate,
    calendarKnown: o.calendarKnown,
    unknownYears: [...o.unknownYears],
    extended: o.extended,
    extensionPending: o.extensionPending,
    status: o.status,
    fulfilledAt: o.fulfilledAt ?? null,
    late: o.late,
    overdue: o.overdue,
    daysOverdue: o.daysOverdue,
    workingDaysOverdue: o.workingDaysOverdue,
    consequence: o.consequence.text,
    articles: articleRefs(rb, o.articles),
  };
}

export function presentActionGates(action: GateAction, results: GateResult[]) {
  return {
    action,
    actionName: ACTION_LABELS[action],
    allowed: !results.some((r) => !r.passed && r.severity === 'block'),
    results: results.map(presentGateResult),
  };
}
