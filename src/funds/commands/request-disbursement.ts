/** The department asks for a payment within what remains of the approved budget of that year and kind. */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/command.ts';
import { invalid, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { projectCommand } from '../../workflow/index.ts';
import { budgetReviewStep, type FundKind, formatFen, fundsArrangedStep } from '../model.ts';
import { budgetReviewLines, disbursements } from '../tables.ts';
import { approvedReview, departmentRole, type FundsDeps } from './support.ts';

export interface DisbursementInput {
  projectId: string;
  year: number;
  kind: FundKind;
  amountFen: bigint;
  purpose: string;
}

export async function requestDisbursement(
  deps: FundsDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  input: DisbursementInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    input.projectId,
    { action: 'funds.disbursement_request', objectType: 'project', objectId: input.projectId },
    async ({ tx, audit, pc }) => {
      const role = departmentRole(actor, pc);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      const review = await approvedReview(tx, input.projectId);
      if (!review)
        throw refused(
          'BUDGET_NOT_APPROVED',
          '项目尚无预算审定意见，不能申请拨付',
          budgetReviewStep(pc.rulebook)?.articles[0] ?? '',
        );
      const arranged = fundsArrangedStep(pc.rulebook);
      const arrangedStatus = pc.evaluation.steps.find((s) => s.stepId === arranged?.id)?.status;
      if (arranged && arrangedStatus !== 'done')
        throw refused(
          'FUNDS_NOT_ARRANGED',
          `项目经费尚未安排（“${arranged.name}”未完成），不能申请拨付`,
          arranged.articles[0] ?? '',
        );
      const [approved] = await tx
        .select({ fen: sql<string>`coalesce(sum(${budgetReviewLines.approvedFen}), 0)` })
        .from(budgetReviewLines)
        .where(
          and(
            eq(budgetReviewLines.reviewId, review.id),
            eq(budgetReviewLines.year, input.year),
            eq(budgetReviewLines.kind, input.kind),
          ),
        );
      const [used] = await tx
        .select({ fen: sql<string>`coalesce(sum(${disbursements.amountFen}), 0)` })
        .from(disbursements)
        .where(
          and(
            eq(disbursements.projectId, input.projectId),
            eq(disbursements.year, input.year),
            eq(disbursements.kind, input.kind),
            ne(disbursements.status, 'refused'),
          ),
        );
      const remaining = BigInt(approved.fen) - BigInt(used.fen);
      if (input.amountFen > remaining)
        throw invalid(
          'AMOUNT_EXCEEDS_BUDGET',
          `申请金额超过${input.year}年审定预算的可拨付余额（${formatFen(remaining < 0n ? 0n : remaining)}元）`,
          { field: 'amount' },
        );
      const [row] = await tx
        .insert(disbursements)
        .values({
          projectId: input.projectId,
          year: input.year,
          kind: input.kind,
          amountFen: input.amountFen,
          purpose: input.purpose.trim(),
          requestedBy: actor.userId,
          requestingOrganisationId: role.organisationId,
          requestedAt: env.now,
        })
        .returning({ id: disbursements.id });
      audit.objectType = 'disbursement';
      audit.objectId = row.id;
      audit.details = {
        projectId: input.projectId,
        year: input.year,
        kind: input.kind,
        amount: formatFen(input.amountFen),
      };
      return row.id;
    },
    { refresh: false },
  );
}
