/**
 * The Chinese statutory working-day calendar (法定工作日): Monday–Friday are working days, Saturday and
 * Sunday are not, except that a `holiday` row takes a day off and a `workday` row (调休上班) puts a
 * weekend day back to work. Pure: the table and the known years are passed in, nothing reads a clock.
 *
 * A computation that crosses a year missing from `knownYears` still answers (with the rows it has, and
 * otherwise Monday–Friday) but says `known: false` and names the years, so a deadline in a year whose
 * State Council arrangement is not yet entered is shown as provisional instead of silently wrong.
 */
import { invalid } from '../errors.ts';
import {
  addMonths,
  type DayNumber,
  formatIsoDate,
  isWeekend,
  MAX_DAY_NUMBER,
  MAX_YEAR,
  MIN_YEAR,
  parseIsoDate,
  yearOfDayNumber,
} from './dates.ts';
import type { CalendarResult, HolidayRow, IsoDate, WorkingDayCalendar } from './types.ts';

/** Upper bound for `n` in addWorkingDays (about 380 years): a guard against runaway loops. */
export const MAX_WORKING_DAYS = 100_000;

function requireCount(n: number, what: string, range?: { min: number; max: number }): void {
  if (!Number.isSafeInteger(n) || (range && (n < range.min || n > range.max))) {
    const expected = range ? `${range.min} 至 ${range.max} 之间的整数` : '整数';
    throw invalid('INVALID_DAY_COUNT', `${what}应为${expected}：${String(n)}`, {
      details: { value: String(n) },
    });
  }
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid('INVALID_YEAR', `年份无效：${String(year)}`, { details: { value: String(year) } });
  }
}

/** Collects the years without calendar data that a computation crossed. */
class UnknownYears {
  private readonly years = new Set<number>();
  private lastYear = Number.NaN;

  constructor(private readonly known: ReadonlySet<number>) {}

  touch(day: DayNumber): void {
    const year = yearOfDayNumber(day);
    if (year === this.lastYear) return;
    this.lastYear = year;
    if (!this.known.has(year)) this.years.add(year);
  }

  list(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }
}

/**
 * Builds a calendar from holiday rows and the years whose arrangement is complete.
 * Rows are validated (strict ISO date, kind); when two rows share a date the later one wins, so
 * `[...seedRows, ...adminRows]` lets admin corrections override the seed.
 */
export function createCalendar(
  rows: readonly HolidayRow[],
  knownYears: readonly number[],
): WorkingDayCalendar {
  const kindByDay = new Map<DayNumber, HolidayRow['kind']>();
  for (const row of rows) {
    const day = parseIsoDate(row.date);
    if (row.kind !== 'holiday' && row.kind !== 'workday') {
      throw invalid('INVALID_HOLIDAY_KIND', `日历行 ${row.date} 的类型无效：${String(row.kind)}`, {
        field: 'kind',
      });
    }
    kindByDay.set(day, row.kind);
  }
  for (const year of knownYears) requireYear(year);
  const known: ReadonlySet<number> = new Set(knownYears);
  const sortedKnownYears = [...known].sort((a, b) => a - b);

  const isWorking = (day: DayNumber): boolean => {
    const kind = kindByDay.get(day);
    if (kind !== undefined) return kind === 'workday';
    return !isWeekend(day);
  };

  const result = (date: IsoDate, unknown: UnknownYears): CalendarResult => {
    const unknownYears = unknown.list();
    return { date, known: unknownYears.length === 0, unknownYears };
  };

  return {
    knownYears: () => [...sortedKnownYears],

    isWorkingDay(date) {
      const day = parseIsoDate(date);
      return { working: isWorking(day), known: known.has(yearOfDayNumber(day)) };
    },

    addWorkingDays(date, n) {
      requireCount(n, '工作日数', { min: 0, max: MAX_WORKING_DAYS });
      const unknown = new UnknownYears(known);
      let day = parseIsoDate(date);
      let counted = 0;
      while (counted < n) {
        day += 1;
        // Past 9999-12-31: formatIsoDate throws DATE_OUT_OF_RANGE instead of looping on.
        if (day > MAX_DAY_NUMBER) formatIsoDate(day);
        unknown.touch(day);
        if (isWorking(day)) counted += 1;
      }
      return result(formatIsoDate(day), unknown);
    },

    addCalendarMonths(date, n) {
      return { date: addMonths(date, n), known: true, unknownYears: [] };
    },

    addCalendarDays(date, n) {
      requireCount(n, '天数');
      return { date: formatIsoDate(parseIsoDate(date) + n), known: true, unknownYears: [] };
    },

    workingDaysBetween(from, to) {
      const start = parseIsoDate(from);
      const end = parseIsoDate(to);
      const unknown = new UnknownYears(known);
      let days = 0;
      for (let day = start + 1; day <= end; day += 1) {
        unknown.touch(day);
        if (isWorking(day)) days += 1;
      }
      const unknownYears = unknown.list();
      return { days, known: unknownYears.length === 0, unknownYears };
    },
  };
}
