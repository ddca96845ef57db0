/**
 * What other modules may use of src/workbench (read-only views across the modules): its routes
 * plugin, registered by src/app.ts, and its access rows, composed by src/access/matrix.ts.
 */
export { WORKBENCH_ROUTE_ACCESS } from './access.ts';
export { registerWorkbenchRoutes } from './routes.ts';
