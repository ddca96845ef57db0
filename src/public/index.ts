/**
 * What other modules may use of src/public (what anyone may read without an account): its routes
 * plugin, registered by src/app.ts.
 */
export { registerPublicRoutes } from './routes.ts';
