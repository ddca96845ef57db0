/** 安排经费 / 上报预算: the budget steps after the review and the publicity. */

import type { CommandContext } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import type { RoleCode } from '../../rules/index.ts';
import { projectCommand } from '../../workflow/index.ts';
import { otherBudgetSteps } from '../model.ts';
import { type FundsDeps, recordStep, stepActor, throwProblems } from './support.ts';

export async function decideBudgetStep(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  stepId: string,
  opinion: string,
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'funds.budget_step', objectType: 'project', objectId: projectId, details: { stepId } },
    async ({ tx, audit, pc }) => {
      const step = otherBudgetSteps(pc.rulebook).find((s) => s.id === stepId);
      if (!step) throw notFound('该项目的预算环节中没有这个步骤', 'STEP_NOT_FOUND');
      const role = stepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      throwProblems(pc.evaluation.checkStep(step.id, role.role as RoleCode));
      await recordStep(tx, deps, env, actor, pc, step, role, opinion, {});
    },
  );
}
