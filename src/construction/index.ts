/**
 * What other modules may use of src/construction (issue 12: contracts, supervisors, rectification):
 * the matrix rows (CONSTRUCTION_ACCESS, pure data, composed by src/access/matrix.ts) and the
 * rectification table projects' bundle and progress read. Not here: the routes, commands and
 * queries (src/app.ts imports routes.ts itself: they reach projects/index.ts and workflow, so
 * re-exporting them would put projects/bundle.ts on an import cycle through this file, the same
 * split as src/review/index.ts). Other modules' tables files (foreign keys) and
 * src/platform/db/schema.ts read tables.ts directly (docs/decisions/0009-tables-surface.md).
 */
export { CONSTRUCTION_ACCESS } from './access.ts';
export { rectificationOrders } from './tables.ts';
