/** A new 应急预案 of a department or a system, with its first version (DT-36, SC-29, XZ-32, JC-06). */
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { callerOfContext } from '../policy.ts';
import { requireRules } from '../rules.ts';
import { opsEmergencyPlans, opsEmergencyPlanVersions } from '../tables/index.ts';
import { checkVersion, type PlanInput, planOwner } from './support.ts';

export async function createPlan(
  deps: CommandDeps,
  ctx: CommandContext,
  input: PlanInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.plan_create', objectType: 'ops_emergency_plan', details: { title: input.title } },
    async (tx, audit) => {
      const owner = await planOwner(tx, caller, input);
      const rules = requireRules(owner.rules);
      await checkVersion(tx, rules, owner.jurisdictionId, input, caller.now);
      const [plan] = await tx
        .insert(opsEmergencyPlans)
        .values({
          jurisdictionId: owner.jurisdictionId,
          organisationId: owner.organisationId,
          systemId: input.systemId ?? null,
          title: input.title,
          currentVersion: 1,
          createdBy: caller.userId,
          createdAt: caller.now,
          updatedAt: caller.now,
        })
        .returning({ id: opsEmergencyPlans.id });
      await tx.insert(opsEmergencyPlanVersions).values({
        planId: plan.id,
        number: 1,
        documentNumber: input.documentNumber,
        summary: input.summary,
        adoptedOn: input.adoptedOn,
        contractorOrganisationId: input.contractorOrganisationId ?? null,
        recordedBy: caller.userId,
        recordedAt: caller.now,
      });
      audit.objectId = plan.id;
      return { id: plan.id };
    },
  );
}
