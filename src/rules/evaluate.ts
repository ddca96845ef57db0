/**
 * The rule evaluation API. Given a rulebook, a project's facts and events, "today" and a working-day
 * calendar, it answers: which steps are next (for a role), which obligations are open and overdue,
 * and whether an action passes its gates. Pure: same input, same answer; nothing else decides workflow.
 */
import { citation, createContext, type EvaluationContext, type EvaluationInput } from './context.ts';
import { blockingGates, checkGates, type GateResult } from './gates.ts';
import type { GateAction, Material, ProjectFacts, RoleCode, Rulebook, Step } from './model.ts';
import { computeObligations, type Obligation } from './obligations.ts';
import { evaluatePredicate } from './predicate.ts';
import { type ProjectStatus, type StepState, workflowState } from './workflow.ts';

export type { EvaluationInput } from './context.ts';
/** Derived (county) rulebooks, DT-37 — lives in derive.ts, re-exported here with the evaluation API. */
export { type DeriveMeta, deriveRulebook, type RulebookChange } from './derive.ts';
export type { GateResult } from './gates.ts';
export type { Obligation } from './obligations.ts';
export type { ProjectStatus, StepState, StepStatus } from './workflow.ts';

export interface OpenStep {
  step: Step;
  state: StepState;
  /** Gates of the step's action (empty when the step performs no gated action). */
  gates: GateResult[];
  /** True when a `block` gate of the step's action is closed. */
  blocked: boolean;
}

export interface StepProblem {
  code:
    | 'STEP_UNKNOWN'
    | 'STEP_NOT_OPEN'
    | 'ROLE_NOT_ALLOWED'
    | 'OUTCOME_UNKNOWN'
    | 'GATE_BLOCKED'
    | 'MATERIALS_MISSING';
  /** Chinese message for the user. */
  message: string;
  article?: string;
}

export interface StepCheck {
  allowed: boolean;
  problems: StepProblem[];
  /** Failed `warn` gates: shown, not blocking. */
  warnings: GateResult[];
}

export interface StepCheckOptions {
  /** The outcome event to record; gates apply to the step's first (normal) outcome only. */
  outcome?: string;
  /** Codes of the materials provided; when given, missing required materials are problems. */
  providedMaterials?: readonly string[];
  actionFacts?: ProjectFacts;
  /** The user's organisation key; when given it must be the step's organisation. */
  org?: string;
}

export interface ProjectEvaluation {
  rulebook: { id: string; version: number };
  status: ProjectStatus;
  /** Every step of the workflow with its status, in stage order. */
  steps: StepState[];
  /** Open steps, optionally only those the given role (and organisation key) acts on. */
  nextSteps(role?: RoleCode, org?: string): OpenStep[];
  /** Open obligations, earliest due first (unknown due dates last). */
  obligations: Obligation[];
  /** Every obligation, fulfilled ones included (with `late`). */
  allObligations: Obligation[];
  checkGates(action: GateAction, actionFacts?: ProjectFacts): GateResult[];
  /** True when no `block` gate of the action is closed. */
  isAllowed(action: GateAction, actionFacts?: ProjectFacts): boolean;
  /** Whether `role` may record `options.outcome` (default: the normal outcome) on step `stepId` now. */
  checkStep(stepId: string, role: RoleCode, options?: StepCheckOptions): StepCheck;
  /** Materials the step requires for this project that are not among `provided`. */
  missingMaterials(stepId: string, provided: readonly string[]): Material[];
}

/** Materials of `step` that apply to this project (required, or conditional with the condition true). */
export function requiredMaterials(ctx: EvaluationContext, step: Step): Material[] {
  return step.materials.filter(
    (m) =>
      m.requirement === 'required' ||
      (m.requirement === 'conditional' && m.condition !== undefined && evaluatePredicate(m.condition, ctx)),
  );
}

export function evaluateProject(rulebook: Rulebook, input: EvaluationInput): ProjectEvaluation {
  const ctx = createContext(rulebook, input);
  const workflow = workflowState(ctx);
  const allObligations = computeObligations(ctx);
  const live = workflow.status === 'active';
  const obligations = live ? allObligations.filter((o) => o.status === 'open') : [];

  const missingMaterials = (stepId: string, provided: readonly string[]): Material[] => {
    const step = ctx.steps.get(stepId);
    if (!step) return [];
    const have = new Set(provided);
    return requiredMaterials(ctx, step).filter((m) => !have.has(m.code));
  };

  const nextSteps = (role?: RoleCode, org?: string): OpenStep[] =>
    workflow.steps
      .filter(
        (s) =>
          s.status === 'open' &&
          (role === undefined || s.actor.role === role) &&
          (org === undefined || s.actor.org === org),
      )
      .map((state) => {
        const step = ctx.steps.get(state.stepId) as Step;
        const gates = step.action ? checkGates(ctx, step.action) : [];
        return { step, state, gates, blocked: blockingGates(gates).length > 0 };
      });

  const checkStep = (stepId: string, role: RoleCode, options: StepCheckOptions = {}): StepCheck => {
    const step = ctx.steps.get(stepId);
    if (!step) {
      return {
        allowed: false,
        problems: [{ code: 'STEP_UNKNOWN', message: `步骤不存在：${stepId}` }],
        warnings: [],
      };
    }
    const problems: StepProblem[] = [];
    const state = workflow.steps.find((s) => s.stepId === stepId) as StepState;
    if (state.status !== 'open') {
      problems.push({
        code: 'STEP_NOT_OPEN',
        message: `“${step.name}”当前不可办理`,
        article: step.articles[0],
      });
    }
    if (step.actor.role !== role || (options.org !== undefined && options.org !== step.actor.org)) {
      const orgName = rulebook.organisations.find((o) => o.key === step.actor.org)?.name ?? step.actor.org;
      const roleName = rulebook.roles.find((r) => r.code === step.actor.role)?.name ?? step.actor.role;
      problems.push({
        code: 'ROLE_NOT_ALLOWED',
        message: `“${step.name}”应由${orgName}（${roleName}）办理`,
        article: step.articles[0],
      });
    }
    const outcome = options.outcome ?? step.outcomes[0].event;
    if (!step.outcomes.some((o) => o.event === outcome)) {
      problems.push({ code: 'OUTCOME_UNKNOWN', message: `“${step.name}”没有结果“${outcome}”` });
    }
    let warnings: GateResult[] = [];
    if (step.action && outcome === step.outcomes[0].event) {
      const results = checkGates(ctx, step.action, options.actionFacts);
      for (const g of blockingGates(results)) {
        problems.push({ code: 'GATE_BLOCKED', message: `${g.reason}（${g.citation}）`, article: g.article });
      }
      warnings = results.filter((r) => !r.passed && r.severity === 'warn');
    }
    if (options.providedMaterials && outcome === step.outcomes[0].event) {
      for (const m of missingMaterials(stepId, options.providedMaterials)) {
        problems.push({
          code: 'MATERIALS_MISSING',
          message: `缺少材料：${m.name}（${citation(rulebook, m.articles[0])}）`,
          article: m.articles[0],
        });
      }
    }
    return { allowed: problems.length === 0, problems, warnings };
  };

  return {
    rulebook: { id: rulebook.id, version: rulebook.version },
    status: workflow.status,
    steps: workflow.steps,
    nextSteps,
    obligations,
    allObligations,
    checkGates: (action, actionFacts) => checkGates(ctx, action, actionFacts),
    isAllowed: (action, actionFacts) => blockingGates(checkGates(ctx, action, actionFacts)).length === 0,
    checkStep,
    missingMaterials,
  };
}
