/**
 * Tables of 查重 (issue 16, migration 0009_dedup): the authority's 统建清单 / 负面清单 entries, the
 * check run stored on each submission with its inputs (history kept: one per submission), and its
 * hits with the reviewer's acknowledgement of each `high` hit. The index itself is in memory
 * (src/dedup/index-store.ts), rebuilt from the catalog, the projects and these entries.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
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
import { jurisdictions } from '../platform/db/core.ts';
import { projects } from '../projects/tables.ts';

export const DEDUP_LISTS = ['unified', 'negative'] as const;
export const HIT_KINDS = ['system', 'project', 'resource', 'unified', 'negative'] as const;
export const HIT_LEVELS = ['high', 'partial'] as const;

/** 统建清单 (built once for everyone, departments must use it) and 负面清单 (no department may build). */
export const dedupListEntries = pgTable(
  'dedup_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The jurisdiction whose authority keeps the entry; it applies there and below. */
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    list: text('list').notNull(),
    /** 条目编号, cited by every hit on the entry. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Key phrases: a proposal containing one of them wholly matches the entry. */
    phrases: text('phrases').array().notNull().default(sql`'{}'::text[]`),
    /** 依据: the article or document the entry rests on. */
    basis: text('basis').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('dedup_list_entries_code_uq').on(t.jurisdictionId, t.list, t.code),
    check('dedup_list_entries_list_ck', sql`${t.list} in ('unified', 'negative')`),
    check('dedup_list_entries_name_ck', sql`length(trim(${t.name})) > 0 and length(trim(${t.code})) > 0`),
    check('dedup_list_entries_version_ck', sql`${t.version} >= 1`),
  ],
);

/** One check run on a submission, with the inputs it compared. */
export const dedupChecks = pgTable(
  'dedup_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    submissionSeq: integer('submission_seq').notNull(),
    input: jsonb('input').$type<{ name: string; text: string; items: string[] }>().notNull(),
    highCount: integer('high_count').notNull(),
    partialCount: integer('partial_count').notNull(),
    checkedBy: uuid('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: stamp('checked_at').notNull(),
  },
  (t) => [
    uniqueIndex('dedup_checks_submission_uq').on(t.projectId, t.submissionSeq),
    check('dedup_checks_seq_ck', sql`${t.submissionSeq} >= 1`),
    check('dedup_checks_counts_ck', sql`${t.highCount} >= 0 and ${t.partialCount} >= 0`),
  ],
);

export interface StoredMarks {
  queryMarks: { field: 'name' | 'text' | 'items'; index?: number; start: number; end: number }[];
  candidateMarks: { field: 'name' | 'text' | 'items'; index?: number; start: number; end: number }[];
  candidate: { name: string; text: string; items: string[] };
}

/** A hit of a check; a `high` one is acknowledged by the reviewer with a note. */
export const dedupHits = pgTable(
  'dedup_hits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => dedupChecks.id),
    rank: integer('rank').notNull(),
    kind: text('kind').notNull(),
    targetId: text('target_id').notNull(),
    name: text('name').notNull(),
    detail: text('detail'),
    score: doublePrecision('score').notNull(),
    level: text('level').notNull(),
    phrases: jsonb('phrases').$type<string[]>().notNull(),
    marks: jsonb('marks').$type<StoredMarks>().notNull(),
    /** For a list entry: its code and basis, cited with the hit. */
    entryCode: text('entry_code'),
    entryBasis: text('entry_basis'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: stamp('acknowledged_at'),
    acknowledgementNote: text('acknowledgement_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('dedup_hits_rank_uq').on(t.checkId, t.rank),
    index('dedup_hits_check_idx').on(t.checkId),
    check('dedup_hits_kind_ck', sql`${t.kind} in ('system', 'project', 'resource', 'unified', 'negative')`),
    check('dedup_hits_level_ck', sql`${t.level} in ('high', 'partial')`),
    check('dedup_hits_score_ck', sql`${t.score} >= 0 and ${t.score} <= 1`),
    check(
      'dedup_hits_ack_ck',
      sql`(${t.acknowledgedBy} is null) = (${t.acknowledgedAt} is null) and (${t.acknowledgedBy} is null) = (${t.acknowledgementNote} is null)`,
    ),
    check('dedup_hits_version_ck', sql`${t.version} >= 1`),
  ],
);
