/**
 * Gates: named conditions that block an action. Each result says whether the gate passed, why
 * (in Chinese) and which article causes it.
 */
import { citation, type EvaluationContext } from './context.ts';
import type { GateAction, GateStrength, ProjectFacts } from './model.ts';
import { evaluatePredicate } from './predicate.ts';

export interface GateResult {
  gateId: string;
  name: string;
  action: GateAction;
  /** False when the gate's `appliesWhen` does not hold for this project (it then passes). */
  applicable: boolean;
  passed: boolean;
  severity: 'block' | 'warn';
  /** `softened` only where the article's wording allows an exception ("一般", "原则上"). */
  strength: GateStrength;
  /** The Chinese reason: the blocking reason, or `已满足：…` when passed. */
  reason: string;
  /** The primary requirement id, e.g. `DT-26c`. */
  article: string;
  articles: string[];
  /** `《…办法》第二十六条（DT-26c）`. */
  citation: string;
}

/**
 * All gates of the rulebook guarding `action`. `actionFacts` add facts that belong to this one
 * action (e.g. `disbursementConsent` for one disbursement) on top of the project's facts.
 */
export function checkGates(
  ctx: EvaluationContext,
  action: GateAction,
  actionFacts: ProjectFacts = {},
): GateResult[] {
  const pctx = { ...ctx, facts: { ...ctx.facts, ...actionFacts } };
  return ctx.rulebook.gates
    .filter((g) => g.actions.includes(action))
    .map((g) => {
      const applicable = g.appliesWhen === undefined || evaluatePredicate(g.appliesWhen, pctx);
      const passed = !applicable || evaluatePredicate(g.passWhen, pctx);
      const article = g.articles[0];
      return {
        gateId: g.id,
        name: g.name,
        action,
        applicable,
        passed,
        severity: g.severity,
        strength: g.strength ?? 'absolute',
        reason: passed ? `已满足：${g.name}` : g.reason,
        article,
        articles: g.articles,
        citation: citation(ctx.rulebook, article),
      };
    });
}

/** The results that stop the action: failed gates of severity `block`. */
export function blockingGates(results: readonly GateResult[]): GateResult[] {
  return results.filter((r) => !r.passed && r.severity === 'block');
}

/**
 * Whether a closed gate may be overridden (issue 13): only a `softened` one. An absolute gate
 * ("不得拨付", "方可…") is never overridden: the missing step must be done.
 */
export function overridable(result: Pick<GateResult, 'strength'>): boolean {
  return result.strength === 'softened';
}
