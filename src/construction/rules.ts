/** Construction's pure rules that are not in the rulebook: the step an event is the outcome of, the rectification gates' articles, who orders, judges and holds a rectification. */

import type { CommandContext } from '../platform/command.ts';
import { forbidden } from '../platform/errors.ts';
import { organisationsFor, type ProjectContext, parties, stepsOf } from '../projects/index.ts';
import type { EventType, Rulebook, Step } from '../rules/index.ts';
import { OVERSEERS } from './access.ts';

/** The step of the rulebook whose outcome is `event` (the first, in workflow order). */
export function stepFor(rulebook: Rulebook, event: EventType): Step | undefined {
  return stepsOf(rulebook).find((s) => s.step.outcomes.some((o) => o.event === event))?.step;
}

/** The articles of the rulebook's rectification gates (the gates that read the rectification facts). */
export function rectificationArticles(rulebook: Rulebook): string[] {
  const gates = rulebook.gates.filter((g) => JSON.stringify(g.passWhen).includes('"rectificationRefused"'));
  return [...new Set(gates.flatMap((g) => g.articles))];
}

type RectificationActor = NonNullable<CommandContext['actor']>;

/** The organisations the rulebook's rectification rule names for `who` on this project. */
function ruleOrgs(pc: ProjectContext, who: 'orderedBy' | 'ordered'): string[] {
  const rule = pc.rulebook.rectification;
  if (!rule) return [];
  return organisationsFor(pc.rulebook, rule[who].org, parties(pc.bundle), pc.bindings);
}

/** The organisation ordered to rectify: the rulebook's (XZ: 数据中心) or the project's department. */
export function rectificationHolder(pc: ProjectContext): string {
  return ruleOrgs(pc, 'ordered')[0] ?? pc.bundle.project.ownerOrganisationId;
}

export function overseer(pc: ProjectContext, actor: RectificationActor, partiesHas: boolean) {
  const rule = pc.rulebook.rectification;
  if (rule) {
    // The rulebook names the ordering body (XZ 第二十四条: 局党组): only its members order and judge.
    const orgs = ruleOrgs(pc, 'orderedBy');
    const named = actor.assignments.find(
      (a) => a.role === rule.orderedBy.role && orgs.includes(a.organisationId),
    );
    const body = pc.rulebook.organisations.find((o) => o.key === rule.orderedBy.org)?.name ?? '规定的机构';
    if (!named) {
      throw forbidden(`责令整改和认定整改结果由${body}办理`, 'NOT_OVERSEER', { article: rule.articles[0] });
    }
    return named;
  }
  const role = actor.assignments.find(
    (a) => OVERSEERS.includes(a.role) && a.organisationId !== pc.bundle.project.ownerOrganisationId,
  );
  if (!role || !partiesHas) throw forbidden('只有主管部门或其上级可以责令整改和认定整改结果', 'NOT_OVERSEER');
  return role;
}
