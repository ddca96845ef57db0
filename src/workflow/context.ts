/**
 * The project as the workflow sees it: re-evaluated after each change (state, open steps, the
 * arrival notices), the step looked up in its rulebook, the rulebook's objections as errors.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { notify, usersOfOrganisations } from '../notifications/index.ts';
import type { Tx } from '../platform/db/client.ts';
import { conflict, invalid, notFound, refused } from '../platform/errors.ts';
import {
  isApplicantStage,
  isEstablishmentStage,
  loadBundle,
  openStepIds,
  organisationsFor,
  type ProjectContext,
  parties,
  projectContext,
  projectState,
  projectStepHolders,
  projects,
  reviewStep,
  stepInfo,
  storedActions,
  submissionStep,
  type WorkflowEnv,
} from '../projects/index.ts';
import type { StepCheck } from '../rules/index.ts';

/**
 * Re-evaluates the project after a change: stores its state and open steps and bumps its version.
 * A step that opens for a reviewing or approving body notifies that body's users holding the step's
 * role (task arrival); the change to 已立项 notifies the owner and co-building departments (issue 17).
 */
export async function refreshProject(tx: Tx, env: WorkflowEnv, projectId: string): Promise<ProjectContext> {
  const bundle = await loadBundle(tx, projectId);
  if (!bundle) throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  const before = { state: bundle.project.state, openSteps: bundle.project.openSteps };
  const pc = await projectContext(tx, env, bundle);
  const state = projectState(pc.rulebook, pc.evaluation, storedActions(bundle.actions));
  const openSteps = openStepIds(pc.evaluation);
  await notifyArrivals(tx, env, pc, before, { state, openSteps });
  const [row] = await tx
    .update(projects)
    .set({ state, openSteps, updatedAt: env.now, version: sql`${projects.version} + 1` })
    .where(eq(projects.id, projectId))
    .returning();
  pc.bundle.project = row;
  return pc;
}

/** Notices for the steps that opened in this change and for the project reaching 已立项. */
async function notifyArrivals(
  tx: Tx,
  env: WorkflowEnv,
  pc: ProjectContext,
  before: { state: string; openSteps: string[] },
  after: { state: string; openSteps: string[] },
): Promise<void> {
  const project = pc.bundle.project;
  for (const stepId of after.openSteps) {
    if (before.openSteps.includes(stepId)) continue;
    const info = stepInfo(pc.rulebook, stepId);
    // The applicant's own steps are its drafts; a 退回 notifies the submitter itself (returnStep).
    if (!info || isApplicantStage(info.stage)) continue;
    const orgs = organisationsFor(pc.rulebook, info.step.actor.org, parties(pc.bundle), pc.bindings);
    const recipients = await usersOfOrganisations(tx, orgs, [info.step.actor.role]);
    const review = reviewStep(pc.rulebook)?.id === stepId;
    await notify(tx, {
      recipients,
      kind: 'task_arrived',
      message: `“${project.name}”的“${info.step.name}”已到达，请办理`,
      at: env.now,
      projectId: project.id,
      stepId,
      link: isEstablishmentStage(info.stage)
        ? review
          ? `/projects/${project.id}/review`
          : `/projects/${project.id}/steps/${stepId}`
        : `/projects/${project.id}/construction`,
    });
  }
  if (after.state === 'established' && before.state !== 'established') {
    const departments = [project.ownerOrganisationId, ...pc.bundle.coBuilderIds];
    await notify(tx, {
      recipients: await usersOfOrganisations(tx, departments),
      kind: 'established',
      message: `“${project.name}”已立项`,
      at: env.now,
      projectId: project.id,
      link: `/projects/${project.id}`,
    });
  }
}

/** A step that has been acted on is no longer held by a 转办 holder. */
export async function releaseHolders(tx: Tx, projectId: string, stepIds: string[]): Promise<void> {
  await tx
    .delete(projectStepHolders)
    .where(
      stepIds.length === 1
        ? and(eq(projectStepHolders.projectId, projectId), eq(projectStepHolders.stepId, stepIds[0]))
        : and(eq(projectStepHolders.projectId, projectId), inArray(projectStepHolders.stepId, stepIds)),
    );
}

/** Turns the rulebook's objections into the error contract: gates and materials 422, state 409. */
export function throwProblems(check: StepCheck): void {
  if (check.allowed) return;
  const gates = check.problems.filter((p) => p.code === 'GATE_BLOCKED');
  if (gates.length > 0) {
    throw refused('GATE_BLOCKED', gates.map((g) => g.message).join('；'), gates[0].article ?? '');
  }
  const materials = check.problems.filter((p) => p.code === 'MATERIALS_MISSING');
  if (materials.length > 0) {
    throw refused(
      'MATERIALS_MISSING',
      materials.map((m) => m.message).join('；'),
      materials[0].article ?? '',
    );
  }
  const notOpen = check.problems.find((p) => p.code === 'STEP_NOT_OPEN');
  if (notOpen) throw conflict('STEP_NOT_OPEN', `${notOpen.message}（可能已由他人办理，请刷新）`);
  const other = check.problems[0];
  throw invalid(other.code, other.message, other.article ? { article: other.article } : undefined);
}

/** A step of the establishment path (申报 … 立项) of the project's rulebook. */
export function lookupStep(pc: ProjectContext, stepId: string) {
  const info = stepInfo(pc.rulebook, stepId);
  if (!info || !isEstablishmentStage(info.stage))
    throw notFound('该项目的规则集中没有这个步骤', 'STEP_NOT_FOUND');
  return info;
}

/** Any step of the project's rulebook (decisions after 立项 run through the same core). */
export function lookupAnyStep(pc: ProjectContext, stepId: string) {
  const info = stepInfo(pc.rulebook, stepId);
  if (!info) throw notFound('该项目的规则集中没有这个步骤', 'STEP_NOT_FOUND');
  return info;
}

/** The step is open in the evaluation, else 409 STEP_NOT_OPEN with `message`. */
export function requireOpen(pc: ProjectContext, stepId: string, message: string): void {
  if (pc.evaluation.steps.find((s) => s.stepId === stepId)?.status !== 'open') {
    throw conflict('STEP_NOT_OPEN', message);
  }
}

/** The applicant's standing submission (not voided), if any. */
export function lastSubmission(pc: ProjectContext) {
  const submit = submissionStep(pc.rulebook)?.id;
  return [...pc.bundle.actions]
    .reverse()
    .find((a) => a.kind === 'step' && a.stepId === submit && a.voidedBy === null);
}
