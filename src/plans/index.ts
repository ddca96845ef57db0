/** 规划和年度计划 (src/plans/README.md): what other modules may use. */
export { canSeePlan, chainOfPlan, compilerRole, OVERSIGHT_ROLES } from './actors.ts';
export { type PlanEntryView, planEntriesOf } from './queries.ts';
export { registerPlanRoutes } from './routes.ts';
