/**
 * The calendar module's tables (decision 0009: its table-only second surface): the working-day
 * calendar. Read and written by src/calendar/repository.ts; other modules ask src/calendar/index.ts
 * (`loadCalendar`, `CALENDAR_STAMP`); src/bootstrap.ts seeds them at first start.
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { stamp } from '../platform/db/columns.ts';

/** Chinese working-day calendar: statutory holidays and make-up workdays (调休上班). */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [check('holidays_kind_ck', sql`${t.kind} in ('holiday', 'workday')`)],
);

/** Years for which the holiday table holds the State Council's published arrangement. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  publishedRef: text('published_ref'),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});
