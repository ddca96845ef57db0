/** Records a department's yearly assessment (DT-07), which next year's reviewer sees (DT-31). */
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { jurisdictionSubtree, loadDirectory } from '../../projects/index.ts';
import { departmentAssessments } from '../tables.ts';
import { authorityAssignment } from './support.ts';

/** Records a department's yearly assessment (DT-07); next year's reviewer sees it (DT-31). */
export async function recordAssessment(
  deps: CommandDeps,
  ctx: CommandContext,
  input: { organisationId: string; year: number; score: number; grade: string; summary: string },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'assessment.record',
      objectType: 'organisation',
      objectId: input.organisationId,
      details: { year: input.year, score: input.score, grade: input.grade },
    },
    async (tx) => {
      const mine = authorityAssignment(actor);
      const directory = await loadDirectory(tx);
      const org = directory.organisations.find((o) => o.id === input.organisationId);
      if (
        org?.kind !== 'department' ||
        !jurisdictionSubtree(directory, mine.jurisdictionId).includes(org.jurisdictionId)
      ) {
        throw notFound('部门不存在或不在本级管辖范围内', 'ORGANISATION_NOT_FOUND');
      }
      const [row] = await tx
        .insert(departmentAssessments)
        .values({ ...input, recordedBy: actor.userId, createdAt: deps.clock.now() })
        .onConflictDoUpdate({
          target: [departmentAssessments.organisationId, departmentAssessments.year],
          set: { score: input.score, grade: input.grade, summary: input.summary, recordedBy: actor.userId },
        })
        .returning({ id: departmentAssessments.id });
      return row.id;
    },
  );
}
