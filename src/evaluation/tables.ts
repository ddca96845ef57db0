/**
 * Yearly evaluation (issue 14, migration 0020_evaluation): rounds per jurisdiction and budget year,
 * versioned indicator sets, self-evaluations with finance spot-checks, project scores, efficacy
 * evaluations per operating system and rectification opinions. The department's rolled-up score
 * and grade go to `department_assessments` (src/projects/tables.ts), where reviewers see it.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { informationSystems } from '../catalog/tables.ts';
import { users } from '../identity/tables.ts';
import { fen, stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';
import type { Indicator } from '../rules/index.ts';

export const evalRounds = pgTable(
  'eval_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The budget year evaluated. */
    year: integer('year').notNull(),
    /** The date the authority set for self-evaluation reports. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: stamp('opened_at').notNull(),
    rolledUpAt: stamp('rolled_up_at'),
    publishedAt: stamp('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('eval_rounds_uq').on(t.jurisdictionId, t.year),
    check('eval_rounds_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

export const evalIndicatorSets = pgTable(
  'eval_indicator_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('eval_indicator_sets_uq').on(t.jurisdictionId, t.year, t.version),
    check('eval_indicator_sets_version_ck', sql`${t.version} >= 1`),
  ],
);

export interface TargetAchieved {
  indicator: string;
  target: string;
  achieved: string;
}

export const evalSelfEvaluations = pgTable(
  'eval_self_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evalRounds.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    targets: jsonb('targets').$type<TargetAchieved[]>().notNull(),
    fundsUsedFen: fen('funds_used_fen').notNull(),
    outputs: text('outputs').notNull(),
    effects: text('effects').notNull(),
    problems: text('problems').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: stamp('submitted_at').notNull(),
  },
  (t) => [
    uniqueIndex('eval_self_evaluations_uq').on(t.roundId, t.projectId),
    index('eval_self_evaluations_org_idx').on(t.organisationId),
    check('eval_self_evaluations_funds_ck', sql`${t.fundsUsedFen} >= 0`),
  ],
);

export const evalSpotChecks = pgTable(
  'eval_spot_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    selfEvaluationId: uuid('self_evaluation_id')
      .notNull()
      .references(() => evalSelfEvaluations.id),
    financeOrganisationId: uuid('finance_organisation_id')
      .notNull()
      .references(() => organisations.id),
    conclusion: text('conclusion').$type<'consistent' | 'issues'>().notNull(),
    /** 重点项目绩效评价 (SC-22, XZ-23). */
    keyProject: boolean('key_project').notNull().default(false),
    findings: text('findings').notNull(),
    checkedBy: uuid('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: stamp('checked_at').notNull(),
  },
  (t) => [
    uniqueIndex('eval_spot_checks_uq').on(t.selfEvaluationId),
    check('eval_spot_checks_conclusion_ck', sql`${t.conclusion} in ('consistent', 'issues')`),
  ],
);

export const evalProjectScores = pgTable(
  'eval_project_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evalRounds.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    phase: text('phase').$type<'construction' | 'operation'>().notNull(),
    indicatorSetId: uuid('indicator_set_id')
      .notNull()
      .references(() => evalIndicatorSets.id),
    scores: jsonb('scores').$type<{ code: string; score: number }[]>().notNull(),
    /** The weighted score in tenths of a point (0–1000). */
    totalTenths: integer('total_tenths').notNull(),
    comment: text('comment').notNull().default(''),
    scoredBy: uuid('scored_by')
      .notNull()
      .references(() => users.id),
    scoredAt: stamp('scored_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('eval_project_scores_uq').on(t.roundId, t.projectId),
    check('eval_project_scores_phase_ck', sql`${t.phase} in ('construction', 'operation')`),
    check('eval_project_scores_total_ck', sql`${t.totalTenths} between 0 and 1000`),
  ],
);

export const evalEfficacy = pgTable(
  'eval_efficacy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evalRounds.id),
    systemId: uuid('system_id')
      .notNull()
      .references(() => informationSystems.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    documentReview: jsonb('document_review').$type<Record<string, number>>().notNull(),
    thirdParty: jsonb('third_party').$type<Record<string, number>>().notNull(),
    evaluatorOrganisationId: uuid('evaluator_organisation_id').references(() => organisations.id),
    /** The questionnaire's satisfaction score in tenths, null when none was answered. */
    questionnaireTenths: integer('questionnaire_tenths'),
    dimensions: jsonb('dimensions').$type<{ code: string; name: string; score: number | null }[]>().notNull(),
    totalTenths: integer('total_tenths'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: stamp('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('eval_efficacy_uq').on(t.roundId, t.systemId),
    check('eval_efficacy_total_ck', sql`${t.totalTenths} is null or ${t.totalTenths} between 0 and 1000`),
    check(
      'eval_efficacy_questionnaire_ck',
      sql`${t.questionnaireTenths} is null or ${t.questionnaireTenths} between 0 and 1000`,
    ),
  ],
);

export const EVAL_RECTIFICATION_SOURCES = [
  'self_evaluation',
  'spot_check',
  'assessment',
  'efficacy',
] as const;
export type EvalRectificationSource = (typeof EVAL_RECTIFICATION_SOURCES)[number];
export const EVAL_RECTIFICATION_STATES = ['open', 'reported', 'closed'] as const;
export type EvalRectificationState = (typeof EVAL_RECTIFICATION_STATES)[number];

export const evalRectifications = pgTable(
  'eval_rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evalRounds.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    projectId: uuid('project_id').references(() => projects.id),
    systemId: uuid('system_id').references(() => informationSystems.id),
    source: text('source').$type<EvalRectificationSource>().notNull(),
    finding: text('finding').notNull(),
    opinion: text('opinion').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    state: text('state').$type<EvalRectificationState>().notNull().default('open'),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: stamp('issued_at').notNull(),
    report: text('report'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedOn: date('reported_on', { mode: 'string' }),
    closedBy: uuid('closed_by').references(() => users.id),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('eval_rectifications_round_idx').on(t.roundId, t.organisationId),
    check('eval_rectifications_anchor_ck', sql`${t.projectId} is not null or ${t.systemId} is not null`),
    check('eval_rectifications_state_ck', sql`${t.state} in ('open', 'reported', 'closed')`),
    check(
      'eval_rectifications_source_ck',
      sql`${t.source} in ('self_evaluation', 'spot_check', 'assessment', 'efficacy')`,
    ),
    check('eval_rectifications_reported_ck', sql`${t.state} = 'open' or ${t.reportedOn} is not null`),
    check('eval_rectifications_closed_ck', sql`(${t.state} = 'closed') = (${t.closedOn} is not null)`),
  ],
);
