/**
 * 预算评审: the rulebook's budget body records requested vs approved per year and cost item and issues
 * the 预算审定意见 (DT-14, SC-13, XZ-11, JC-05-2/3).
 */

import type { CommandContext } from '../../platform/command.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { nextNumber } from '../../platform/numbering.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import type { RoleCode } from '../../rules/index.ts';
import { projectCommand } from '../../workflow/index.ts';
import {
  budgetReviewStep,
  formatFen,
  type ReviewLine,
  type ReviewShare,
  reviewFacts,
  validateReview,
} from '../model.ts';
import { budgetReviewLines, budgetReviews, budgetShares } from '../tables.ts';
import { approvedReview, type FundsDeps, recordStep, stepActor, throwProblems } from './support.ts';

export interface BudgetReviewInput {
  opinion: string;
  lines: ReviewLine[];
  shares: ReviewShare[];
}

export async function recordBudgetReview(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: BudgetReviewInput,
): Promise<{ id: string; number: string }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'funds.budget_review', objectType: 'project', objectId: projectId },
    async ({ tx, audit, pc }) => {
      const step = budgetReviewStep(pc.rulebook);
      if (!step) throw notFound('该项目的规则集中没有预算环节', 'STEP_NOT_FOUND');
      const role = stepActor(actor, pc, step);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      if (await approvedReview(tx, projectId))
        throw conflict('BUDGET_ALREADY_REVIEWED', '该项目已出具预算审定意见');
      throwProblems(pc.evaluation.checkStep(step.id, role.role as RoleCode));
      validateReview(input.lines, input.shares, pc.bundle.budgetYears);
      // SC-14, JC-05-3: a co-built project states the district's share and the budget carrying it.
      const shareGates = pc.evaluation
        .checkGates('review_budget', reviewFacts(input.shares))
        .filter((g) => !g.passed && g.severity === 'block');
      if (shareGates.length > 0)
        throw refused(
          'GATE_BLOCKED',
          shareGates.map((g) => `${g.reason}（${g.citation}）`).join('；'),
          shareGates[0].article,
          { field: 'shares' },
        );
      const year = Number(env.today.slice(0, 4));
      const seq = await nextNumber(tx, pc.bundle.project.jurisdictionId, 'budget_opinion', year);
      const prefix = pc.rulebook.jurisdictionName.replace(/市|区|局|县/g, '').slice(0, 2);
      const number = `${prefix}预审〔${year}〕${seq}号`;
      const action = await recordStep(tx, deps, env, actor, pc, step, role, input.opinion, {
        budgetOpinion: number,
      });
      const [review] = await tx
        .insert(budgetReviews)
        .values({
          projectId,
          stepId: step.id,
          number,
          opinion: input.opinion,
          reviewerUserId: actor.userId,
          reviewerOrganisationId: role.organisationId,
          decidedOn: env.today,
          actionId: action.id,
        })
        .returning({ id: budgetReviews.id });
      await tx.insert(budgetReviewLines).values(
        input.lines.map((l) => ({
          reviewId: review.id,
          year: l.year,
          costItem: l.costItem.trim(),
          kind: l.kind,
          requestedFen: l.requestedFen,
          approvedFen: l.approvedFen,
          cutReason: l.approvedFen < l.requestedFen ? (l.cutReason ?? '').trim() : null,
        })),
      );
      if (input.shares.length > 0)
        await tx.insert(budgetShares).values(
          input.shares.map((s) => ({
            reviewId: review.id,
            level: s.level,
            kind: s.kind,
            amountFen: s.amountFen,
            carriedBy: s.carriedBy.trim(),
          })),
        );
      const requested = input.lines.reduce((s, l) => s + l.requestedFen, 0n);
      const approved = input.lines.reduce((s, l) => s + l.approvedFen, 0n);
      audit.details = {
        stepId: step.id,
        number,
        requested: formatFen(requested),
        approved: formatFen(approved),
      };
      return { id: review.id, number };
    },
  );
}
