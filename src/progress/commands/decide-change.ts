import { eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { conflict, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { type ProjectDeps, projectCommand } from '../../workflow/index.ts';
import { changeRequests, progressBaselines } from '../tables.ts';
import {
  currentBaseline,
  lockRequest,
  notOwn,
  openReportObligations,
  requireActor,
  rulesOf,
} from './support.ts';

/** The decision: approved makes the proposal the next baseline version (the old ones stay). */
export async function decideChange(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  id: string,
  input: { decision: 'approved' | 'rejected'; opinion: string; version: number },
): Promise<{ baselineVersion: number | null }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'change.decide',
      objectType: 'change_request',
      objectId: id,
      details: { decision: input.decision },
    },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.changes.articles[0];
      const role = requireActor(pc, actor, rules.changes.decider, article, '调整申请的决定');
      const row = await lockRequest(tx, projectId, id, input.version);
      notOwn(actor, row, article);
      const evaluateFirst = rules.changes.order === 'evaluate_then_decide';
      if (evaluateFirst && row.state === 'submitted') {
        throw refused(
          'CHANGE_NOT_EVALUATED',
          `调整申请须经${rules.changes.evaluator.name}综合评估后再提出意见`,
          article,
        );
      }
      if (row.state !== (evaluateFirst ? 'evaluated' : 'submitted')) {
        throw conflict('CHANGE_NOT_PENDING', '该调整申请不在待决定状态', { article });
      }
      let baselineVersion: number | null = null;
      if (input.decision === 'approved') {
        const current = await currentBaseline(tx, projectId);
        baselineVersion = (current?.baselineVersion ?? 0) + 1;
        const startOn = current?.startOn ?? env.today;
        await tx.insert(progressBaselines).values({
          projectId,
          baselineVersion,
          startOn,
          milestones: row.proposedMilestones,
          plannedFunds: row.proposedFunds,
          totalBudgetFen: row.proposedBudgetFen,
          changeRequestId: row.id,
          createdBy: actor.userId,
          createdAt: env.now,
        });
        await openReportObligations(tx, env, pc, rules, startOn, row.proposedMilestones);
      }
      await tx
        .update(changeRequests)
        .set({
          state: input.decision,
          decidedBy: actor.userId,
          decidedOn: env.today,
          decisionOpinion: input.opinion.trim(),
          baselineVersion,
          version: sql`${changeRequests.version} + 1`,
        })
        .where(eq(changeRequests.id, id));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { projectId, decision: input.decision, baselineVersion };
      return { baselineVersion };
    },
    { refresh: false },
  );
}
