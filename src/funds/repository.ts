/**
 * Reads of the money module: a project's funds (budget review, shares, ledger by year, its
 * disbursements and overrides), the authority's notices, the public notices, finance's queue.
 * Visibility, filters, paging and counts are SQL; each read is a fixed number of queries.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { users } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Queryable } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { organisations } from '../platform/db/core.ts';
import {
  type ProjectContext,
  projectBudgetYears,
  projects,
  visibleIdsIn,
  visibleProjectsWhere,
  type WorkflowEnv,
} from '../projects/index.ts';
import { type LedgerRow, ledgerRows } from './model.ts';
import {
  budgetReviewLines,
  budgetReviews,
  budgetShares,
  disbursementConsents,
  disbursements,
  gateOverrides,
  publicityItems,
  publicityNotices,
  publicityObjections,
} from './tables.ts';

/** A stored disbursement row. */
export type DisbursementRecord = typeof disbursements.$inferSelect;

/** The name of an organisation, or null when there is none with that id. */
export async function organisationName(q: Queryable, id: string): Promise<string | null> {
  const [org] = await q
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return org?.name ?? null;
}

export async function reviewOf(q: Queryable, projectId: string) {
  const [review] = await q
    .select({
      id: budgetReviews.id,
      stepId: budgetReviews.stepId,
      number: budgetReviews.number,
      opinion: budgetReviews.opinion,
      decidedOn: budgetReviews.decidedOn,
      reviewerName: users.displayName,
      reviewerOrganisation: organisations.name,
    })
    .from(budgetReviews)
    .innerJoin(users, eq(users.id, budgetReviews.reviewerUserId))
    .innerJoin(organisations, eq(organisations.id, budgetReviews.reviewerOrganisationId))
    .where(eq(budgetReviews.projectId, projectId));
  if (!review) return null;
  const [lines, shares] = await readAll(q, [
    q
      .select()
      .from(budgetReviewLines)
      .where(eq(budgetReviewLines.reviewId, review.id))
      .orderBy(asc(budgetReviewLines.year), asc(budgetReviewLines.id)),
    q.select().from(budgetShares).where(eq(budgetShares.reviewId, review.id)).orderBy(asc(budgetShares.id)),
  ]);
  return { ...review, lines, shares };
}

export async function ledgerOf(q: Queryable, projectId: string): Promise<LedgerRow[]> {
  const [budgeted, approved, decided] = await readAll(q, [
    q
      .select({ year: projectBudgetYears.year, fen: projectBudgetYears.amountFen })
      .from(projectBudgetYears)
      .where(eq(projectBudgetYears.projectId, projectId)),
    q
      .select({
        year: budgetReviewLines.year,
        kind: budgetReviewLines.kind,
        fen: sql<string>`sum(${budgetReviewLines.approvedFen})`,
      })
      .from(budgetReviewLines)
      .innerJoin(budgetReviews, eq(budgetReviews.id, budgetReviewLines.reviewId))
      .where(eq(budgetReviews.projectId, projectId))
      .groupBy(budgetReviewLines.year, budgetReviewLines.kind),
    q
      .select({
        year: disbursements.year,
        kind: disbursements.kind,
        status: disbursements.status,
        fen: sql<string>`sum(${disbursements.amountFen})`,
      })
      .from(disbursements)
      .where(eq(disbursements.projectId, projectId))
      .groupBy(disbursements.year, disbursements.kind, disbursements.status),
  ]);
  const big = (r: { year: number; kind?: string; fen: string | bigint }) => ({
    year: r.year,
    kind: r.kind,
    fen: BigInt(r.fen),
  });
  return ledgerRows({
    budgeted: budgeted.map(big),
    approved: approved.map(big),
    disbursed: decided.filter((d) => d.status === 'approved').map(big),
    pending: decided.filter((d) => d.status === 'pending').map(big),
  });
}

const requester = sql<string>`(select ${users.displayName} from ${users} where ${users.id} = ${disbursements.requestedBy})`;
const decider = sql<
  string | null
>`(select ${users.displayName} from ${users} where ${users.id} = ${disbursements.decidedBy})`;

export async function disbursementsOf(q: Queryable, projectId: string) {
  return q
    .select({
      id: disbursements.id,
      year: disbursements.year,
      kind: disbursements.kind,
      amountFen: disbursements.amountFen,
      purpose: disbursements.purpose,
      status: disbursements.status,
      requestedAt: disbursements.requestedAt,
      requestedByName: requester,
      decidedAt: disbursements.decidedAt,
      decidedByName: decider,
      decisionOpinion: disbursements.decisionOpinion,
      version: disbursements.version,
    })
    .from(disbursements)
    .where(eq(disbursements.projectId, projectId))
    .orderBy(desc(disbursements.requestedAt), desc(disbursements.id));
}

/** Overrides of the given disbursements, with both users' names (requester and second approver). */
export async function overridesOf(q: Queryable, disbursementIds: string[]) {
  if (disbursementIds.length === 0) return [];
  return q
    .select({
      id: gateOverrides.id,
      disbursementId: gateOverrides.disbursementId,
      gateId: gateOverrides.gateId,
      article: gateOverrides.article,
      reason: gateOverrides.reason,
      requestedBy: gateOverrides.requestedBy,
      requestedByName: sql<string>`(select ${users.displayName} from ${users} where ${users.id} = ${gateOverrides.requestedBy})`,
      requestedAt: gateOverrides.requestedAt,
      approvedByName: sql<
        string | null
      >`(select ${users.displayName} from ${users} where ${users.id} = ${gateOverrides.approvedBy})`,
      approvedAt: gateOverrides.approvedAt,
    })
    .from(gateOverrides)
    .where(inArray(gateOverrides.disbursementId, disbursementIds))
    .orderBy(asc(gateOverrides.requestedAt), asc(gateOverrides.id));
}

export async function consentOf(q: Queryable, disbursementId: string) {
  const [row] = await q
    .select({
      decision: disbursementConsents.decision,
      opinion: disbursementConsents.opinion,
      decidedAt: disbursementConsents.decidedAt,
      decidedByName: users.displayName,
      organisation: organisations.name,
    })
    .from(disbursementConsents)
    .innerJoin(users, eq(users.id, disbursementConsents.decidedBy))
    .innerJoin(organisations, eq(organisations.id, disbursementConsents.organisationId))
    .where(eq(disbursementConsents.disbursementId, disbursementId));
  return row ?? null;
}

/**
 * Finance's (or a department's) queue: disbursements of the projects the caller sees, by status and
 * budget year (the cockpit's 已拨付 drill-down), with the count and the amount of all matching rows.
 */
export async function disbursementQueue(
  q: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  filter: { status?: string; year?: number; limit: number; offset: number },
) {
  const visible = await visibleProjectsWhere(q, env, actor);
  if (!visible) return { items: [], total: 0, amountFen: 0n };
  const where = and(
    inArray(disbursements.projectId, visibleIdsIn(visible)),
    filter.status ? eq(disbursements.status, filter.status) : undefined,
    filter.year !== undefined ? eq(disbursements.year, filter.year) : undefined,
  );
  const [items, [{ total, fen }]] = await readAll(q, [
    q
      .select({
        id: disbursements.id,
        projectId: disbursements.projectId,
        projectCode: projects.code,
        projectName: projects.name,
        department: organisations.name,
        year: disbursements.year,
        kind: disbursements.kind,
        amountFen: disbursements.amountFen,
        purpose: disbursements.purpose,
        status: disbursements.status,
        requestedAt: disbursements.requestedAt,
        requestedByName: requester,
        decidedAt: disbursements.decidedAt,
        version: disbursements.version,
      })
      .from(disbursements)
      .innerJoin(projects, eq(projects.id, disbursements.projectId))
      .innerJoin(organisations, eq(organisations.id, disbursements.requestingOrganisationId))
      .where(where)
      .orderBy(desc(disbursements.requestedAt), asc(disbursements.id))
      .limit(filter.limit)
      .offset(filter.offset),
    q
      .select({ total: count(), fen: sql<string | null>`sum(${disbursements.amountFen})` })
      .from(disbursements)
      .where(where),
  ]);
  return { items, total: Number(total), amountFen: BigInt(fen ?? 0) };
}

// ---- publicity ---------------------------------------------------------------------------------

const itemCount = sql<number>`(select count(*)::int from ${publicityItems} where ${publicityItems.noticeId} = ${publicityNotices.id})`;
const itemTotal = sql<string>`(select coalesce(sum(${publicityItems.amountFen}), 0) from ${publicityItems} where ${publicityItems.noticeId} = ${publicityNotices.id})`;
const objectionCount = sql<number>`(select count(*)::int from ${publicityObjections} where ${publicityObjections.noticeId} = ${publicityNotices.id})`;
const openObjections = sql<number>`(select count(*)::int from ${publicityObjections} where ${publicityObjections.noticeId} = ${publicityNotices.id} and ${publicityObjections.answer} is null)`;

const noticeColumns = {
  id: publicityNotices.id,
  title: publicityNotices.title,
  year: publicityNotices.year,
  startsOn: publicityNotices.startsOn,
  endsOn: publicityNotices.endsOn,
  status: publicityNotices.status,
  publishedAt: publicityNotices.publishedAt,
  version: publicityNotices.version,
  authority: organisations.name,
  itemCount,
  itemTotal,
};

/** The notices of the caller's authority organisations. */
export async function noticesOf(
  q: Queryable,
  organisationIds: string[],
  paging: { limit: number; offset: number },
) {
  if (organisationIds.length === 0) return { items: [], total: 0 };
  const where = inArray(publicityNotices.organisationId, organisationIds);
  const [items, [{ total }]] = await readAll(q, [
    q
      .select({ ...noticeColumns, objectionCount, openObjections })
      .from(publicityNotices)
      .innerJoin(organisations, eq(organisations.id, publicityNotices.organisationId))
      .where(where)
      .orderBy(desc(publicityNotices.createdAt), desc(publicityNotices.id))
      .limit(paging.limit)
      .offset(paging.offset),
    q.select({ total: count() }).from(publicityNotices).where(where),
  ]);
  return { items, total: Number(total) };
}

export async function noticeItems(q: Queryable, noticeId: string) {
  return q
    .select({
      projectId: publicityItems.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      department: organisations.name,
      amountFen: publicityItems.amountFen,
    })
    .from(publicityItems)
    .innerJoin(projects, eq(projects.id, publicityItems.projectId))
    .innerJoin(organisations, eq(organisations.id, publicityItems.organisationId))
    .where(eq(publicityItems.noticeId, noticeId))
    .orderBy(asc(publicityItems.id));
}

export async function noticeObjections(q: Queryable, noticeId: string, answeredOnly: boolean) {
  return q
    .select({
      id: publicityObjections.id,
      content: publicityObjections.content,
      createdAt: publicityObjections.createdAt,
      answer: publicityObjections.answer,
      answeredAt: publicityObjections.answeredAt,
    })
    .from(publicityObjections)
    .where(
      and(
        eq(publicityObjections.noticeId, noticeId),
        answeredOnly ? isNotNull(publicityObjections.answer) : undefined,
      ),
    )
    .orderBy(asc(publicityObjections.createdAt), asc(publicityObjections.id));
}

/** Published notices the public sees on `today`: current (between the dates) or ended, never before the start. */
export async function publicNotices(
  q: Queryable,
  today: string,
  phase: 'current' | 'ended',
  paging: { limit: number; offset: number },
) {
  const where = and(
    eq(publicityNotices.status, 'published'),
    lte(publicityNotices.startsOn, today),
    phase === 'current' ? gte(publicityNotices.endsOn, today) : sql`${publicityNotices.endsOn} < ${today}`,
  );
  const [items, [{ total }]] = await readAll(q, [
    q
      .select(noticeColumns)
      .from(publicityNotices)
      .innerJoin(organisations, eq(organisations.id, publicityNotices.organisationId))
      .where(where)
      .orderBy(desc(publicityNotices.startsOn), asc(publicityNotices.id))
      .limit(paging.limit)
      .offset(paging.offset),
    q.select({ total: count() }).from(publicityNotices).where(where),
  ]);
  return { items, total: Number(total) };
}

export async function publicNotice(q: Queryable, id: string, today: string) {
  const [notice] = await q
    .select(noticeColumns)
    .from(publicityNotices)
    .innerJoin(organisations, eq(organisations.id, publicityNotices.organisationId))
    .where(
      and(
        eq(publicityNotices.id, id),
        eq(publicityNotices.status, 'published'),
        lte(publicityNotices.startsOn, today),
      ),
    );
  return notice ?? null;
}

export type { ProjectContext };
