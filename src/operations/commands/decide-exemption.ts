/** A 不上云 exemption decided by the authority, never by the requester (XZ-08b, XZ-28). */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { requireRules } from '../rules.ts';
import { opsCloudExemptions } from '../tables/index.ts';

export async function decideExemption(
  deps: CommandDeps,
  ctx: CommandContext,
  exemptionId: string,
  input: { decision: 'approved' | 'rejected'; note: string; version: number },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.cloud_exemption_decide',
      objectType: 'ops_cloud_exemption',
      objectId: exemptionId,
      details: { decision: input.decision },
    },
    async (tx) => {
      const [exemption] = await tx
        .select()
        .from(opsCloudExemptions)
        .where(eq(opsCloudExemptions.id, exemptionId));
      if (!exemption) throw notFound('申请不存在或无权查看');
      const system = await loadSystem(tx, caller, exemption.systemId, 'manage');
      requireRules(system.rules);
      if (exemption.requestedBy === caller.userId) {
        throw forbidden('申请人不能审核自己提交的申请', 'OPS_SELF_DECISION');
      }
      if (exemption.status !== 'requested') throw conflict('OPS_ALREADY_DECIDED', '该申请已审核');
      const updated = await tx
        .update(opsCloudExemptions)
        .set({
          status: input.decision,
          decidedBy: caller.userId,
          decidedAt: caller.now,
          decisionNote: input.note,
          version: exemption.version + 1,
        })
        .where(and(eq(opsCloudExemptions.id, exemption.id), eq(opsCloudExemptions.version, input.version)))
        .returning({ id: opsCloudExemptions.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}
