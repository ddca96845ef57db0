/**
 * What other modules may use of src/review (the review of a project: dimensions, experts, certificates):
 * the routes plugin and the filing decision src/app.ts wires. The modules that read review's tables
 * (projects, workflow, evaluation, workbench) and projects/meta-routes.ts (the dimensions) still import
 * them deep: through this file each of them would close an import cycle (it re-exports the routes,
 * which reach back into projects and workflow). They are listed in test/arch/boundaries.test.ts.
 */
export { filingDecision } from './issue.ts';
export { registerReviewRoutes } from './routes.ts';
