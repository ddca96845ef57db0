/**
 * A project's money as its parties see it: the budget steps, the review and shares, the ledger by
 * year and kind, disbursements and overrides.
 */

import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import {
  actingRoles,
  actorLabel,
  heldRoles,
  parties,
  visibleContext,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { budgetReviewStep, formatFen, levelLabel, otherBudgetSteps, publicityStep } from '../model.ts';
import { presentDisbursement, presentOverride } from '../presenter.ts';
import { disbursementsOf, ledgerOf, overridesOf, reviewOf } from '../repository.ts';

export async function fundsView(db: Queryable, e: WorkflowEnv, actor: Actor, id: string) {
  const { pc, relation } = await visibleContext(db, e, actor, id);
  if (relation.parties.size === 0 && relation.assignment?.kind !== 'evaluator')
    throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  const [review, ledger, list] = await Promise.all([
    reviewOf(db, id),
    ledgerOf(db, id),
    disbursementsOf(db, id),
  ]);
  const overrides = await overridesOf(
    db,
    list.map((d) => d.id),
  );
  const budgetSteps = [
    budgetReviewStep(pc.rulebook),
    publicityStep(pc.rulebook),
    ...otherBudgetSteps(pc.rulebook),
  ]
    .filter((s) => s !== undefined)
    .sort(
      (a, b) =>
        pc.evaluation.steps.findIndex((s) => s.stepId === a.id) -
        pc.evaluation.steps.findIndex((s) => s.stepId === b.id),
    );
  const requested = review?.lines.reduce((s, l) => s + l.requestedFen, 0n) ?? 0n;
  const approved = review?.lines.reduce((s, l) => s + l.approvedFen, 0n) ?? 0n;
  return {
    project: {
      id,
      code: pc.bundle.project.code,
      name: pc.bundle.project.name,
      rulebook: pc.rulebook.id,
      department:
        pc.directory.organisations.find((o) => o.id === pc.bundle.project.ownerOrganisationId)?.name ?? '',
      totalBudget: formatFen(pc.bundle.project.totalBudgetFen),
      budgetYears: pc.bundle.budgetYears.map((y) => ({ year: y.year, amount: formatFen(y.amountFen) })),
      coBuilt: pc.bundle.coBuilderIds.length > 0 || pc.bundle.project.parentProjectId !== null,
    },
    steps: budgetSteps.map((step) => ({
      stepId: step.id,
      name: step.name,
      status: pc.evaluation.steps.find((s) => s.stepId === step.id)?.status ?? 'pending',
      actor: actorLabel(pc.rulebook, step),
      articles: step.articles,
      canAct: actingRoles(heldRoles(actor), pc.rulebook, step, parties(pc.bundle), pc.bindings).length > 0,
    })),
    review: review
      ? {
          id: review.id,
          stepId: review.stepId,
          number: review.number,
          opinion: review.opinion,
          decidedOn: review.decidedOn,
          reviewerName: review.reviewerName,
          reviewerOrganisation: review.reviewerOrganisation,
          requested: formatFen(requested),
          approved: formatFen(approved),
          cut: formatFen(requested - approved),
          lines: review.lines.map((l) => ({
            year: l.year,
            costItem: l.costItem,
            kind: l.kind,
            requested: formatFen(l.requestedFen),
            approved: formatFen(l.approvedFen),
            cut: formatFen(l.requestedFen - l.approvedFen),
            cutReason: l.cutReason,
          })),
          shares: review.shares.map((s) => ({
            level: s.level,
            levelLabel: levelLabel(s.level),
            kind: s.kind,
            amount: formatFen(s.amountFen),
            carriedBy: s.carriedBy,
          })),
        }
      : null,
    ledger: ledger.map((r) => ({
      year: r.year,
      budgeted: formatFen(r.budgetedFen),
      approvedConstruction: formatFen(r.approvedConstructionFen),
      approvedOm: formatFen(r.approvedOmFen),
      disbursedConstruction: formatFen(r.disbursedConstructionFen),
      disbursedOm: formatFen(r.disbursedOmFen),
      pending: formatFen(r.pendingFen),
    })),
    disbursements: list.map(presentDisbursement),
    overrides: overrides.map(presentOverride),
  };
}
