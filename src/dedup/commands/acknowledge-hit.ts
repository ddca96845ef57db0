/**
 * 确认查重命中: the reviewer of the open review step records, with a note, what is done about a hit
 * of the latest check (refuse, merge, or build on condition of reuse). Not the submitter.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { reviewStep, submissionStep } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand, stepRole } from '../../workflow/index.ts';
import { latestHits } from '../queries/project-checks.ts';
import { dedupHits } from '../tables.ts';

export async function acknowledgeHit(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: { projectId: string; hitId: string; note: string; version: number },
): Promise<void> {
  const actor = ctx.actor as Actor;
  await projectCommand(
    deps,
    ctx,
    env,
    input.projectId,
    { action: 'dedup.acknowledge', objectType: 'project', objectId: input.projectId },
    async ({ tx, audit, pc }) => {
      const hit = (await latestHits(tx, input.projectId)).find((h) => h.id === input.hitId);
      if (!hit) throw notFound('查重结果不存在或已被新的提交取代', 'DEDUP_HIT_NOT_FOUND');
      const step = reviewStep(pc.rulebook);
      const open = step && pc.evaluation.steps.find((s) => s.stepId === step.id)?.status === 'open';
      if (!step || !open) throw conflict('REVIEW_NOT_OPEN', '审核环节当前不在办理中，不能确认查重结果');
      const role = stepRole(actor, pc, step);
      if (!role) {
        throw forbidden(`只有“${step.name}”的办理人可以确认查重结果`, 'STEP_ACTOR_MISMATCH', {
          article: step.articles[0],
        });
      }
      const submitted = [...pc.bundle.actions]
        .reverse()
        .find(
          (a) => a.kind === 'step' && a.stepId === submissionStep(pc.rulebook)?.id && a.voidedBy === null,
        );
      if (submitted?.actorUserId === actor.userId) {
        throw forbidden('不得审核本人提交的申请', 'SELF_APPROVAL');
      }
      if (hit.acknowledgedAt !== null) throw conflict('ALREADY_ACKNOWLEDGED', '该查重结果已确认');
      if (hit.version !== input.version) {
        throw versionConflict();
      }
      const note = input.note.trim();
      if (note === '') throw invalid('NOTE_REQUIRED', '请填写处理意见', { field: 'note' });
      await tx
        .update(dedupHits)
        .set({
          acknowledgedBy: actor.userId,
          acknowledgedAt: env.now,
          acknowledgementNote: note,
          version: sql`${dedupHits.version} + 1`,
        })
        .where(and(eq(dedupHits.id, hit.id), eq(dedupHits.version, input.version)));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.jurisdictionId = role.jurisdictionId;
      audit.details = { hitId: hit.id, name: hit.name, level: hit.level, score: hit.score };
    },
    { refresh: false },
  );
}
