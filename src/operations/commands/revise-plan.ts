/** The next version of an 应急预案; earlier versions stay (DT-36, SC-29, XZ-32, JC-06). */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { versionConflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { opsEmergencyPlans, opsEmergencyPlanVersions } from '../tables/index.ts';
import { checkVersion, loadPlan, type PlanVersionInput } from './support.ts';

export async function revisePlan(
  deps: CommandDeps,
  ctx: CommandContext,
  planId: string,
  input: PlanVersionInput & { version: number },
): Promise<{ number: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.plan_revise', objectType: 'ops_emergency_plan', objectId: planId },
    async (tx, audit) => {
      const { plan, rules } = await loadPlan(tx, caller, planId);
      if (plan.version !== input.version) throw versionConflict();
      await checkVersion(tx, rules, plan.jurisdictionId, input, caller.now);
      const number = plan.currentVersion + 1;
      const updated = await tx
        .update(opsEmergencyPlans)
        .set({ currentVersion: number, updatedAt: caller.now, version: plan.version + 1 })
        .where(and(eq(opsEmergencyPlans.id, plan.id), eq(opsEmergencyPlans.version, plan.version)))
        .returning({ id: opsEmergencyPlans.id });
      if (updated.length === 0) throw versionConflict();
      await tx.insert(opsEmergencyPlanVersions).values({
        planId: plan.id,
        number,
        documentNumber: input.documentNumber,
        summary: input.summary,
        adoptedOn: input.adoptedOn,
        contractorOrganisationId: input.contractorOrganisationId ?? null,
        recordedBy: caller.userId,
        recordedAt: caller.now,
      });
      audit.details = { number };
      return { number };
    },
  );
}
