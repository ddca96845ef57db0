/**
 * The obligations engine (issue 12), for every module that owes a deadline:
 *
 *   const calendar = await loadCalendar(deps.db);          // before the transaction
 *   await runCommand(deps, ctx, audit, async (tx) => {
 *     await openDeadline(tx, { calendar, now }, rulebook, 'dt.deadline.contract_filing', {
 *       jurisdictionId, holderOrganisationId, projectId, ref: contractNo, anchorDate: signedOn, link });
 *     // … later, in the command that fulfils it:
 *     await meetObligation(tx, { calendar, now }, { kind, projectId, ref }, { on: filedOn, by: userId });
 *   });
 *
 * States: open → met | overdue (the sweep) | extended (a granted extension moves the due date) |
 * waived (with a reason). Due dates count on the working-day calendar; a year the calendar does not
 * know gives `dueDate: null` ("calendar unknown"). `runSweep` marks overdue and sends reminders
 * before and on the due date, once each, even with several app processes.
 */
export { OBLIGATION_ACCESS } from './access.ts';
export { runSweep, type SweepOptions, type SweepResult } from './commands/sweep.ts';
export {
  addPeriod,
  DEFAULT_REMINDER_WORKING_DAYS,
  type DueStatus,
  dueStatus,
  extendObligation,
  findObligation,
  LIVE_STATES,
  meetObligation,
  type ObligationEnv,
  type ObligationKey,
  type ObligationRow,
  type OpenObligationInput,
  obligationsOfProjects,
  openDeadline,
  openObligation,
  waiveObligation,
  workingDaysBefore,
} from './engine.ts';
export { type DeadlineSync, syncDeadlines } from './project-deadlines.ts';
export { overdueSql } from './queries/filters.ts';
export { scopeCondition, scopeOf } from './queries/scope.ts';
export { registerObligationRoutes } from './routes.ts';
export { OBLIGATION_STATES, type ObligationState, obligationReminders, obligations } from './tables.ts';
