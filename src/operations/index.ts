/**
 * src/operations — security and operations records per system (issue 15). Other modules import only
 * from here.
 */
export { OPERATIONS_ACCESS } from './access.ts';
export { recordedGrading } from './grading-level.ts';
export { incidentsVisible } from './queries/incidents.ts';
export { registerOperationsRoutes } from './routes.ts';
export { opsIncidents } from './tables/index.ts';
