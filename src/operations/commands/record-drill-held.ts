/** A planned drill recorded as held; for a system's plan it meets the drill obligation (DT-36, SC-29, XZ-32). */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { meetDrillObligation } from '../obligations.ts';
import { callerOfContext } from '../policy.ts';
import { notFuture } from '../rules.ts';
import { opsDrills } from '../tables/index.ts';
import { loadPlan } from './support.ts';

export async function recordDrillHeld(
  deps: CommandDeps,
  ctx: CommandContext,
  drillId: string,
  input: { version: number; heldOn: string; participants: string; findings: string },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.drill_held',
      objectType: 'ops_drill',
      objectId: drillId,
      details: { heldOn: input.heldOn },
    },
    async (tx) => {
      const [drill] = await tx.select().from(opsDrills).where(eq(opsDrills.id, drillId));
      if (!drill) throw notFound('演练不存在或无权查看');
      const { plan } = await loadPlan(tx, caller, drill.planId);
      if (drill.heldOn !== null) {
        throw invalid('OPS_DRILL_ALREADY_HELD', '该演练已登记为已举行', { field: 'heldOn' });
      }
      notFuture(input.heldOn, caller.now, 'heldOn');
      const updated = await tx
        .update(opsDrills)
        .set({
          heldOn: input.heldOn,
          participants: input.participants,
          findings: input.findings,
          recordedBy: caller.userId,
          updatedAt: caller.now,
          version: drill.version + 1,
        })
        .where(and(eq(opsDrills.id, drill.id), eq(opsDrills.version, input.version)))
        .returning({ id: opsDrills.id });
      if (updated.length === 0) throw versionConflict();
      await meetDrillObligation(tx, { calendar, now: caller.now }, plan.systemId, {
        id: drill.id,
        heldOn: input.heldOn,
        by: caller.userId,
      });
    },
  );
}
