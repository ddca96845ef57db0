/**
 * Conventions of the module shape that are not import edges (ARCHITECTURE-TARGET.md, issue 11):
 *  - Biome refuses import cycles in every file: no override of biome.json turns noImportCycles off;
 *  - commands own runCommand: a module opens its audited transaction only in its commands/ files
 *    (besides the runner, the project-write wrapper and first-start setup).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, sourceFiles } from './imports.ts';

describe('module-shape conventions', () => {
  test('biome.json refuses import cycles in every file (no override turns noImportCycles off)', () => {
    const biome = JSON.parse(fs.readFileSync(path.join(ROOT, 'biome.json'), 'utf8')) as {
      linter: { rules: { suspicious?: Record<string, unknown> } };
      overrides?: { includes?: string[]; linter?: { rules?: { suspicious?: Record<string, unknown> } } }[];
    };
    assert.equal(biome.linter.rules.suspicious?.noImportCycles, 'error');
    const exempt = (biome.overrides ?? [])
      .filter((o) => o.linter?.rules?.suspicious?.noImportCycles !== undefined)
      .flatMap((o) => o.includes ?? []);
    assert.deepEqual(exempt, [], 'break the cycle instead of exempting files from noImportCycles');
  });

  test('commands own runCommand: a module calls it only in its commands/ files', () => {
    // The runner itself, the project-write wrapper every project command goes through, and first-start
    // setup (composition root) are the only other callers. Comments (a usage example) do not count.
    const RUNNERS = new Set([
      'src/platform/command.ts',
      'src/workflow/project-command.ts',
      'src/bootstrap.ts',
    ]);
    const calls = (file: string) =>
      fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .some((line) => !/^\s*(\/\/|\*)/.test(line) && /\brunCommand\(/.test(line));
    const callers = sourceFiles('src').filter(calls);
    assert.ok(callers.length >= 50, `only ${callers.length} files call runCommand: is the scan broken?`);
    assert.deepEqual(
      callers.filter((f) => !RUNNERS.has(f) && !/^src\/[a-z-]+\/(.+\/)?commands\//.test(f)),
      [],
      "move the use case into the module's commands/<verb>.ts",
    );
  });
});
