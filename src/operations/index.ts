/**
 * src/operations — security and operations records per system (issue 15). Other modules import only
 * from here.
 */
export { OPERATIONS_ACCESS } from './access.ts';
export { registerOperationsRoutes } from './routes.ts';
