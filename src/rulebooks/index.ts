/**
 * What other modules may use of src/rulebooks (rulebooks in the database and over HTTP): the
 * rulebook catalog loader and its stamp, the base a jurisdiction's rulebook derives from as SQL
 * (`derivedFromCode`, so that no other module reads `rulebook_versions`), the routes plugin src/app.ts registers, and its matrix rows
 * (RULEBOOK_ACCESS, composed by src/access/matrix.ts).
 */
export { RULEBOOK_ACCESS } from './access.ts';
export { derivedFromCode, loadRulebookCatalog, RULEBOOK_STAMP, type RulebookCatalog } from './repository.ts';
export { registerRulebookRoutes } from './routes.ts';
