import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { versionConflict } from '../../platform/errors.ts';
import type { ReviewInput, WorkflowEnv } from '../../projects/index.ts';
import { insertAction, type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { projectReviews } from '../tables.ts';
import { openReviewStep, requireReviewer } from './support.ts';

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
