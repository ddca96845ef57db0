import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { yuanToFen } from '../../platform/documents/format.ts';
import { conflict, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { changeRequests } from '../tables.ts';
import {
  type ChangeInput,
  currentBaseline,
  requireActor,
  requireEstablished,
  rulesOf,
  validatePlan,
} from './support.ts';

/** 调整申请: what changes and why, with the baseline asked for. One open application at a time. */
export async function requestChange(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: ChangeInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'change.request', objectType: 'project', objectId: projectId },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.changes.articles[0];
      const role = requireActor(pc, actor, rules.changes.applicant, article, '调整申请');
      requireEstablished(pc, article);
      const current = await currentBaseline(tx, projectId);
      if (!current) throw refused('BASELINE_REQUIRED', '请先建立进度计划，再申请调整', article);
      const [open] = await tx
        .select({ id: changeRequests.id })
        .from(changeRequests)
        .where(
          and(
            eq(changeRequests.projectId, projectId),
            inArray(changeRequests.state, ['submitted', 'evaluated']),
          ),
        );
      if (open) throw conflict('CHANGE_OPEN', '已有一份调整申请在办理中', { article });
      const budget = yuanToFen(input.totalBudget);
      const plan = validatePlan(rules, { ...input, startOn: current.startOn }, budget);
      const [row] = await tx
        .insert(changeRequests)
        .values({
          projectId,
          kinds: [...new Set(input.kinds)],
          description: input.description.trim(),
          reason: input.reason.trim(),
          proposedMilestones: plan.milestones,
          proposedFunds: plan.plannedFunds,
          proposedBudgetFen: budget,
          requestedBy: actor.userId,
          requestedOrganisationId: role.organisationId,
          requestedOn: env.today,
          createdAt: env.now,
        })
        .returning({ id: changeRequests.id });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.objectType = 'change_request';
      audit.objectId = row.id;
      audit.details = { kinds: input.kinds, projectId };
      return row.id;
    },
    { refresh: false },
  );
}
