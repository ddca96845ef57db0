import { eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { changeRequests } from '../tables.ts';
import { lockRequest, notOwn, requireActor, rulesOf } from './support.ts';

/** 综合评估: before the decision (DT/SC/XZ) or after the approval (JC 五.5), per the rulebook. */
export async function evaluateChange(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { opinion: string; participants: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'change.evaluate', objectType: 'change_request', objectId: id },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.changes.articles[0];
      const role = requireActor(pc, actor, rules.changes.evaluator, article, '调整申请的综合评估');
      const row = await lockRequest(tx, projectId, id, input.version);
      notOwn(actor, row, article);
      const first = rules.changes.order === 'evaluate_then_decide';
      if (first && row.state !== 'submitted') {
        throw conflict('CHANGE_NOT_PENDING', '该调整申请不在待评估状态', { article });
      }
      if (!first && row.state !== 'approved') {
        if (row.state === 'submitted') {
          throw refused(
            'CHANGE_NOT_APPROVED',
            `调整申请须经${rules.changes.decider.name}通过后再综合评估`,
            article,
          );
        }
        throw conflict('CHANGE_NOT_PENDING', '该调整申请不在待评估状态', { article });
      }
      if (rules.changes.evaluationParticipants && input.participants.trim().length === 0) {
        throw refused('PARTICIPANTS_REQUIRED', '请填写参与综合评估的相关部门或技术专家', article, {
          field: 'participants',
        });
      }
      await tx
        .update(changeRequests)
        .set({
          state: first ? 'evaluated' : 'completed',
          evaluatedBy: actor.userId,
          evaluatedOn: env.today,
          evaluationOpinion: input.opinion.trim(),
          evaluationParticipants: input.participants.trim() || null,
          version: sql`${changeRequests.version} + 1`,
        })
        .where(eq(changeRequests.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { projectId, order: rules.changes.order };
    },
    { refresh: false },
  );
}
