import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { planEntries, plans, projects } from '../../projects/index.ts';
import { editorOf, lockPlan, requireEditable } from './support.ts';

export async function removePlanEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  entryId: string,
): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(
    deps,
    ctx,
    { action: 'plan.entry_remove', objectType: 'plan', objectId: id, details: { entryId } },
    async (tx) => {
      const { plan } = await lockPlan(tx, actor, id);
      editorOf(actor, plan);
      requireEditable(plan);
      const [linked] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.planEntryId, entryId));
      if (linked) throw conflict('ENTRY_IN_USE', '已有项目关联该计划条目，不能删除');
      const removed = await tx
        .delete(planEntries)
        .where(and(eq(planEntries.id, entryId), eq(planEntries.planId, id)))
        .returning({ id: planEntries.id });
      if (removed.length === 0) throw notFound('计划条目不存在', 'ENTRY_NOT_FOUND');
      await tx
        .update(plans)
        .set({ version: plan.version + 1 })
        .where(eq(plans.id, id));
    },
  );
}
