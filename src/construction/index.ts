/**
 * What other modules may use of src/construction (issue 12: contracts, supervisors, rectification):
 * the matrix rows (CONSTRUCTION_ACCESS, pure data, composed by src/access/matrix.ts), the pure
 * vocabularies, and the tables projects' bundle and progress read. Not here: the routes, commands and
 * queries (src/app.ts imports routes.ts itself: they reach projects/index.ts and workflow, so
 * re-exporting them would put projects/bundle.ts on an import cycle through this file, the same
 * split as src/review/index.ts). Other modules' tables files (foreign keys) and
 * src/platform/db/schema.ts read tables.ts directly (docs/decisions/0009-tables-surface.md).
 */
export { CONSTRUCTION_ACCESS } from './access.ts';
export { COMPETITIVE_METHODS, RECTIFICATION_STATES, type RectificationState } from './model.ts';
export { contractDeliverables, contracts, rectificationOrders } from './tables.ts';
