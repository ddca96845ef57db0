/** A 停用报废 request with its data disposition (DT-05b, DT-01). */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { opsRetirements } from '../tables/index.ts';

export interface RetirementInput {
  reason: string;
  retirementDate: string;
  dataDisposition: 'archived' | 'migrated';
  dataDestination: string;
}

export async function requestRetirement(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: RetirementInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.retirement_request', objectType: 'information_system', objectId: systemId },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      if (system.status === 'retired') throw conflict('SYSTEM_RETIRED', '系统已报废', { article: 'DT-01' });
      const [open] = await tx
        .select({ id: opsRetirements.id })
        .from(opsRetirements)
        .where(and(eq(opsRetirements.systemId, system.id), eq(opsRetirements.status, 'requested')));
      if (open) throw conflict('OPS_RETIREMENT_PENDING', '该系统已有待审批的停用报废申请');
      const [row] = await tx
        .insert(opsRetirements)
        .values({
          systemId: system.id,
          reason: input.reason,
          retirementDate: input.retirementDate,
          dataDisposition: input.dataDisposition,
          dataDestination: input.dataDestination,
          requestedBy: caller.userId,
          requestedAt: caller.now,
        })
        .returning({ id: opsRetirements.id });
      audit.details = { retirementId: row.id, retirementDate: input.retirementDate };
      return { id: row.id };
    },
  );
}
