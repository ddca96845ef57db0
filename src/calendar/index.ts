/**
 * What other modules may use of src/calendar (Chinese working days): the pure date helpers and
 * calendar types, the calendar loaded from the database with its stamp, the holiday seed written at
 * first start (src/bootstrap.ts), and the routes' matrix rows
 * (CALENDAR_ACCESS, pure data, composed by src/access/matrix.ts). The routes plugin is not
 * here: src/app.ts imports routes.ts itself, because re-exporting the routes (which reach identity and
 * the access matrix) would put every module that reads the calendar on an import cycle.
 */
export { daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from '../../shared/dates/dates.ts';
export type { CalendarResult, IsoDate, WorkingDayCalendar } from '../../shared/dates/types.ts';
export { CALENDAR_ACCESS } from './access.ts';
export { CALENDAR_STAMP, loadCalendar, seedHolidays } from './repository.ts';
