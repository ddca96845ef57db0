import { eq, sql } from 'drizzle-orm';
import { meetObligation } from '../../obligations/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { rectificationHolder } from '../rules.ts';
import { rectificationOrders } from '../tables.ts';
import { lockOrder, RECTIFICATION_KIND } from './support.ts';

/** The department reports what it rectified: meets the time-limit obligation. */
export async function reportRectification(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { report: string; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'rectification.report', objectType: 'rectification', objectId: id },
    async ({ tx, pc, relation }) => {
      const rule = pc.rulebook.rectification;
      const holder = rectificationHolder(pc);
      const staff = actor.assignments.find(
        (a) => a.role === (rule?.ordered.role ?? 'dept_staff') && a.organisationId === holder,
      );
      if (!staff || (!rule && !relation.parties.has('department'))) {
        throw forbidden('只有项目建设单位的经办人可以报送整改情况', 'NOT_PROJECT_DEPARTMENT');
      }
      const order = await lockOrder(tx, projectId, id, input.version);
      if (order.state !== 'ordered') throw conflict('RECTIFICATION_NOT_OPEN', '该整改通知不在待整改状态');
      await tx
        .update(rectificationOrders)
        .set({
          state: 'reported',
          report: input.report.trim(),
          reportedBy: actor.userId,
          reportedOn: env.today,
          version: sql`${rectificationOrders.version} + 1`,
        })
        .where(eq(rectificationOrders.id, id));
      await meetObligation(
        tx,
        env,
        { kind: RECTIFICATION_KIND, projectId, ref: id },
        { on: env.today, by: actor.userId },
      );
    },
    { refresh: false },
  );
}
