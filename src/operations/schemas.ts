/**
 * Request and response schemas of the operations routes (TypeBox): strict bodies, no unknown fields.
 * One namespace for the route files (`import * as S`), kept in schemas/ by kind.
 */
export { Instant, IsoDate } from './schemas/atoms.ts';
export * from './schemas/register-views.ts';
export * from './schemas/requests.ts';
export * from './schemas/security-views.ts';
