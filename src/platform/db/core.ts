/**
 * The core tables (jurisdictions, organisations, `app_meta`; identity's users, role assignments,
 * sessions and password history are in src/identity/tables.ts, the audit trail's in
 * src/platform/audit-log/tables.ts, the calendar's in src/calendar/tables.ts, rulebook versions in
 * src/rulebooks/tables.ts), apart from the barrel in schema.ts so that a module's tables.ts can
 * reference them without an import cycle (schema.ts re-exports every module's tables for drizzle).
 * Every file that reads these tables imports this file, not the barrel
 * (docs/decisions/0009-tables-surface.md).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS } from '../vocabulary.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const JURISDICTION_LEVELS = ['province', 'city', 'district', 'bureau'] as const;

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id),
    /** The rulebook this jurisdiction runs under (DT, SC, JC, XZ or a derived one). */
    rulebookCode: text('rulebook_code'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('jurisdictions_code_uq').on(t.code),
    check('jurisdictions_level_ck', sql`${t.level} in ('province', 'city', 'district', 'bureau')`),
  ],
);

export { ORGANISATION_KINDS } from '../vocabulary.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** 统一社会信用代码 or internal code, optional. */
    code: text('code'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisations_jurisdiction_name_uq').on(t.jurisdictionId, t.name),
    check(
      'organisations_kind_ck',
      sql`${t.kind} in (${sql.raw(ORGANISATION_KINDS.map((kind) => `'${kind}'`).join(', '))})`,
    ),
  ],
);

/** Key/value facts about this installation (first-start bootstrap, demo mode). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
