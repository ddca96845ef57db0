/**
 * Request and response schemas of the catalog routes. Request bodies accept the catalog fields with
 * their JSON types and reject unknown fields; the values themselves (enumerations, dates, codes,
 * the cross-field rules) are checked by validate.ts, which answers in Chinese with the field and the
 * article — so the enumerations are documented here, not enforced twice.
 */

export * from './cloud-schemas.ts';
export * from './resource-schemas.ts';
export {
  CatalogProblem,
  Paged,
  ProblemsErrorBody,
  VersionBody,
  Xlsx,
} from './schema-atoms.ts';
export * from './system-schemas.ts';
