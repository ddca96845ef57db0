/**
 * The seed of the holiday table, read from the `chinese-days` package's data file (the reading itself,
 * pure, is shared/dates/chinese-days.ts).
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { rowsFromChineseDaysData } from '../../shared/dates/chinese-days.ts';
import type { HolidayRow, WorkingDayCalendar } from '../../shared/dates/types.ts';
import { createCalendar } from '../../shared/dates/workdays.ts';

export {
  CHINESE_DAYS_SOURCE,
  chineseHolidayName,
  rowsFromChineseDaysData,
} from '../../shared/dates/chinese-days.ts';

/** The seed rows (source `chinese-days`) and the years they fully cover. */
export function seedRowsFromChineseDays(): { rows: HolidayRow[]; years: number[] } {
  return rowsFromChineseDaysData(chineseDaysData);
}

/** A calendar over the seed alone — for tests of rules and for a first start without admin entries. */
export function createSeedCalendar(): WorkingDayCalendar {
  const { rows, years } = seedRowsFromChineseDays();
  return createCalendar(rows, years);
}
