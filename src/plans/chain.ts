/**
 * Plans filed upward (issue 10 item 11): the chain of steps a plan passes before it counts as
 * approved, read from the rulebook (`Rulebook.planning`), and the platform organisations that decide
 * each step. XZ 第六条: 局党组同意 → 市政务信息管理局审查备案; DT 第八条: a county plan 征求本级主管部门
 * 意见 → 报市主管部门备案. Pure: the directory and the rulebook are parameters.
 */

import {
  bindNamedOrganisation,
  type Directory,
  jurisdictionChain,
  normaliseOrgName,
} from '../projects/index.ts';
import type { PlanStep, Rulebook } from '../rules/index.ts';

export interface ChainStep {
  step: PlanStep;
  /** Platform organisations whose users (in one of `step.roles`) decide the step; empty: nobody bound. */
  organisationIds: string[];
  /** Chinese label of who decides, e.g. 忻州市政务信息管理局. */
  deciderName: string;
}

/**
 * The rulebook's home jurisdiction for `jurisdictionId`: the topmost of the jurisdiction and its
 * ancestors that still run under a rulebook (a county of DT → 大同市; XZ → the bureau itself).
 */
export function homeJurisdictionId(directory: Directory, jurisdictionId: string): string {
  let home = jurisdictionId;
  for (const j of jurisdictionChain(directory, jurisdictionId)) {
    if (j.rulebookCode === null) break;
    home = j.id;
  }
  return home;
}

/** The organisation of the rulebook's kind and name at exactly this level (本级), never above it. */
function bindAtLevel(
  rulebook: Rulebook,
  key: string,
  jurisdictionId: string,
  directory: Directory,
): string | null {
  const org = rulebook.organisations.find((o) => o.key === key);
  if (!org || org.generic) return null;
  const candidates = directory.organisations.filter(
    (o) => o.kind === org.kind && o.jurisdictionId === jurisdictionId,
  );
  if (candidates.length === 1) return candidates[0].id;
  const names = [org.name, ...org.terms.map((t) => t.term)].map(normaliseOrgName);
  const named = candidates.filter((o) => names.some((n) => normaliseOrgName(o.name).endsWith(n)));
  return named.length === 1 ? named[0].id : null;
}

/**
 * The steps of the plan's chain with their deciders, or null when the rulebook gives no chain for
 * this kind of plan (the platform's default applies: leadership body approves, authority files).
 */
export function planChain(
  rulebook: Rulebook | null,
  directory: Directory,
  plan: { jurisdictionId: string; scope: string },
): ChainStep[] | null {
  if (!rulebook?.planning) return null;
  const home = homeJurisdictionId(directory, plan.jurisdictionId);
  const steps =
    plan.jurisdictionId !== home
      ? rulebook.planning.subordinatePlan
      : plan.scope === 'jurisdiction'
        ? rulebook.planning.jurisdictionPlan
        : undefined;
  if (!steps) return null;
  return steps.map((step) => {
    const id =
      step.level === 'own'
        ? bindAtLevel(rulebook, step.org, plan.jurisdictionId, directory)
        : bindNamedOrganisation(rulebook, step.org, home, directory);
    const bound = id ? directory.organisations.find((o) => o.id === id) : undefined;
    const rulebookName = rulebook.organisations.find((o) => o.key === step.org)?.name ?? step.org;
    return { step, organisationIds: id ? [id] : [], deciderName: bound?.name ?? rulebookName };
  });
}

/** The pending step: the stored one, or the first for a plan submitted before chains existed. */
export function pendingStep(chain: readonly ChainStep[], currentStep: string | null): number {
  const i = chain.findIndex((s) => s.step.id === currentStep);
  return Math.max(i, 0);
}
