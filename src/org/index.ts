/**
 * What other modules may use of src/org (the directory: jurisdictions, organisations, users, role
 * grants): its routes plugin, registered by src/app.ts, and its matrix rows (ORG_ACCESS, composed
 * by src/access/matrix.ts).
 */
export { ORG_ACCESS } from './access.ts';
export { registerOrgRoutes } from './routes.ts';
