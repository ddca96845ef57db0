/**
 * What other modules may use of src/rulebooks (rulebooks in the database and over HTTP): the
 * rulebook catalog loader and its stamp, and the routes plugin src/app.ts registers.
 */
export { loadRulebookCatalog, RULEBOOK_STAMP, type RulebookCatalog } from './repository.ts';
export { registerRulebookRoutes } from './routes.ts';
