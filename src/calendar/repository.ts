/**
 * The holiday table and its known years in the database (tables `holidays`, `calendar_years`).
 *
 * `loadCalendar` builds the pure WorkingDayCalendar from the tables. It is cached per database
 * handle and revalidated on every call by one small query (the year and `updated_at` of each known
 * year): several app servers may share one PostgreSQL database, and a save on any of them bumps the
 * saved year's `updated_at`, so every server rebuilds its calendar on its next call.
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { HolidayRow, WorkingDayCalendar } from '../../shared/dates/types.ts';
import { createCalendar } from '../../shared/dates/workdays.ts';
import type { Db, Queryable, Tx } from '../platform/db/client.ts';
import { queryRows } from '../platform/db/client.ts';
import { versionConflict } from '../platform/errors.ts';
import { arrangementWindow } from './arrangement.ts';
import { CHINESE_DAYS_SOURCE, seedRowsFromChineseDays } from './seed.ts';
import { calendarYears, holidays } from './tables.ts';

/** Source of rows and years entered through the API (the seed's is `chinese-days`). */
export const ADMIN_SOURCE = 'admin';

interface CacheEntry {
  key: string;
  calendar: WorkingDayCalendar;
}

const cache = new WeakMap<object, CacheEntry>();

async function knownYearStamps(db: Queryable): Promise<{ year: number; updatedAt: Date }[]> {
  return db
    .select({ year: calendarYears.year, updatedAt: calendarYears.updatedAt })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
}

/** The working-day calendar from the database (cached; rebuilt when any known year changes). */
/** What changes whenever a year is saved: each known year with its `updated_at` (one scalar). */
export const CALENDAR_STAMP = sql`(select coalesce(string_agg(${calendarYears.year}::text || '@' || ${calendarYears.updatedAt}::text, ',' order by ${calendarYears.year}), '') from ${calendarYears})`;

/** `stamp`: CALENDAR_STAMP as just read by the caller together with other stamps (loadWorkflowEnv). */
export async function loadCalendar(db: Db, stamp?: string): Promise<WorkingDayCalendar> {
  const key =
    stamp ?? (await queryRows<{ stamp: string }>(db, sql`select ${CALENDAR_STAMP} as stamp`))[0].stamp;
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.calendar;
  const years = await knownYearStamps(db);
  const rows = await db
    .select({ date: holidays.date, kind: holidays.kind, name: holidays.name, source: holidays.source })
    .from(holidays);
  const calendar = createCalendar(
    rows as HolidayRow[],
    years.map((y) => y.year),
  );
  cache.set(db, { key, calendar });
  return calendar;
}

export interface CalendarYearSummary {
  year: number;
  known: boolean;
  source: string | null;
  publishedRef: string | null;
  updatedAt: string | null;
  holidays: number;
  workdays: number;
}

/**
 * Every year the table knows or holds rows for, plus `alsoShow` (this year and the next, so the
 * administrator sees the year still to be entered), newest first.
 */
export async function listCalendarYears(db: Queryable, alsoShow: number[]): Promise<CalendarYearSummary[]> {
  const known = await db.select().from(calendarYears);
  // A row belongs to the year of (date + 7 days): see arrangement.ts.
  const counts = await queryRows<{ year: number; kind: string; n: number }>(
    db,
    sql`select extract(year from (${holidays.date} + 7))::int as year, ${holidays.kind} as kind, count(*)::int as n
        from ${holidays} group by 1, 2`,
  );
  const years = new Set<number>([...alsoShow, ...known.map((k) => k.year), ...counts.map((c) => c.year)]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const row = known.find((k) => k.year === year);
      const count = (kind: string) => counts.find((c) => c.year === year && c.kind === kind)?.n ?? 0;
      return {
        year,
        known: row !== undefined,
        source: row?.source ?? null,
        publishedRef: row?.publishedRef ?? null,
        updatedAt: row?.updatedAt.toISOString() ?? null,
        holidays: Number(count('holiday')),
        workdays: Number(count('workday')),
      };
    });
}

export interface CalendarYearDetail {
  year: number;
  known: boolean;
  source: string | null;
  publishedRef: string | null;
  /** The optimistic-concurrency token: send it back unchanged when saving (null: never saved). */
  updatedAt: string | null;
  rows: HolidayRow[];
}

export async function getCalendarYear(db: Queryable, year: number): Promise<CalendarYearDetail> {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const window = arrangementWindow(year);
  const rows = await db
    .select({ date: holidays.date, kind: holidays.kind, name: holidays.name, source: holidays.source })
    .from(holidays)
    .where(and(gte(holidays.date, window.from), lte(holidays.date, window.to)))
    .orderBy(asc(holidays.date));
  return {
    year,
    known: row !== undefined,
    source: row?.source ?? null,
    publishedRef: row?.publishedRef ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    rows: rows as HolidayRow[],
  };
}

export interface SaveCalendarYearInput {
  year: number;
  /** Validated rows (validateHolidayYear and arrangementProblems found no error). */
  rows: readonly { date: string; kind: 'holiday' | 'workday'; name: string }[];
  publishedRef: string;
  /** The `updatedAt` the administrator loaded; null when the year was not stored yet. */
  expectedUpdatedAt: string | null;
  now: Date;
}

export interface SaveCalendarYearResult {
  previous: { known: boolean; source: string | null; rows: number };
  updatedAt: Date;
}

const staleVersion = () => versionConflict('该年度的节假日安排已被他人修改，请刷新后重新录入', 'updatedAt');

/**
 * Replaces the rows of `year`'s arrangement window and marks the year known (source `admin`).
 * Optimistic concurrency on `calendar_years.updated_at`: the year row is locked (or, for a new year,
 * inserted first, so a concurrent first save waits on its key and then finds it taken).
 */
export async function saveCalendarYear(
  tx: Tx,
  input: SaveCalendarYearInput,
): Promise<SaveCalendarYearResult> {
  const { year } = input;
  const [current] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).for('update');
  const expected = input.expectedUpdatedAt === null ? null : new Date(input.expectedUpdatedAt).getTime();
  if (current ? expected !== current.updatedAt.getTime() : expected !== null) throw staleVersion();

  // Strictly later than the previous stamp even when the clock has not moved, so every save changes
  // the token (and the calendar cache key) by at least a millisecond.
  const updatedAt = new Date(Math.max(input.now.getTime(), (current?.updatedAt.getTime() ?? 0) + 1));
  const values = { source: ADMIN_SOURCE, publishedRef: input.publishedRef, updatedAt };
  if (current) {
    await tx.update(calendarYears).set(values).where(eq(calendarYears.year, year));
  } else {
    const inserted = await tx
      .insert(calendarYears)
      .values({ year, ...values })
      .onConflictDoNothing()
      .returning({ year: calendarYears.year });
    if (inserted.length === 0) throw staleVersion();
  }

  const window = arrangementWindow(year);
  const removed = await tx
    .delete(holidays)
    .where(and(gte(holidays.date, window.from), lte(holidays.date, window.to)))
    .returning({ date: holidays.date });
  if (input.rows.length > 0) {
    await tx.insert(holidays).values(
      input.rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.name.trim(),
        source: ADMIN_SOURCE,
        updatedAt,
      })),
    );
  }
  return {
    previous: { known: current !== undefined, source: current?.source ?? null, rows: removed.length },
    updatedAt,
  };
}

/**
 * The holiday table's seed at first start (src/bootstrap.ts, in its transaction): the chinese-days rows
 * of the years it fully covers, and those years as known; rows and years already there are kept.
 */
export async function seedHolidays(tx: Tx): Promise<number> {
  const { rows, years } = seedRowsFromChineseDays();
  const knownYears = new Set(years);
  // Only rows inside a known year are stored; the rest would pretend to know an unknown year.
  const stored = rows.filter((r) => knownYears.has(Number(r.date.slice(0, 4))));
  for (let i = 0; i < stored.length; i += 500) {
    await tx
      .insert(holidays)
      .values(stored.slice(i, i + 500))
      .onConflictDoNothing();
  }
  await tx
    .insert(calendarYears)
    .values(years.map((year) => ({ year, source: CHINESE_DAYS_SOURCE })))
    .onConflictDoNothing();
  return stored.length;
}
