/**
 * Cross-module imports that do not go through the target module's index.ts yet (checked by
 * test/arch/boundaries.test.ts: a cross-module import targets `<module>/index.ts` or src/platform/, or
 * is a tables file or the schema barrel importing another module's tables file, decision 0009).
 * The list may only shrink: an entry that no longer exists fails the test until it is taken off.
 * Each entry is `importer -> target` with the reason it is still deep.
 */

const CONSTRUCTION_CYCLE =
  "the bundle's one statement reads the rectification states (a subquery on construction's table); through construction/index.ts it cycles (its routes and contracts reach projects/index.ts and workflow). Injected by src/app.ts instead, it would be global state set before any bundle loads, or a new field of the workflow environment, which 22 call sites load from their deps";

export const KNOWN_DEEP_IMPORTS = new Map<string, string>([
  ['src/projects/bundle.ts -> src/construction/tables.ts', CONSTRUCTION_CYCLE],
]);
