import { AUTHORITY } from '../access/index.ts';
import type { Actor, Assignment } from '../platform/actor.ts';
import type { Directory, PlanScope, plans } from '../projects/index.ts';
import type { RulebookRegistry } from '../rules/index.ts';
import { type ChainStep, planChain } from './chain.ts';

export type PlanRow = typeof plans.$inferSelect;

/** The caller's assignment that compiles plans: authority (jurisdiction plan) before department. */
export function compilerRole(
  actor: Actor,
  organisationId?: string,
): { role: Assignment; scope: PlanScope } | null {
  const mine = actor.assignments.filter((a) => !organisationId || a.organisationId === organisationId);
  const authority = mine.find((a) => AUTHORITY.includes(a.role));
  if (authority) return { role: authority, scope: 'jurisdiction' };
  const dept = mine.find((a) => a.role === 'dept_staff');
  return dept ? { role: dept, scope: 'department' } : null;
}

/** The plan's chain from its jurisdiction's rulebook (null: the platform's default). */
export function chainOfPlan(
  registry: RulebookRegistry,
  directory: Directory,
  plan: Pick<PlanRow, 'jurisdictionId' | 'scope'>,
): ChainStep[] | null {
  const code = directory.jurisdictions.find((j) => j.id === plan.jurisdictionId)?.rulebookCode ?? null;
  let rulebook = null;
  if (code) {
    try {
      rulebook = registry.get(code);
    } catch {
      rulebook = null;
    }
  }
  return planChain(rulebook, directory, plan);
}

/**
 * Whether the caller may see the plan. `chain`: the plan's chain, whose deciders (also of a higher
 * jurisdiction, e.g. XZ's 市政务信息管理局) see a plan once it has been submitted.
 */
export function canSeePlan(actor: Actor, plan: PlanRow, chain: readonly ChainStep[] | null = null): boolean {
  const member = actor.assignments.some((a) => a.organisationId === plan.organisationId);
  if (member) return true;
  if (plan.status === 'draft') return false;
  const decider = (chain ?? []).some((c) =>
    actor.assignments.some(
      (a) => c.organisationIds.includes(a.organisationId) && c.step.roles.includes(a.role),
    ),
  );
  if (decider) return true;
  const sameJurisdiction = actor.assignments.filter(
    (a) =>
      a.jurisdictionId === plan.jurisdictionId && a.role !== 'expert' && a.role !== 'third_party_evaluator',
  );
  if (plan.scope === 'jurisdiction') {
    return sameJurisdiction.some((a) => !['contractor', 'supervisor'].includes(a.role));
  }
  return sameJurisdiction.some((a) => AUTHORITY.includes(a.role));
}

/** The caller's role that edits the plan (a member of the compiling organisation in the same kind of role). */
