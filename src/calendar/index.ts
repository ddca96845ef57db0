/**
 * What other modules may use of src/calendar (Chinese working days): the pure date helpers and
 * calendar types, and the calendar loaded from the database with its stamp. The routes plugin is not
 * here: src/app.ts imports routes.ts itself, because re-exporting the routes (which reach identity and
 * the access matrix) would put every module that reads the calendar on an import cycle.
 */
export { daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from '../../shared/dates/dates.ts';
export type { CalendarResult, IsoDate, WorkingDayCalendar } from '../../shared/dates/types.ts';
export { CALENDAR_STAMP, loadCalendar } from './repository.ts';
