/** The authority answers an objection to its notice; the answer is published with it. */
import { eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { ownNotice } from '../queries/notice.ts';
import { publicityObjections } from '../tables.ts';
import { authorityRole, type FundsDeps } from './support.ts';

export async function answerObjection(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  id: string,
  answer: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.objection_answer', objectType: 'publicity_objection', objectId: id },
    async (tx, audit) => {
      const [row] = await tx
        .select()
        .from(publicityObjections)
        .where(eq(publicityObjections.id, id))
        .for('update');
      if (!row) throw notFound('异议不存在或无权查看', 'OBJECTION_NOT_FOUND');
      await ownNotice(tx, actor, row.noticeId).catch(() => {
        throw notFound('异议不存在或无权查看', 'OBJECTION_NOT_FOUND');
      });
      const role = authorityRole(actor);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (row.answer !== null) throw conflict('ALREADY_ANSWERED', '该异议已答复');
      if (answer.trim() === '') throw invalid('ANSWER_REQUIRED', '请填写答复内容', { field: 'answer' });
      await tx
        .update(publicityObjections)
        .set({
          answer: answer.trim(),
          answeredBy: actor.userId,
          answeredAt: env.now,
          version: row.version + 1,
        })
        .where(eq(publicityObjections.id, id));
      audit.details = { noticeId: row.noticeId };
    },
  );
}
