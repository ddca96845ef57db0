/**
 * Which year's State Council arrangement a holiday row belongs to. A notice for year Y can reach back
 * into the last week of December of Y − 1 (元旦 2019 started on 2018-12-30, with 2018-12-29 a make-up
 * workday), and no notice has ever put a row of its own year into that week. So the rows of year Y
 * are the dates from (Y − 1)-12-25 to Y-12-24: exactly the dates whose date + 7 days falls in Y.
 *
 * Storage uses this window to replace one year's rows without touching its neighbours. Pure.
 */
import { addDays, dateParts, isIsoDate } from '../../shared/dates/dates.ts';
import type { IsoDate } from '../../shared/dates/types.ts';
import type { HolidayProblem, HolidayRowDraft } from './validate.ts';

/** The first and last date of year `year`'s arrangement window. */
export function arrangementWindow(year: number): { from: IsoDate; to: IsoDate } {
  const pad = (y: number) => String(y).padStart(4, '0');
  return { from: `${pad(year - 1)}-12-25`, to: `${pad(year)}-12-24` };
}

/** The year whose arrangement a row dated `date` belongs to (2026-12-31 → 2027). */
export function arrangementYear(date: IsoDate): number {
  return dateParts(addDays(date, 7)).year;
}

/**
 * Rows of `year` dated in its own last week of December: they belong to the next year's 元旦
 * arrangement and are refused here (validateHolidayYear accepts them as dates of the year).
 */
export function arrangementProblems(year: number, rows: readonly HolidayRowDraft[]): HolidayProblem[] {
  const problems: HolidayProblem[] = [];
  rows.forEach((row, index) => {
    if (!isIsoDate(row.date)) return;
    const { year: dateYear } = dateParts(row.date);
    if (dateYear === year && arrangementYear(row.date) === year + 1) {
      problems.push({
        severity: 'error',
        code: 'DATE_NEXT_ARRANGEMENT',
        row: index,
        field: 'date',
        message: `${row.date} 在 12 月 25 日至 31 日之间，属于 ${year + 1} 年元旦的放假调休安排，请在 ${year + 1} 年中录入`,
      });
    }
  });
  return problems;
}
