/**
 * Architecture boundaries (ARCHITECTURE-TARGET.md, M0), checked on the import statements:
 *  - pure files and folders import no database, driver, file system or network module;
 *  - route files (routes.ts, *-routes.ts, catalog/http/*) import no drizzle, no tables and no
 *    database client: SQL belongs in queries/commands/repositories. Today's offenders are listed
 *    below as known exceptions; the list may only shrink (a listed file that no longer offends
 *    fails the test until it is taken off the list);
 *  - every tables.ts sits at src/<module>/tables.ts or src/platform/<part>/tables.ts (where
 *    drizzle.config.ts, the write-path test and the migration review find it) and every demo.ts, nested or not, is part of the test
 *    template's key.
 * Import cycles are refused by Biome (`noImportCycles`, biome.json, with today's known cycles listed
 * there).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { templateSeedFiles } from '../helper.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
    .sort();
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
}

/** The target of a relative import as a repository path; a package name as it is. */
function resolved(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}

const IO_PACKAGES = [
  /^drizzle-orm/,
  /^pg$/,
  /^@electric-sql\/pglite/,
  /^node:(fs|net|http|https|child_process|dgram|dns|tls|worker_threads)(\/|$)/,
  /^(fs|net|http|https|child_process)$/,
];
const IO_MODULES = [/^src\/platform\/db\//, /\/tables\.ts$/, /\/repository\.ts$/];

/** Folders and files that must stay free of I/O. */
const PURE = [
  'src/rules',
  'src/calendar/dates.ts',
  'src/calendar/workdays.ts',
  'src/calendar/types.ts',
  'src/projects/actors.ts',
  'src/projects/workflow-state.ts',
  'src/projects/diff.ts',
  'src/projects/model.ts',
  'src/platform/errors.ts',
  'src/platform/clock.ts',
];

const ROUTE_FILE = /(^|\/)(routes|[\w-]+-routes)\.ts$|^src\/catalog\/http\/[\w-]+\.ts$/;
const SQL_IMPORT = [/^drizzle-orm/, /\/tables\.ts$/, /^src\/platform\/db\/(schema|client)\.ts$/];

/** Route files that still run SQL themselves (M7 moved it all out: none is left; keep it that way). */
const ROUTES_WITH_SQL_TODAY = new Set<string>([]);

describe('architecture boundaries', () => {
  test('pure folders and files import no database, driver, file system or network module', () => {
    const files = PURE.flatMap((p) => (p.endsWith('.ts') ? [p] : sourceFiles(p)));
    assert.ok(files.length >= 15, `only ${files.length} pure files found`);
    const problems: string[] = [];
    for (const file of files) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is listed as pure but does not exist`);
      for (const spec of importsOf(file)) {
        const target = resolved(file, spec);
        if (IO_PACKAGES.some((re) => re.test(target)) || IO_MODULES.some((re) => re.test(target)))
          problems.push(`${file} imports ${spec}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('route files import no drizzle, tables or database client (known exceptions only shrink)', () => {
    const routeFiles = sourceFiles('src').filter((f) => ROUTE_FILE.test(f));
    assert.ok(routeFiles.length >= 15, `only ${routeFiles.length} route files found`);
    const offenders = routeFiles.filter((file) =>
      importsOf(file).some((spec) => SQL_IMPORT.some((re) => re.test(resolved(file, spec)))),
    );
    const unexpected = offenders.filter((f) => !ROUTES_WITH_SQL_TODAY.has(f));
    assert.deepEqual(unexpected, [], 'new route files with SQL: put it in queries/ or commands/');
    const fixed = [...ROUTES_WITH_SQL_TODAY].filter((f) => !offenders.includes(f));
    assert.deepEqual(fixed, [], 'these no longer import SQL: take them off ROUTES_WITH_SQL_TODAY');
  });

  test('every tables.ts is at src/<module>/tables.ts or src/platform/<part>/tables.ts and every demo.ts is in the test template key', () => {
    const all = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => `src/${f.split(path.sep).join('/')}`);
    const tables = all.filter((f) => path.posix.basename(f) === 'tables.ts');
    assert.ok(tables.length >= 2);
    assert.deepEqual(
      tables.filter((f) => !/^src\/(platform\/)?[\w-]+\/tables\.ts$/.test(f)),
      [],
      'nested tables.ts: drizzle.config.ts and the write-path test read src/*/tables.ts and src/platform/*/tables.ts',
    );
    const demos = all.filter((f) => path.posix.basename(f) === 'demo.ts');
    const seeded = new Set(templateSeedFiles());
    assert.deepEqual(
      demos.filter((f) => !seeded.has(f)),
      [],
    );
  });
});
