/**
 * 规划和年度计划 (src/plans/README.md): what other modules may use; PLAN_ACCESS (the routes' matrix
 * rows) is composed by src/access/matrix.ts.
 */
export { PLAN_ACCESS } from './access.ts';
export { canSeePlan, chainOfPlan, compilerRole } from './actors.ts';
export { type PlanEntryView, planEntriesOf } from './queries/entries.ts';
export { registerPlanRoutes } from './routes.ts';
