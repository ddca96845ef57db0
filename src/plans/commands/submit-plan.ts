import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid } from '../../platform/errors.ts';
import { planEntries, plans } from '../../projects/index.ts';
import { loadRulebookCatalog } from '../../rulebooks/index.ts';
import { editorOf, lockPlan, requireEditable } from './support.ts';

export async function submitPlan(deps: CommandDeps, ctx: CommandContext, id: string): Promise<void> {
  const actor = ctx.actor!;
  const { registry } = await loadRulebookCatalog(deps.db);
  await runCommand(deps, ctx, { action: 'plan.submit', objectType: 'plan', objectId: id }, async (tx) => {
    const { plan, chain } = await lockPlan(tx, actor, id, registry);
    editorOf(actor, plan);
    requireEditable(plan);
    const [entry] = await tx
      .select({ id: planEntries.id })
      .from(planEntries)
      .where(eq(planEntries.planId, id))
      .limit(1);
    if (!entry) throw invalid('PLAN_EMPTY', '规划至少应有一个计划条目');
    await tx
      .update(plans)
      .set({
        status: 'submitted',
        submittedBy: actor.userId,
        currentStep: chain?.[0]?.step.id ?? null,
        version: plan.version + 1,
      })
      .where(eq(plans.id, id));
  });
}
