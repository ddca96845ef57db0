/**
 * The working-day calendar as the pure rules see it. Implementations live in this folder;
 * the rules (src/rules) depend only on this interface so that tests can pass any table.
 *
 * Dates are ISO calendar dates `YYYY-MM-DD` (Asia/Shanghai civil dates, no time part).
 */
export type IsoDate = string;

/** One row of the holiday table: a statutory holiday, or a make-up workday (调休上班) on a weekend. */
export interface HolidayRow {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  name: string;
  /** Where the row came from: 'chinese-days' for the seed, 'admin' for entries made in the UI/API. */
  source: string;
}

/** A computed date plus whether every day it crossed had calendar data. */
export interface CalendarResult {
  date: IsoDate;
  /** False when the computation crossed a year the holiday table has no data for ("calendar unknown"). */
  known: boolean;
  /** The years without data that the computation touched, e.g. [2027]. */
  unknownYears: number[];
}

export interface WorkingDayCalendar {
  /** Years for which the table holds the State Council's published arrangement. */
  knownYears(): number[];
  isWorkingDay(date: IsoDate): { working: boolean; known: boolean };
  /** The date N working days after `date` (N ≥ 0; `date` itself is not counted). */
  addWorkingDays(date: IsoDate, n: number): CalendarResult;
  /** Calendar months with end-of-month clamp (2026-01-31 + 1 month = 2026-02-28). Always known. */
  addCalendarMonths(date: IsoDate, n: number): CalendarResult;
  addCalendarDays(date: IsoDate, n: number): CalendarResult;
  /** Working days in (from, to]: 0 when to ≤ from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): { days: number; known: boolean; unknownYears: number[] };
}
