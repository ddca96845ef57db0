/**
 * Proves the catalog code is pure: no module of src/catalog (tests and test support aside) reads the
 * clock, the environment or randomness, or imports anything beyond its own folder, the domain errors,
 * the role vocabulary (shared/roles.ts, pure), exceljs and node:zlib (used on in-memory bytes only).
 * The I/O around the rules lives in the subfolders (store/, commands/, http/, demo/) and in the file
 * listed in IO_MODULES.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CATALOG = fileURLToPath(new URL('.', import.meta.url));
const SRC = resolve(CATALOG, '..');
const ALLOWED_OUTSIDE = new Set([join(SRC, 'platform/errors.ts'), join(SRC, '../shared/roles.ts')]);
const ALLOWED_PACKAGES = new Set(['exceljs', 'node:zlib']);
/** Top-level files that are not rules, and why. */
const IO_MODULES: Record<string, string> = {
  'tables.ts': 'drizzle table declarations (the migrations are generated from them)',
};
const FORBIDDEN = [
  /Date\.now\s*\(/,
  /new Date\(\s*\)/,
  /Math\.random/,
  /\bprocess\./,
  /\brequire\(/,
  /\bfetch\(/,
];

test('the catalog rules do no I/O: imports stay in src/catalog (plus domain errors, shared roles, exceljs, node:zlib); no clock, env or randomness', () => {
  const files = readdirSync(CATALOG)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'test-support.ts')
    .filter((name) => !(name in IO_MODULES))
    .map((name) => join(CATALOG, name));
  assert.ok(files.length >= 9);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from\s+'([^']+)'/g)) {
      if (!spec.startsWith('.')) {
        assert.ok(ALLOWED_PACKAGES.has(spec), `${file} imports package ${spec}`);
        continue;
      }
      const target = resolve(dirname(file), spec);
      assert.ok(target.startsWith(CATALOG) || ALLOWED_OUTSIDE.has(target), `${file} imports ${spec}`);
    }
    for (const pattern of FORBIDDEN) assert.ok(!pattern.test(text), `${file} uses ${pattern}`);
  }
});
