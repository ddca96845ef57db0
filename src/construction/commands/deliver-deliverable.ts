import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { contractDeliverables } from '../tables.ts';
import { lockContract } from './support.ts';

/** The contractor's deliverable handed over (XZ-12: tracked to delivery). */
export async function deliverDeliverable(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  contractId: string,
  deliverableId: string,
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'contract.deliverable',
      objectType: 'contract',
      objectId: contractId,
      details: { deliverableId },
    },
    async ({ tx, relation }) => {
      if (!relation.parties.has('department')) {
        throw notFound('合同不存在或无权查看', 'CONTRACT_NOT_FOUND');
      }
      await lockContract(tx, projectId, contractId);
      const [d] = await tx
        .select()
        .from(contractDeliverables)
        .where(
          and(eq(contractDeliverables.id, deliverableId), eq(contractDeliverables.contractId, contractId)),
        )
        .for('update');
      if (!d) throw notFound('交付成果不存在', 'DELIVERABLE_NOT_FOUND');
      if (d.deliveredOn) throw conflict('ALREADY_DELIVERED', `“${d.name}”已于 ${d.deliveredOn} 交付`);
      await tx
        .update(contractDeliverables)
        .set({
          deliveredOn: env.today,
          deliveredBy: actor.userId,
          version: sql`${contractDeliverables.version} + 1`,
        })
        .where(eq(contractDeliverables.id, deliverableId));
    },
    { refresh: false },
  );
}
