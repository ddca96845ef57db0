/**
 * The database schema (drizzle). Migrations in migrations/ are generated from this file with
 * `npm run db:generate` and checked in; hand-written SQL that drizzle cannot express (triggers,
 * grants) lives in migrations too, as custom migrations. Read by drizzle-kit and the database client
 * (src/platform/db/client.ts) only: a file that needs a table imports the tables file that declares
 * it (test/arch/boundaries.test.ts, docs/decisions/0009-tables-surface.md).
 */

export * from '../../acceptance/tables.ts';
export * from '../../calendar/tables.ts';
export * from '../../catalog/tables.ts';
export * from '../../construction/tables.ts';
export * from '../../dedup/tables.ts';
export * from '../../evaluation/tables.ts';
export * from '../../funds/tables.ts';
export * from '../../identity/tables.ts';
export * from '../../notifications/tables.ts';
export * from '../../obligations/tables.ts';
export * from '../../operations/tables/index.ts';
export * from '../../progress/tables.ts';
export * from '../../projects/tables.ts';
export * from '../../questionnaire/tables.ts';
export * from '../../review/tables.ts';
export * from '../../rulebooks/tables.ts';
export * from '../audit-log/tables.ts';
export * from '../tables.ts';
export * from './core.ts';
