/**
 * Proves the rules are pure: no module of src/rules (tests and test support aside) imports I/O,
 * reads the clock or the environment, or draws random numbers.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RULES = fileURLToPath(new URL('.', import.meta.url));
const SRC = resolve(RULES, '..');
/** The repository's shared/ folder: pure by its own test (test/arch/boundaries.test.ts), the rules may use any of it. */
const SHARED = join(resolve(SRC, '..'), 'shared') + sep;
/** Modules of src/ outside src/rules that the rules may use: the role codes and the domain error class. */
const ALLOWED_OUTSIDE = new Set([join(SRC, 'platform/errors.ts'), join(SRC, 'platform/vocabulary.ts')]);
const ALLOWED_PACKAGES = new Set(['typebox', 'typebox/value']);
const FORBIDDEN = [
  /Date\.now\s*\(/,
  /new Date\(\s*\)/,
  /Math\.random/,
  /\bprocess\./,
  /\brequire\(/,
  /\bfetch\(/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || entry.name === 'test-support.ts')
      return [];
    return [path];
  });
}

test('the rules do no I/O: imports stay in src/rules (plus shared/, domain errors, the role codes, typebox); no clock, env or randomness', () => {
  const files = sources(RULES);
  assert.ok(files.length >= 10);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from\s+'([^']+)'/g)) {
      if (!spec.startsWith('.')) {
        assert.ok(ALLOWED_PACKAGES.has(spec), `${file} imports package ${spec}`);
        continue;
      }
      const target = resolve(dirname(file), spec);
      assert.ok(
        target.startsWith(RULES) || target.startsWith(SHARED) || ALLOWED_OUTSIDE.has(target),
        `${file} imports ${spec}`,
      );
    }
    for (const pattern of FORBIDDEN) assert.ok(!pattern.test(text), `${file} uses ${pattern}`);
  }
});
