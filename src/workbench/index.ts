/**
 * What other modules may use of src/workbench (read-only views across the modules): its routes
 * plugin, registered by src/app.ts. (src/access/matrix.ts reads access.ts directly: through this file
 * it would cycle, routes → identity/plugin → access/matrix.)
 */
export { registerWorkbenchRoutes } from './routes.ts';
