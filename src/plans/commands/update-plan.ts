import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid, versionConflict } from '../../platform/errors.ts';
import { plans } from '../../projects/index.ts';
import { editorOf, lockPlan, requireEditable } from './support.ts';

export async function updatePlan(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { title?: string; summary?: string; endYear?: number; version: number },
): Promise<void> {
  const actor = ctx.actor!;
  const { version, ...changes } = input;
  await runCommand(
    deps,
    ctx,
    { action: 'plan.update', objectType: 'plan', objectId: id, details: changes },
    async (tx) => {
      const { plan } = await lockPlan(tx, actor, id);
      editorOf(actor, plan);
      requireEditable(plan);
      if (plan.version !== version) throw versionConflict();
      if (
        changes.endYear !== undefined &&
        (plan.kind === 'annual' ? changes.endYear !== plan.year : changes.endYear < plan.year)
      ) {
        throw invalid('PLAN_YEARS_INVALID', '规划期末年份无效', { field: 'endYear' });
      }
      await tx
        .update(plans)
        .set({ ...changes, version: plan.version + 1 })
        .where(eq(plans.id, id));
    },
  );
}
