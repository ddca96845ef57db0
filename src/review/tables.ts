/**
 * Tables of the review (DT-09b, DT-09d, DT-07, DT-31): the five-dimension review of a project, the
 * expert pool and the experts assigned to a project with their signed opinions, the filing
 * certificate / refusal notice content, and the departments' yearly assessments.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';

/** The five-dimension review (DT-09b, SC-11a, XZ-10a) of the project's review step. */
export const projectReviews = pgTable(
  'project_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    stepId: text('step_id').notNull(),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    opinions: jsonb('opinions')
      .$type<Record<string, { score?: number; opinion: string }>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    sharingAnalysisOpinion: text('sharing_analysis_opinion'),
    findings: jsonb('findings').$type<Record<string, boolean>>().notNull().default(sql`'{}'::jsonb`),
    updatedAt: stamp('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('project_reviews_step_uq').on(t.projectId, t.stepId)],
);

/** 专家库 (DT-09d): experts by field; `employer` is where the expert works (for 回避). */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  fields: jsonb('fields').$type<string[]>().notNull(),
  employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id),
  title: text('title').notNull().default(''),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: stamp('created_at').notNull().defaultNow(),
});

/** Experts and third-party evaluators assigned to a project, with their signed opinion. */
export const projectExpertAssignments = pgTable(
  'project_expert_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** The expert's user id as an SM4 envelope bound to this row (SECURITY.md 30; expert-identity.ts). */
    userEnc: text('user_enc').notNull(),
    /** Blind index (HMAC-SM3) of the expert's user id: equality lookups without the plaintext. */
    userIndex: text('user_index').notNull(),
    kind: text('kind').notNull(),
    field: text('field'),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: stamp('assigned_at').notNull(),
    opinion: text('opinion'),
    conclusion: text('conclusion'),
    opinionAt: stamp('opinion_at'),
    signature: jsonb('signature').$type<Record<string, string>>(),
  },
  (t) => [
    uniqueIndex('project_expert_assignments_uq').on(t.projectId, t.userIndex),
    index('project_expert_assignments_user_idx').on(t.userIndex),
    check('project_expert_assignments_kind_ck', sql`${t.kind} in ('expert', 'evaluator')`),
  ],
);

/** 合理性审查意见备案证明 / 不予备案通知书 (DT-09b): the signed content; files are rendered from it. */
export const projectCertificates = pgTable(
  'project_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    signature: jsonb('signature').$type<Record<string, string>>().notNull(),
    actionId: bigint('action_id', { mode: 'number' }).notNull(),
    revokedAt: stamp('revoked_at'),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_certificates_number_uq').on(t.number),
    index('project_certificates_project_idx').on(t.projectId),
    check('project_certificates_kind_ck', sql`${t.kind} in ('filing', 'refusal')`),
  ],
);

/** 年度考核 (DT-07, DT-31): a department's yearly assessment, shown to next year's reviewer. */
export const departmentAssessments = pgTable(
  'department_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    score: integer('score').notNull(),
    grade: text('grade').notNull(),
    summary: text('summary').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('department_assessments_uq').on(t.organisationId, t.year),
    check('department_assessments_score_ck', sql`${t.score} between 0 and 100`),
    check('department_assessments_grade_ck', sql`${t.grade} in ('excellent', 'good', 'pass', 'fail')`),
  ],
);
