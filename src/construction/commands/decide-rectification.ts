import { eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { overseer } from '../rules.ts';
import { rectificationOrders } from '../tables.ts';
import { lockOrder } from './support.ts';

export type RectificationOutcome = 'rectified' | 'failed' | 'refused';

/** The overseeing body's finding: rectified or failed after a report; refused (拒不整改) when none came. */
export async function decideRectification(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { outcome: RectificationOutcome; note: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'rectification.decide',
      objectType: 'rectification',
      objectId: id,
      details: { outcome: input.outcome },
    },
    async ({ tx, audit, pc, relation }) => {
      const role = overseer(pc, actor, relation.parties.has('oversight'));
      const order = await lockOrder(tx, projectId, id, input.version);
      if (input.outcome === 'refused' ? order.state !== 'ordered' : order.state !== 'reported') {
        throw conflict(
          'RECTIFICATION_STATE',
          input.outcome === 'refused'
            ? '已报送整改情况的，应认定整改是否合格'
            : '尚未报送整改情况，不能认定整改结果',
        );
      }
      if (order.reportedBy === actor.userId) throw forbidden('不得认定本人报送的整改', 'SELF_APPROVAL');
      if (input.outcome !== 'rectified' && input.note.trim() === '') {
        throw invalid('REASON_REQUIRED', '认定整改不合格或拒不整改须说明理由', { field: 'note' });
      }
      await tx
        .update(rectificationOrders)
        .set({
          state: input.outcome,
          decidedBy: actor.userId,
          decidedOn: env.today,
          decisionNote: input.note.trim(),
          version: sql`${rectificationOrders.version} + 1`,
        })
        .where(eq(rectificationOrders.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
    },
    { refresh: false },
  );
}
