/**
 * The five-dimension review (DT-09b, SC-11a, XZ-10a) and its helpers: the reviewer's scores and
 * opinions (SC: with an opinion on the 信息资源共享分析篇, SC-09a). Experts and their opinions are
 * expert-commands.ts, the pool and yearly assessments pool-commands.ts.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { CommandContext } from '../platform/command.ts';
import { conflict, forbidden, versionConflict } from '../platform/errors.ts';
import {
  type ProjectContext,
  type ReviewInput,
  reviewStep,
  submissionStep,
  type WorkflowEnv,
} from '../projects/index.ts';
import type { Step } from '../rules/index.ts';
import { insertAction, type ProjectDeps, projectCommand, stepRole } from '../workflow/index.ts';
import { projectReviews } from './tables.ts';

export function openReviewStep(pc: ProjectContext): Step {
  const step = reviewStep(pc.rulebook);
  if (!step) throw conflict('NO_REVIEW_STEP', '该规则集没有五个方面的合理性审核环节');
  if (pc.evaluation.steps.find((s) => s.stepId === step.id)?.status !== 'open') {
    throw conflict('REVIEW_NOT_OPEN', `“${step.name}”当前不在办理中`);
  }
  return step;
}

/**
 * The open step whose generic third-party actor is commissioned on the project (DT 第十四条: the
 * budget review), as seen by its commissioning body: the step with the commissioner as actor.
 */
export function openCommissionedStep(pc: ProjectContext): Step | undefined {
  for (const stage of pc.rulebook.workflow.stages) {
    for (const step of stage.steps) {
      if (!step.commissionedBy) continue;
      if (pc.evaluation.steps.find((s) => s.stepId === step.id)?.status !== 'open') continue;
      return { ...step, actor: step.commissionedBy };
    }
  }
  return undefined;
}

export function requireReviewer(actor: Actor, pc: ProjectContext, step: Step) {
  const role = stepRole(actor, pc, step);
  if (!role) throw forbidden(`只有“${step.name}”的办理人可以填写审核意见或指派专家`, 'STEP_ACTOR_MISMATCH');
  // Nobody reviews or scores a project they created or submitted (issue 9 item 6).
  const submission = submissionStep(pc.rulebook)?.id;
  const ownWork =
    pc.bundle.project.createdBy === actor.userId ||
    pc.bundle.actions.some(
      (a) => a.kind === 'step' && a.stepId === submission && a.actorUserId === actor.userId,
    );
  if (ownWork) throw forbidden('不得审核或评分本人编制、提交的申请', 'SELF_APPROVAL');
  return role;
}

/** Saves (and updates) the reviewer's five opinions, the sharing opinion and the findings. */
export async function saveReview(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  input: ReviewInput,
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    { action: 'review.score', objectType: 'project', objectId: id },
    async ({ tx, actor, pc, audit, actingAs }) => {
      const step = openReviewStep(pc);
      const role = requireReviewer(actor, pc, step);
      actingAs(role);
      const existing = pc.bundle.review;
      if (existing && input.version !== undefined && input.version !== existing.version) {
        throw versionConflict('审核意见已被他人修改，请刷新后重试');
      }
      const opinions = { ...(existing?.opinions ?? {}) };
      for (const [dimension, value] of Object.entries(input.opinions)) {
        if (value) opinions[dimension] = value;
      }
      // A finding overrides the applicant's declaration; null withdraws it.
      const findings: Record<string, boolean> = { ...(existing?.findings ?? {}) };
      for (const [key, value] of Object.entries(input.findings ?? {})) {
        if (value === null || value === undefined) delete findings[key];
        else findings[key] = value;
      }
      const sharing =
        input.sharingAnalysisOpinion !== undefined
          ? input.sharingAnalysisOpinion
          : (existing?.sharingAnalysisOpinion ?? null);
      if (existing) {
        await tx
          .update(projectReviews)
          .set({
            opinions,
            findings,
            sharingAnalysisOpinion: sharing,
            reviewerUserId: actor.userId,
            updatedAt: env.now,
            version: existing.version + 1,
          })
          .where(eq(projectReviews.id, existing.id));
      } else {
        await tx.insert(projectReviews).values({
          projectId: id,
          stepId: step.id,
          reviewerUserId: actor.userId,
          opinions,
          findings,
          sharingAnalysisOpinion: sharing,
          updatedAt: env.now,
        });
      }
      await insertAction(tx, env, actor, id, {
        kind: 'review_saved',
        stepId: step.id,
        role,
        details: { dimensions: Object.keys(input.opinions), findings: input.findings ?? {} },
      });
      audit.details = {
        stepId: step.id,
        dimensions: Object.keys(input.opinions),
        findings: input.findings ?? {},
      };
    },
  );
}
