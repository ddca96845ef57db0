/**
 * Acceptance (验收): the acceptance-passed effect on the catalog, 延期验收 requests and decisions, the
 * planned acceptance date. See README.md. Only what other modules use: the step core calls
 * `afterStepEvent`; src/app.ts registers routes.ts, src/access/matrix.ts composes access.ts and
 * src/platform/db/schema.ts lists tables.ts directly (through this file each would cycle).
 */
export { afterStepEvent } from './effects.ts';
