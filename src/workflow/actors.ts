/** Who may act: the rulebook's step actor (or the 转办 holder), the applicant's editor, a party. */
import type { Actor, Assignment } from '../platform/actor.ts';
import { forbidden, refused } from '../platform/errors.ts';
import {
  actingRoles,
  actorLabel,
  heldRoles,
  isApplicantStage,
  organisationsFor,
  type ProjectContext,
  parties,
  type Relation,
  stepInfo,
  submissionStep,
} from '../projects/index.ts';
import type { Step } from '../rules/index.ts';

export function assignmentOf(actor: Actor, role: string, organisationId: string): Assignment | undefined {
  return actor.assignments.find((a) => a.role === role && a.organisationId === organisationId);
}

/** The step's open status for the applicant: true when a plan/application step is open. */
export function applicantTurn(pc: ProjectContext): boolean {
  return pc.evaluation.steps.some(
    (s) => s.status === 'open' && isApplicantStage(stepInfo(pc.rulebook, s.stepId)?.stage ?? 'operation'),
  );
}

/** The caller's assignment that may edit the application (owner's staff, or the rulebook's applicant body). */
export function editorRole(actor: Actor, pc: ProjectContext): Assignment | undefined {
  const submit = submissionStep(pc.rulebook);
  const orgs = new Set([pc.bundle.project.ownerOrganisationId]);
  if (submit)
    for (const o of organisationsFor(pc.rulebook, submit.actor.org, parties(pc.bundle), pc.bindings))
      orgs.add(o);
  return actor.assignments.find((a) => a.role === 'dept_staff' && orgs.has(a.organisationId));
}

/** The caller's assignment that may act on `step`, honouring a 转办 holder. */
export function stepRole(actor: Actor, pc: ProjectContext, step: Step): Assignment | undefined {
  const roles = actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings);
  const holder = pc.bundle.holders.find((h) => h.stepId === step.id);
  if (holder && holder.holderUserId !== actor.userId) return undefined;
  const first = roles[0];
  return first ? assignmentOf(actor, first.role, first.organisationId) : undefined;
}

/** `stepRole`, else 403: held by a colleague (转办) or not the step's actor. */
export function requireStepActor(actor: Actor, pc: ProjectContext, step: Step): Assignment {
  const role = stepRole(actor, pc, step);
  if (role) return role;
  const holder = pc.bundle.holders.find((h) => h.stepId === step.id);
  if (
    holder &&
    actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings).length > 0
  ) {
    throw forbidden('该事项已转交他人办理', 'TASK_HELD_BY_OTHER');
  }
  throw forbidden(`“${step.name}”应由${actorLabel(pc.rulebook, step)}办理`, 'STEP_ACTOR_MISMATCH', {
    article: step.articles[0],
  });
}

/**
 * A classified project under a text that covers 非涉密 projects only (SC 第二条, JC 三, XZ 第三条) is
 * refused with the article and where to go instead.
 */
export function requireInScope(pc: Pick<ProjectContext, 'rulebook' | 'bundle'>): void {
  const scope = pc.rulebook.scope;
  if (scope?.excludesClassified && pc.bundle.project.classified) {
    throw refused('PROJECT_CLASSIFIED', scope.classifiedRefusal, scope.articles[0], { field: 'classified' });
  }
}

export function isParty(relation: Relation): boolean {
  return relation.parties.size > 0;
}
