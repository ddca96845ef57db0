/**
 * What the money commands share (issue 13). Each command in this folder runs in `runCommand`: one
 * transaction and one audit row; a refusal is a DomainError with its code, Chinese message, field
 * and article. Here: the rulebook's objections as that error contract, the caller's acting role
 * (step body, finance, department, authority), the step row a budget command records, the review.
 */
import { eq } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import type { Actor, Assignment } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, forbidden, invalid, refused } from '../../platform/errors.ts';
import {
  actingRoles,
  heldRoles,
  type ProjectContext,
  parties,
  type WorkflowEnv,
} from '../../projects/index.ts';
import type { Step, StepCheck } from '../../rules/index.ts';
import { insertAction, type ProjectDeps } from '../../workflow/index.ts';
import { budgetReviews } from '../tables.ts';

export type FundsDeps = ProjectDeps;

/** Rulebook objections as the error contract: gates 422 with the article, a step not open 409. */
export function throwProblems(check: StepCheck): void {
  if (check.allowed) return;
  const gates = check.problems.filter((p) => p.code === 'GATE_BLOCKED');
  if (gates.length > 0)
    throw refused('GATE_BLOCKED', gates.map((g) => g.message).join('；'), gates[0].article ?? '');
  const notOpen = check.problems.find((p) => p.code === 'STEP_NOT_OPEN');
  if (notOpen) throw conflict('STEP_NOT_OPEN', `${notOpen.message}（可能已办理或尚未到此环节）`);
  const materials = check.problems.find((p) => p.code === 'MATERIALS_MISSING');
  if (materials) throw refused('MATERIALS_MISSING', materials.message, materials.article ?? '');
  const other = check.problems[0];
  throw invalid(other.code, other.message, other.article ? { article: other.article } : undefined);
}

/**
 * The caller's assignment that acts on `step` of this project (the rulebook's body, or the third party
 * commissioned on the project), or 403 naming the step and article.
 */
export function stepActor(actor: Actor, pc: ProjectContext, step: Step): Assignment {
  const roles = actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings);
  const first = roles[0];
  let found = first
    ? actor.assignments.find((a) => a.role === first.role && a.organisationId === first.organisationId)
    : undefined;
  // A third party acts where the authority commissioned it on this project (DT-14).
  if (!found && step.actor.role === 'third_party_evaluator') {
    const commissioned = pc.bundle.assignments.some(
      (a) => a.userIndex === pc.env.expertIndex(actor.userId) && a.kind === 'evaluator',
    );
    found = commissioned ? actor.assignments.find((a) => a.role === 'third_party_evaluator') : undefined;
  }
  if (!found)
    throw forbidden(`“${step.name}”不由您所在单位办理`, 'STEP_ACTOR_MISMATCH', { article: step.articles[0] });
  return found;
}

/** The caller's finance role in an organisation the project's rulebook names as finance. */
export function financeRole(actor: Actor, pc: ProjectContext): Assignment {
  const financeOrgs = new Set(
    pc.rulebook.organisations
      .filter((o) => o.kind === 'finance')
      .map((o) => pc.bindings.get(o.key))
      .filter((id): id is string => id !== undefined),
  );
  const found = actor.assignments.find(
    (a) => a.role === 'finance_officer' && financeOrgs.has(a.organisationId),
  );
  if (!found) throw forbidden('资金拨付由本项目的财政（财务）部门审批', 'NOT_PROJECT_FINANCE');
  return found;
}

/** The department role of the caller in the project's own (or a co-building) department. */
export function departmentRole(actor: Actor, pc: ProjectContext): Assignment {
  const orgs = new Set([pc.bundle.project.ownerOrganisationId, ...pc.bundle.coBuilderIds]);
  const found = actor.assignments.find((a) => a.role === 'dept_staff' && orgs.has(a.organisationId));
  if (!found) throw forbidden('资金拨付由项目建设单位申请', 'NOT_PROJECT_DEPARTMENT');
  return found;
}

export function recordStep(
  tx: Tx,
  deps: FundsDeps,
  env: WorkflowEnv,
  actor: Actor,
  pc: ProjectContext,
  step: Step,
  role: Assignment,
  opinion: string,
  details: Record<string, unknown>,
) {
  return insertAction(tx, env, actor, pc.bundle.project.id, {
    kind: 'step',
    stepId: step.id,
    event: step.outcomes[0].event,
    opinion,
    details,
    role,
    sign: deps.keyring,
  });
}

export async function approvedReview(tx: Tx, projectId: string) {
  const [review] = await tx.select().from(budgetReviews).where(eq(budgetReviews.projectId, projectId));
  return review ?? null;
}

export function authorityRole(actor: Actor): Assignment {
  const found = actor.assignments.find((a) => AUTHORITY.includes(a.role));
  if (!found) throw forbidden('公示由政务信息化主管部门办理', 'NOT_AUTHORITY');
  return found;
}
