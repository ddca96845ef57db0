/**
 * Validation of one year's holiday arrangement as a sys_admin enters it (e.g. the 2027 arrangement
 * once the State Council publishes it). Pure: returns every problem found, with a Chinese message and
 * the row and field it concerns, so the admin UI can mark the fields; the API refuses on any error.
 */
import {
  dateParts,
  dayOfWeek,
  formatIsoDate,
  isIsoDate,
  isWeekend,
  parseIsoDate,
  WEEKDAY_NAMES_ZH,
} from '../../shared/dates/dates.ts';

/** A row as entered: every field may be missing or of the wrong type. A `HolidayRow` fits. */
export interface HolidayRowDraft {
  date?: unknown;
  kind?: unknown;
  name?: unknown;
}

export type HolidayProblemCode =
  | 'YEAR_INVALID'
  | 'ROWS_EMPTY'
  | 'DATE_INVALID'
  | 'DATE_OUTSIDE_YEAR'
  | 'DATE_PREVIOUS_DECEMBER'
  | 'DATE_DUPLICATE'
  | 'DATE_NEXT_ARRANGEMENT'
  | 'KIND_INVALID'
  | 'WORKDAY_NOT_WEEKEND'
  | 'HOLIDAY_ON_WEEKEND'
  | 'NAME_REQUIRED'
  | 'NAME_TOO_LONG';

export interface HolidayProblem {
  severity: 'error' | 'warning';
  code: HolidayProblemCode;
  /** Index of the row in the list as entered; null for a problem of the whole year. */
  row: number | null;
  field: 'date' | 'kind' | 'name' | null;
  message: string;
}

export const MAX_HOLIDAY_NAME_LENGTH = 50;

/** True when the problems contain an error (warnings alone do not block saving). */
export function hasErrors(problems: readonly HolidayProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

function describeDay(date: string): string {
  return `${date}（${WEEKDAY_NAMES_ZH[dayOfWeek(date)]}）`;
}

/**
 * Checks the rows of `year`:
 * - every date is a real `YYYY-MM-DD` date inside `year` (a date in the last week of the previous
 *   December is only a warning: a 元旦 arrangement can start on 12-30/12-31 or move a workday there);
 * - no date appears twice;
 * - kind is `holiday` (放假) or `workday` (调休上班); a workday falls on a Saturday or Sunday;
 * - a holiday on a Saturday or Sunday is warned about unless it sits in a block of days off that
 *   contains a weekday holiday (a weekend day alone changes no working-day count);
 * - every row has a name (e.g. 春节), at most 50 characters.
 */
export function validateHolidayYear(year: number, rows: readonly HolidayRowDraft[]): HolidayProblem[] {
  const problems: HolidayProblem[] = [];
  const report = (
    severity: HolidayProblem['severity'],
    code: HolidayProblemCode,
    row: number | null,
    field: HolidayProblem['field'],
    message: string,
  ) => problems.push({ severity, code, row, field, message });

  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    report('error', 'YEAR_INVALID', null, null, `年份无效：${String(year)}`);
    return problems;
  }
  if (rows.length === 0) {
    report('error', 'ROWS_EMPTY', null, null, `${year} 年的放假安排至少应有一条记录`);
    return problems;
  }

  const firstRowOfDate = new Map<string, number>();
  /** Valid, in-range, non-duplicate rows of a valid kind: the ones the block check looks at. */
  const kindByDate = new Map<string, 'holiday' | 'workday'>();
  const weekendHolidays: { row: number; date: string }[] = [];

  rows.forEach((draft, row) => {
    const { date, kind, name } = draft;
    let dateOk = false;
    if (!isIsoDate(date)) {
      report(
        'error',
        'DATE_INVALID',
        row,
        'date',
        `日期无效：${typeof date === 'string' ? `“${date}”` : '未填写'}，应为 YYYY-MM-DD 格式的真实日期`,
      );
    } else {
      const parts = dateParts(date);
      if (parts.year === year) {
        dateOk = true;
      } else if (parts.year === year - 1 && parts.month === 12 && parts.day >= 25) {
        dateOk = true;
        report(
          'warning',
          'DATE_PREVIOUS_DECEMBER',
          row,
          'date',
          `${date} 属于 ${year - 1} 年；仅当 ${year} 年元旦的放假调休安排跨年时才应录入，请确认`,
        );
      } else {
        report('error', 'DATE_OUTSIDE_YEAR', row, 'date', `日期 ${date} 不在 ${year} 年内`);
      }
      if (dateOk) {
        const first = firstRowOfDate.get(date);
        if (first !== undefined) {
          dateOk = false;
          report('error', 'DATE_DUPLICATE', row, 'date', `日期 ${date} 与第 ${first + 1} 行重复`);
        } else {
          firstRowOfDate.set(date, row);
        }
      }
    }

    if (kind !== 'holiday' && kind !== 'workday') {
      report('error', 'KIND_INVALID', row, 'kind', '类型应为“放假”（holiday）或“调休上班”（workday）');
    } else if (dateOk && typeof date === 'string') {
      kindByDate.set(date, kind);
      if (kind === 'workday' && !isWeekend(date)) {
        report(
          'error',
          'WORKDAY_NOT_WEEKEND',
          row,
          'kind',
          `调休上班日应为周六或周日，${describeDay(date)} 本来就是工作日`,
        );
      }
      if (kind === 'holiday' && isWeekend(date)) weekendHolidays.push({ row, date });
    }

    if (typeof name !== 'string' || name.trim() === '') {
      report('error', 'NAME_REQUIRED', row, 'name', '请填写节日名称，如“春节”“国庆节”');
    } else if ([...name.trim()].length > MAX_HOLIDAY_NAME_LENGTH) {
      report('error', 'NAME_TOO_LONG', row, 'name', `节日名称不应超过 ${MAX_HOLIDAY_NAME_LENGTH} 个字`);
    }
  });

  for (const { row, date } of weekendHolidays) {
    if (!inBlockWithWeekdayHoliday(date, kindByDate)) {
      report(
        'warning',
        'HOLIDAY_ON_WEEKEND',
        row,
        'date',
        `${describeDay(date)} 本来就是休息日，单独录入为放假不影响工作日计算；请确认是否应为相邻的工作日`,
      );
    }
  }

  return problems.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
}

/**
 * Whether `date` lies in a run of consecutive days off (entered holidays, and weekend days not entered
 * as workdays) that contains a weekday holiday, e.g. Saturday 2026-06-20 in 端午节 06-19…06-21.
 */
function inBlockWithWeekdayHoliday(
  date: string,
  kindByDate: ReadonlyMap<string, 'holiday' | 'workday'>,
): boolean {
  const start = parseIsoDate(date);
  const dayOff = (day: number): { off: boolean; weekdayHoliday: boolean } => {
    const iso = formatIsoDate(day);
    const kind = kindByDate.get(iso);
    if (kind === 'holiday') return { off: true, weekdayHoliday: !isWeekend(day) };
    if (kind === 'workday') return { off: false, weekdayHoliday: false };
    return { off: isWeekend(day), weekdayHoliday: false };
  };
  for (const step of [-1, 1]) {
    for (let day = start + step; ; day += step) {
      const { off, weekdayHoliday } = dayOff(day);
      if (weekdayHoliday) return true;
      if (!off) break;
    }
  }
  return false;
}
