/** A second, different finance user approves the override. */
import { eq } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { visibleDisbursement } from '../queries/disbursement.ts';
import { disbursements, gateOverrides } from '../tables.ts';
import { type FundsDeps, financeRole } from './support.ts';

export async function approveOverride(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  overrideId: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'funds.override_approve', objectType: 'gate_override', objectId: overrideId },
    async (tx, audit) => {
      const [override] = await tx
        .select()
        .from(gateOverrides)
        .where(eq(gateOverrides.id, overrideId))
        .for('update');
      if (!override) throw notFound('例外处理申请不存在或无权查看', 'OVERRIDE_NOT_FOUND');
      const { row, pc } = await visibleDisbursement(tx, env, actor, override.disbursementId, true).catch(
        () => {
          throw notFound('例外处理申请不存在或无权查看', 'OVERRIDE_NOT_FOUND');
        },
      );
      const role = financeRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (override.requestedBy === actor.userId)
        throw forbidden('例外处理须由另一名财务人员复核同意', 'SELF_APPROVAL');
      if (override.approvedBy !== null) throw conflict('OVERRIDE_APPROVED', '该例外处理已复核同意');
      if (row.status !== 'pending') throw conflict('DISBURSEMENT_DECIDED', '该拨付申请已办结');
      await tx
        .update(gateOverrides)
        .set({ approvedBy: actor.userId, approvedAt: env.now })
        .where(eq(gateOverrides.id, overrideId));
      await tx
        .update(disbursements)
        .set({ version: row.version + 1 })
        .where(eq(disbursements.id, row.id));
      audit.details = {
        disbursementId: row.id,
        gateId: override.gateId,
        article: override.article,
        requestedBy: override.requestedBy,
      };
    },
  );
}
