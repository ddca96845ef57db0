/**
 * Civil-date helpers on ISO `YYYY-MM-DD` strings. Pure integer arithmetic on day numbers
 * (days since 1970-01-01), so no `Date`, no clock and no local time zone is involved: the same
 * string gives the same answer in Asia/Shanghai, UTC or anywhere else.
 */
import { invalid } from '../errors.ts';
import type { IsoDate } from './types.ts';

/** Days since 1970-01-01 (day 0 is a Thursday). */
export type DayNumber = number;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Days-from-civil (proleptic Gregorian), after H. Hinnant's chrono algorithms. */
function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function partsFromDayNumber(dayNumber: DayNumber): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The first and last representable days (0001-01-01 … 9999-12-31). */
export const MIN_DAY_NUMBER: DayNumber = dayNumberFromParts(MIN_YEAR, 1, 1);
export const MAX_DAY_NUMBER: DayNumber = dayNumberFromParts(MAX_YEAR, 12, 31);

function invalidDate(value: unknown): Error {
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  return invalid('INVALID_DATE', `日期无效：${shown}，应为 YYYY-MM-DD 格式的真实日历日期`, {
    details: { value: typeof value === 'string' ? value : String(value) },
  });
}

function outOfRange(what: string): Error {
  return invalid('DATE_OUT_OF_RANGE', `日期超出可计算范围（0001-01-01 至 9999-12-31）：${what}`, {
    details: { value: what },
  });
}

function partsIfValid(value: unknown): DateParts | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `value` is a strictly formatted, existing calendar date (`2026-02-30` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return partsIfValid(value) !== null;
}

/** Year, month and day of a strict ISO date; throws `INVALID_DATE` otherwise. */
export function dateParts(date: IsoDate): DateParts {
  const parts = partsIfValid(date);
  if (!parts) throw invalidDate(date);
  return parts;
}

/** The day number of a strict ISO date; throws `INVALID_DATE` for `2026-02-30`, `2026-2-3`, `20260203` … */
export function parseIsoDate(date: IsoDate): DayNumber {
  const { year, month, day } = dateParts(date);
  return dayNumberFromParts(year, month, day);
}

/** The ISO date of a day number; throws `DATE_OUT_OF_RANGE` outside 0001-01-01 … 9999-12-31. */
export function formatIsoDate(dayNumber: DayNumber): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw invalidDate(dayNumber);
  if (dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) throw outOfRange(`第 ${dayNumber} 日`);
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Builds a strict ISO date from parts; throws `INVALID_DATE` when the day does not exist. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || !isIsoDate(date)) {
    throw invalidDate(`${year}-${month}-${day}`);
  }
  return date;
}

/** The calendar year of a day number. */
export function yearOfDayNumber(dayNumber: DayNumber): number {
  return partsFromDayNumber(dayNumber).year;
}

function toDayNumber(date: IsoDate | DayNumber): DayNumber {
  return typeof date === 'number' ? date : parseIsoDate(date);
}

/** Day of week, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). Accepts an ISO date or a day number. */
export function dayOfWeek(date: IsoDate | DayNumber): number {
  const n = toDayNumber(date);
  return (((n + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate | DayNumber): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export const WEEKDAY_NAMES_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) {
    throw invalid('INVALID_DAY_COUNT', `${what}应为整数：${String(n)}`, { details: { value: String(n) } });
  }
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, '天数');
  return formatIsoDate(parseIsoDate(date) + n);
}

/**
 * `date` plus `n` calendar months (n may be negative), clamped to the last day of the target month:
 * 2026-01-31 + 1 = 2026-02-28, 2024-01-31 + 1 = 2024-02-29, 2026-03-31 − 1 = 2026-02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  requireInteger(n, '月数');
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) throw outOfRange(`${date} 加 ${n} 个月`);
  return isoDateFromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
