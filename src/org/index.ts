/**
 * What other modules may use of src/org (the directory: jurisdictions, organisations, users, role
 * grants): today only its routes plugin, registered by src/app.ts.
 */
export { registerOrgRoutes } from './routes.ts';
