import type { CommandContext } from '../../platform/command.ts';
import { refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { progressBaselines } from '../tables.ts';
import {
  type BaselineInput,
  currentBaseline,
  openReportObligations,
  requireActor,
  requireEstablished,
  rulesOf,
  validatePlan,
} from './support.ts';

/** The first baseline: planned milestones and funds against the approved application's total budget. */
export async function createBaseline(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: BaselineInput,
): Promise<number> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'progress.baseline', objectType: 'project', objectId: projectId },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.reports.articles[0];
      const role = requireActor(pc, actor, rules.reports.reporter, article, '进度计划');
      requireEstablished(pc, article);
      if (await currentBaseline(tx, projectId)) {
        throw refused('BASELINE_EXISTS', '进度计划已建立；调整须提交调整申请', rules.changes.articles[0]);
      }
      const total = pc.bundle.project.totalBudgetFen;
      const plan = validatePlan(rules, input, total);
      await tx.insert(progressBaselines).values({
        projectId,
        baselineVersion: 1,
        startOn: input.startOn,
        milestones: plan.milestones,
        plannedFunds: plan.plannedFunds,
        totalBudgetFen: total,
        createdBy: actor.userId,
        createdAt: env.now,
      });
      const opened = await openReportObligations(tx, env, pc, rules, input.startOn, plan.milestones);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { baselineVersion: 1, milestones: plan.milestones.length, obligations: opened };
      return 1;
    },
    { refresh: false },
  );
}
