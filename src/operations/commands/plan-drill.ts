/** A drill of an 应急预案 planned for a date; a system's plan owes it on that date (DT-36, SC-29, XZ-32). */
import { loadCalendar } from '../../calendar/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid } from '../../platform/errors.ts';
import { openDrillObligation } from '../obligations.ts';
import { callerOfContext } from '../policy.ts';
import { opsDrills } from '../tables/index.ts';
import { loadPlan } from './support.ts';

export async function planDrill(
  deps: CommandDeps,
  ctx: CommandContext,
  planId: string,
  input: { plannedOn: string; scenario: string },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.drill_plan', objectType: 'ops_emergency_plan', objectId: planId, details: { ...input } },
    async (tx) => {
      const { plan, rules } = await loadPlan(tx, caller, planId);
      const today = chinaDate(caller.now);
      if (input.plannedOn < today) {
        throw invalid('OPS_DRILL_IN_PAST', '计划演练日期不能早于今天（已举行的演练请登记举行情况）', {
          field: 'plannedOn',
        });
      }
      const [row] = await tx
        .insert(opsDrills)
        .values({
          planId: plan.id,
          plannedOn: input.plannedOn,
          scenario: input.scenario,
          recordedBy: caller.userId,
          updatedAt: caller.now,
        })
        .returning({ id: opsDrills.id });
      // A drill of a system's plan is owed on its date (the engine anchors obligations on systems).
      await openDrillObligation(tx, { calendar, now: caller.now }, rules, plan, {
        id: row.id,
        plannedOn: input.plannedOn,
        today,
      });
      return { id: row.id };
    },
  );
}
