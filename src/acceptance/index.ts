/**
 * Acceptance (验收): the acceptance-passed effect on the catalog, 延期验收 requests and decisions, the
 * planned acceptance date. See README.md. Only what other modules use: src/app.ts registers
 * `systemsInOperation` on the step-event registry (`onStepEvent('acceptance_passed', …)`) and
 * routes.ts; src/access/matrix.ts composes ACCEPTANCE_ACCESS. Other modules' tables files and
 * src/platform/db/schema.ts read tables.ts directly (docs/decisions/0009-tables-surface.md).
 */
export { ACCEPTANCE_ACCESS } from './access.ts';
export { systemsInOperation } from './effects.ts';
