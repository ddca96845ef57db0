/**
 * Tables of the money module (issue 13): budget review with its lines and co-building shares,
 * fund-allocation publicity (公示) with public objections, disbursement requests with the 局党组
 * consent decision and gate overrides. Money is integer fen (bigint), never a float. Editable rows
 * carry `version` (409 VERSION_CONFLICT on a stale one). The ledger is not a table: it is summed
 * in SQL from budget years, approved budget lines and approved disbursements.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/tables.ts';
import { fen, stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';

/** 预算评审 (DT-14, SC-13, XZ-11, JC-04): one per project, by the body the rulebook names. */
export const budgetReviews = pgTable(
  'budget_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** The rulebook step the review completes (dt.budget.review, sc.budget.review, …). */
    stepId: text('step_id').notNull(),
    /** 预算审定意见 number, e.g. 大同预审〔2026〕1号. */
    number: text('number').notNull(),
    opinion: text('opinion').notNull(),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    reviewerOrganisationId: uuid('reviewer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** The project_actions row recording the step's outcome. */
    actionId: bigint('action_id', { mode: 'number' }).notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('budget_reviews_project_uq').on(t.projectId),
    uniqueIndex('budget_reviews_number_uq').on(t.number),
  ],
);

/** Requested vs approved per year and cost item; a cut (核减) needs its reason. */
export const budgetReviewLines = pgTable(
  'budget_review_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => budgetReviews.id),
    year: integer('year').notNull(),
    costItem: text('cost_item').notNull(),
    /** construction 建设资金 | om 运维经费 */
    kind: text('kind').notNull(),
    requestedFen: fen('requested_fen').notNull(),
    approvedFen: fen('approved_fen').notNull(),
    cutReason: text('cut_reason'),
  },
  (t) => [
    uniqueIndex('budget_review_lines_uq').on(t.reviewId, t.year, t.costItem, t.kind),
    check('budget_review_lines_year_ck', sql`${t.year} between 2000 and 2100`),
    check('budget_review_lines_kind_ck', sql`${t.kind} in ('construction', 'om')`),
    check(
      'budget_review_lines_amount_ck',
      sql`${t.requestedFen} >= 0 and ${t.approvedFen} >= 0 and ${t.approvedFen} <= ${t.requestedFen}`,
    ),
    check(
      'budget_review_lines_cut_ck',
      sql`${t.approvedFen} = ${t.requestedFen} or length(trim(coalesce(${t.cutReason}, ''))) > 0`,
    ),
  ],
);

/** Co-built projects (DT-16, SC-14, JC-05-3): each level's share and the budget that carries it. */
export const budgetShares = pgTable(
  'budget_shares',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => budgetReviews.id),
    /** national | province | city | county | district */
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** Which budget carries it, e.g. 县级财政预算. */
    carriedBy: text('carried_by').notNull(),
  },
  (t) => [
    uniqueIndex('budget_shares_uq').on(t.reviewId, t.level, t.kind),
    check(
      'budget_shares_level_ck',
      sql`${t.level} in ('national', 'province', 'city', 'county', 'district')`,
    ),
    check('budget_shares_kind_ck', sql`${t.kind} in ('construction', 'om')`),
    check('budget_shares_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** 资金拟分配计划公示 (DT-15, SC-13). Public between `starts_on` and `ends_on` once published. */
export const publicityNotices = pgTable(
  'publicity_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: stamp('published_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('publicity_notices_jurisdiction_idx').on(t.jurisdictionId, t.startsOn),
    check('publicity_notices_status_ck', sql`${t.status} in ('draft', 'published')`),
    check('publicity_notices_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('publicity_notices_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/** One project of a notice: the department and the amount planned for it. */
export const publicityItems = pgTable(
  'publicity_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicityNotices.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    amountFen: fen('amount_fen').notNull(),
  },
  (t) => [
    uniqueIndex('publicity_items_uq').on(t.noticeId, t.projectId),
    check('publicity_items_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** An anonymous objection to a notice; the authority's answer is published with it. */
export const publicityObjections = pgTable(
  'publicity_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicityNotices.id),
    content: text('content').notNull(),
    /** HMAC-SM3 of the client address: counts a burst without storing the address. */
    clientKey: text('client_key').notNull(),
    createdAt: stamp('created_at').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: stamp('answered_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('publicity_objections_notice_idx').on(t.noticeId, t.createdAt),
    index('publicity_objections_client_idx').on(t.clientKey, t.createdAt),
    check('publicity_objections_content_ck', sql`length(${t.content}) between 1 and 2000`),
  ],
);

/** A department's request to disburse construction or O&M funds; finance decides. */
export const disbursements = pgTable(
  'disbursements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    amountFen: fen('amount_fen').notNull(),
    purpose: text('purpose').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestingOrganisationId: uuid('requesting_organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedAt: stamp('requested_at').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: stamp('decided_at'),
    decisionOpinion: text('decision_opinion'),
    /** The gate results at the decision, as shown to finance. */
    gateResults: jsonb('gate_results').$type<Record<string, unknown>[]>(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('disbursements_project_idx').on(t.projectId, t.year),
    index('disbursements_status_idx').on(t.status, t.requestedAt),
    check('disbursements_kind_ck', sql`${t.kind} in ('construction', 'om')`),
    check('disbursements_status_ck', sql`${t.status} in ('pending', 'approved', 'refused')`),
    check('disbursements_amount_ck', sql`${t.amountFen} > 0`),
    check('disbursements_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/** XZ-05b: the 局党组's decision on one disbursement (consent or refusal), recorded with its opinion. */
export const disbursementConsents = pgTable(
  'disbursement_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disbursementId: uuid('disbursement_id')
      .notNull()
      .references(() => disbursements.id),
    decision: text('decision').notNull(),
    opinion: text('opinion').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    decidedAt: stamp('decided_at').notNull(),
  },
  (t) => [
    uniqueIndex('disbursement_consents_uq').on(t.disbursementId),
    check('disbursement_consents_decision_ck', sql`${t.decision} in ('consent', 'refuse')`),
  ],
);

/**
 * An override of one softened gate (一般 / 原则上) for one disbursement: requested with a reason by a
 * finance user, approved by a second, different one. Absolute gates never get a row.
 */
export const gateOverrides = pgTable(
  'gate_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disbursementId: uuid('disbursement_id')
      .notNull()
      .references(() => disbursements.id),
    gateId: text('gate_id').notNull(),
    article: text('article').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: stamp('requested_at').notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: stamp('approved_at'),
  },
  (t) => [
    uniqueIndex('gate_overrides_uq').on(t.disbursementId, t.gateId),
    check('gate_overrides_two_users_ck', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.requestedBy}`),
    check('gate_overrides_reason_ck', sql`length(trim(${t.reason})) > 0`),
  ],
);
