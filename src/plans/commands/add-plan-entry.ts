import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { yuanToFen } from '../../platform/documents/format.ts';
import { invalid } from '../../platform/errors.ts';
import { jurisdictionSubtree, loadDirectory, planEntries, plans } from '../../projects/index.ts';
import { editorOf, lockPlan, requireEditable } from './support.ts';

export async function addPlanEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: {
    organisationId: string;
    projectName: string;
    estimatedBudget: string;
    year: number;
    summary: string;
  },
): Promise<string> {
  const actor = ctx.actor!;
  return runCommand(
    deps,
    ctx,
    {
      action: 'plan.entry_add',
      objectType: 'plan',
      objectId: id,
      details: { projectName: input.projectName },
    },
    async (tx) => {
      const { plan } = await lockPlan(tx, actor, id);
      editorOf(actor, plan);
      requireEditable(plan);
      const directory = await loadDirectory(tx);
      const org = directory.organisations.find((o) => o.id === input.organisationId);
      const allowed =
        plan.scope === 'department'
          ? input.organisationId === plan.organisationId
          : org?.kind === 'department' &&
            jurisdictionSubtree(directory, plan.jurisdictionId).includes(org.jurisdictionId);
      if (!org || !allowed) {
        throw invalid('ENTRY_ORGANISATION_INVALID', '计划条目的单位须为本级管辖的部门', {
          field: 'organisationId',
        });
      }
      if (input.year < plan.year || input.year > plan.endYear) {
        throw invalid('ENTRY_YEAR_INVALID', `计划条目的年度应在 ${plan.year}–${plan.endYear} 之间`, {
          field: 'year',
        });
      }
      const [row] = await tx
        .insert(planEntries)
        .values({
          planId: id,
          organisationId: input.organisationId,
          projectName: input.projectName.trim(),
          estimatedBudgetFen: yuanToFen(input.estimatedBudget),
          year: input.year,
          summary: input.summary,
          createdAt: deps.clock.now(),
        })
        .returning({ id: planEntries.id });
      await tx
        .update(plans)
        .set({ version: plan.version + 1 })
        .where(eq(plans.id, id));
      return row.id;
    },
  );
}
