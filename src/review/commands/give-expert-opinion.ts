/** An assigned expert's or evaluator's opinion on the review, SM2-signed, and the content it signs. */
import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { signContent } from '../../platform/crypto/sm2.ts';
import { forbidden } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { insertAction, type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { projectExpertAssignments } from '../tables.ts';
import { openReviewStep } from './support.ts';

/** The content of an expert opinion's SM2 signature. */
export function expertOpinionContent(row: {
  projectId: string;
  userId: string;
  opinion: string | null;
  conclusion: string | null;
  opinionAt: Date | null;
}): Record<string, unknown> {
  return {
    type: 'tongchou.expert-opinion.v1',
    projectId: row.projectId,
    userId: row.userId,
    opinion: row.opinion,
    conclusion: row.conclusion,
    at: row.opinionAt?.toISOString() ?? null,
  };
}

/** An assigned expert's or evaluator's signed opinion, while the review is open. */
export async function giveExpertOpinion(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  keyring: Keyring,
  id: string,
  input: { opinion: string; conclusion: string },
): Promise<void> {
  await projectCommand(
    deps,
    ctx,
    env,
    id,
    {
      action: 'review.expert_opinion',
      objectType: 'project',
      objectId: id,
      details: { conclusion: input.conclusion },
    },
    async ({ tx, actor, pc, relation, audit }) => {
      const assignment = relation.assignment;
      if (!assignment) throw forbidden('您未被指派评审该项目', 'NOT_ASSIGNED');
      audit.role = assignment.kind === 'expert' ? 'expert' : 'third_party_evaluator';
      openReviewStep(pc);
      const values = {
        projectId: id,
        userId: actor.userId,
        opinion: input.opinion,
        conclusion: input.conclusion,
        opinionAt: env.now,
      };
      const signature = signContent(keyring, expertOpinionContent(values)) as unknown as Record<
        string,
        string
      >;
      await tx
        .update(projectExpertAssignments)
        .set({ opinion: input.opinion, conclusion: input.conclusion, opinionAt: env.now, signature })
        .where(eq(projectExpertAssignments.id, assignment.id));
      await insertAction(tx, env, actor, id, {
        kind: 'expert_opinion',
        details: { assignmentId: assignment.id, conclusion: input.conclusion },
        role: actor.assignments.find((a) => a.role === audit.role) ?? null,
      });
    },
  );
}
