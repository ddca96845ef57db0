/**
 * The rulebooks module's table (decision 0009: its table-only second surface): the rulebook
 * versions sys_admin stores. Read and written by src/rulebooks/repository.ts; other modules ask
 * src/rulebooks/index.ts (`loadRulebookCatalog`, `RULEBOOK_STAMP`, `derivedFromCode`).
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/tables.ts';
import { stamp } from '../platform/db/columns.ts';

/**
 * Rulebook versions stored by sys_admin (DT-37: a county derives its rules from the city's). The
 * built-in rulebooks (src/rules/jurisdictions) are not stored; `content` is the full derived rulebook
 * as `loadRulebook` accepts it, and `changes` the change list it was derived with. Insert-only.
 */
export const rulebookVersions = pgTable(
  'rulebook_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    /** GB/T 2260 division code of the jurisdiction the rulebook applies to, e.g. `140221`. */
    jurisdictionCode: text('jurisdiction_code').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    derivedFromCode: text('derived_from_code'),
    derivedFromVersion: integer('derived_from_version'),
    content: jsonb('content').$type<unknown>().notNull(),
    changes: jsonb('changes').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rulebook_versions_code_version_uq').on(t.code, t.version),
    check('rulebook_versions_version_ck', sql`${t.version} >= 1`),
    check(
      'rulebook_versions_derived_ck',
      sql`(${t.derivedFromCode} is null) = (${t.derivedFromVersion} is null)`,
    ),
  ],
);
