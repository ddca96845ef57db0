/**
 * The few civil-date helpers the rules need (the calendar does the working-day arithmetic).
 * ISO `YYYY-MM-DD` strings compare correctly as strings; nothing here reads a clock.
 */
import type { IsoDate } from '../../shared/dates/types.ts';

const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function dayNumber(date: IsoDate): number {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`不是 ISO 日期：${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** A real calendar date written as `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}
