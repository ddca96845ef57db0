/**
 * Cross-module imports that do not go through the target module's index.ts yet (checked by
 * test/arch/boundaries.test.ts: a cross-module import targets `<module>/index.ts` or src/platform/).
 * The list may only shrink: an entry that no longer exists fails the test until it is taken off.
 * Each entry is `importer -> target` with the reason it is still deep.
 */

/** src/platform/db/schema.ts is the schema drizzle and the database client read: it re-exports every module's tables. */
const SCHEMA =
  'the schema aggregate re-exports each tables file (through index.ts it would load whole modules into the schema)';
const FOREIGN_KEY =
  "a foreign key in tables.ts: the target's index.ts loads this file back (via src/platform/db/schema.ts or src/projects/bundle.ts), so the index import cycles";
const CONSTRUCTION_CYCLE =
  'through construction/index.ts it cycles (its routes and contracts reach projects/index.ts and workflow)';

export const KNOWN_DEEP_IMPORTS = new Map<string, string>([
  ['src/acceptance/tables.ts -> src/obligations/tables.ts', FOREIGN_KEY],
  ['src/acceptance/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/construction/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/dedup/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/evaluation/tables.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/evaluation/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/funds/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/obligations/tables.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/obligations/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/operations/tables/columns.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/operations/tables/emergency.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/operations/tables/resources.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/platform/notifications/tables.ts -> src/obligations/tables.ts', FOREIGN_KEY],
  ['src/platform/notifications/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/progress/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/projects/tables.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/questionnaire/tables.ts -> src/catalog/tables.ts', FOREIGN_KEY],
  ['src/review/tables.ts -> src/projects/tables.ts', FOREIGN_KEY],
  ['src/platform/db/schema.ts -> src/acceptance/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/catalog/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/construction/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/dedup/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/evaluation/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/funds/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/obligations/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/operations/tables/index.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/progress/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/projects/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/questionnaire/tables.ts', SCHEMA],
  ['src/platform/db/schema.ts -> src/review/tables.ts', SCHEMA],
  ['src/projects/bundle.ts -> src/construction/tables.ts', CONSTRUCTION_CYCLE],
  ['src/projects/repository.ts -> src/construction/tables.ts', CONSTRUCTION_CYCLE],
]);
