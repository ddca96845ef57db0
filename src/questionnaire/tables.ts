/**
 * Tables of the public questionnaire (issue 14, efficacy evaluation's satisfaction): the authority's
 * questionnaire for one operating system and year, its questions, and the public's anonymous
 * responses with their answers. A response stores no address and no device id: only
 * HMAC-SM3(server key, questionnaire, day, device id), which is enough to refuse a second answer of
 * the same device on the same day and tells nothing else.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { stamp } from '../platform/db/columns.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';

export type QuestionnaireStatus = 'draft' | 'published' | 'closed';

/** 满意度问卷: draft → published (between starts_on and ends_on) → closed. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The authority organisation that designed it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    systemId: uuid('system_id')
      .notNull()
      .references(() => informationSystems.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    status: text('status').$type<QuestionnaireStatus>().notNull().default('draft'),
    /** The public link /q/<slug>, set on publication. */
    slug: text('slug'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull(),
    publishedAt: stamp('published_at'),
    closedAt: stamp('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('questionnaires_slug_uq').on(t.slug),
    index('questionnaires_system_idx').on(t.systemId, t.year),
    index('questionnaires_jurisdiction_idx').on(t.jurisdictionId, t.year),
    check('questionnaires_status_ck', sql`${t.status} in ('draft', 'published', 'closed')`),
    check('questionnaires_year_ck', sql`${t.year} between 2000 and 2100`),
    check(
      'questionnaires_dates_ck',
      sql`${t.status} = 'draft' or (${t.startsOn} is not null and ${t.endsOn} >= ${t.startsOn} and ${t.slug} is not null)`,
    ),
  ],
);

/** One question: single / multiple choice (options), rating 1–5, free text. */
export const questionnaireQuestions = pgTable(
  'questionnaire_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    prompt: text('prompt').notNull(),
    required: boolean('required').notNull().default(false),
    /** Choice labels (choice kinds only); answers store the 0-based index. */
    options: jsonb('options').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('questionnaire_questions_position_uq').on(t.questionnaireId, t.position),
    check('questionnaire_questions_kind_ck', sql`${t.kind} in ('single', 'multiple', 'rating', 'text')`),
  ],
);

/** One anonymous response; at most one per device and day (device_key includes the day). */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    /** HMAC-SM3(server key, questionnaire id, day, device id). */
    deviceKey: text('device_key').notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    createdAt: stamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('questionnaire_responses_device_uq').on(t.questionnaireId, t.deviceKey),
    index('questionnaire_responses_day_idx').on(t.questionnaireId, t.answeredOn),
  ],
);

/** Answers: one row per chosen option (choice kinds), per rating, per text. */
export const questionnaireAnswers = pgTable(
  'questionnaire_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => questionnaireResponses.id),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questionnaireQuestions.id),
    optionIndex: integer('option_index'),
    rating: integer('rating'),
    textValue: text('text_value'),
  },
  (t) => [
    index('questionnaire_answers_question_idx').on(t.questionnaireId, t.questionId),
    check('questionnaire_answers_rating_ck', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check(
      'questionnaire_answers_one_value_ck',
      sql`num_nonnulls(${t.optionIndex}, ${t.rating}, ${t.textValue}) = 1`,
    ),
  ],
);
