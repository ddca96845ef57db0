import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, versionConflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { opsRetirements } from '../tables/index.ts';
import { loadRetirement } from './support.ts';

/** The department confirms that the system's data is archived or migrated. */
export async function confirmData(
  deps: CommandDeps,
  ctx: CommandContext,
  retirementId: string,
  input: { version: number },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'ops.retirement_data_confirm', objectType: 'ops_retirement', objectId: retirementId },
    async (tx) => {
      const { retirement } = await loadRetirement(tx, caller, retirementId, 'edit');
      if (retirement.status !== 'requested') throw conflict('OPS_ALREADY_DECIDED', '该申请已审批');
      if (retirement.dataConfirmedAt !== null) throw conflict('OPS_DATA_CONFIRMED', '数据处置已确认');
      const updated = await tx
        .update(opsRetirements)
        .set({ dataConfirmedBy: caller.userId, dataConfirmedAt: caller.now, version: retirement.version + 1 })
        .where(and(eq(opsRetirements.id, retirement.id), eq(opsRetirements.version, input.version)))
        .returning({ id: opsRetirements.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}
