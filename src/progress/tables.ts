/**
 * Progress records (issue 12): baselines (planned milestones, planned funds per period, total
 * budget; one version per approved change, the old ones kept), periodic progress reports (what was
 * done, percent done, funds used — variance and risk are computed on read, never stored as
 * reported), and adjustment applications (调整申请) with their evaluation and decision.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
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
import { organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';
import type { ChangeKind, ChangeState, Milestone, PlannedFunds } from './model.ts';

export { CHANGE_KINDS, CHANGE_STATES, type ChangeKind, type ChangeState } from './model.ts';

export const progressBaselines = pgTable(
  'progress_baselines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    /** 1 from the approved application; +1 for each approved adjustment application. */
    baselineVersion: integer('baseline_version').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    milestones: jsonb('milestones').$type<Milestone[]>().notNull(),
    plannedFunds: jsonb('planned_funds').$type<PlannedFunds[]>().notNull(),
    totalBudgetFen: fen('total_budget_fen').notNull(),
    /** The adjustment application it comes from; null for the first one. */
    changeRequestId: uuid('change_request_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('progress_baselines_version_uq').on(t.projectId, t.baselineVersion),
    check('progress_baselines_version_ck', sql`${t.baselineVersion} >= 1`),
    check('progress_baselines_budget_ck', sql`${t.totalBudgetFen} >= 0`),
    // Foreign keys a hand-written migration created inline keep PostgreSQL's `<table>_<column>_fkey` name
    // (drizzle's `.references()` would declare `..._fk`, and db:generate would then rename them).
    foreignKey({
      name: 'progress_baselines_created_by_fkey',
      columns: [t.createdBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'progress_baselines_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
  ],
);

export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    /** `YYYY-MM` of the period's first month. */
    period: text('period').notNull(),
    /** The period's last day: the day the plan is compared at. */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** The baseline current when it was reported (variance is shown against the current one). */
    baselineVersion: integer('baseline_version').notNull(),
    milestones: jsonb('milestones').$type<{ name: string; doneOn: string | null }[]>().notNull(),
    percentDone: integer('percent_done').notNull(),
    fundsUsedFen: fen('funds_used_fen').notNull(),
    note: text('note').notNull().default(''),
    reportedBy: uuid('reported_by').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('progress_reports_period_uq').on(t.projectId, t.period),
    check('progress_reports_percent_ck', sql`${t.percentDone} between 0 and 100`),
    check('progress_reports_funds_ck', sql`${t.fundsUsedFen} >= 0`),
    foreignKey({
      name: 'progress_reports_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
    foreignKey({
      name: 'progress_reports_reported_by_fkey',
      columns: [t.reportedBy],
      foreignColumns: [users.id],
    }),
  ],
);

export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    kinds: jsonb('kinds').$type<ChangeKind[]>().notNull(),
    description: text('description').notNull(),
    reason: text('reason').notNull(),
    /** The baseline asked for (becomes the next baseline version when approved). */
    proposedMilestones: jsonb('proposed_milestones').$type<Milestone[]>().notNull(),
    proposedFunds: jsonb('proposed_funds').$type<PlannedFunds[]>().notNull(),
    proposedBudgetFen: fen('proposed_budget_fen').notNull(),
    state: text('state').$type<ChangeState>().notNull().default('submitted'),
    requestedBy: uuid('requested_by').notNull(),
    requestedOrganisationId: uuid('requested_organisation_id').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    evaluatedBy: uuid('evaluated_by'),
    evaluatedOn: date('evaluated_on', { mode: 'string' }),
    evaluationOpinion: text('evaluation_opinion'),
    /** JC 五.5: the departments or technical experts who took part in the evaluation. */
    evaluationParticipants: text('evaluation_participants'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionOpinion: text('decision_opinion'),
    /** The baseline version the approval created. */
    baselineVersion: integer('baseline_version'),
    createdAt: stamp('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('change_requests_project_idx').on(t.projectId, t.state),
    check(
      'change_requests_state_ck',
      sql`${t.state} in ('submitted', 'evaluated', 'approved', 'rejected', 'completed')`,
    ),
    check('change_requests_budget_ck', sql`${t.proposedBudgetFen} >= 0`),
    check('change_requests_evaluated_ck', sql`(${t.evaluatedBy} is null) = (${t.evaluatedOn} is null)`),
    check('change_requests_decided_ck', sql`(${t.decidedBy} is null) = (${t.decidedOn} is null)`),
    check('change_requests_not_own_ck', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
    foreignKey({
      name: 'change_requests_decided_by_fkey',
      columns: [t.decidedBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'change_requests_evaluated_by_fkey',
      columns: [t.evaluatedBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'change_requests_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [projects.id],
    }),
    foreignKey({
      name: 'change_requests_requested_by_fkey',
      columns: [t.requestedBy],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'change_requests_requested_organisation_id_fkey',
      columns: [t.requestedOrganisationId],
      foreignColumns: [organisations.id],
    }),
  ],
);
