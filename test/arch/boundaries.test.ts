/**
 * Architecture boundaries (ARCHITECTURE-TARGET.md, M0), checked on the import statements:
 *  - pure files and folders import no database, driver, file system or network module;
 *  - route files (routes.ts, *-routes.ts, catalog/http/*) import no drizzle, no tables and no
 *    database client: SQL belongs in queries/commands/repositories. Today's offenders are listed
 *    below as known exceptions; the list may only shrink (a listed file that no longer offends
 *    fails the test until it is taken off the list);
 *  - every file that declares a drizzle table (`pgTable(`) is the core schema (src/platform/db/core.ts),
 *    src/<module>/tables.ts, src/<module>/tables/<area>.ts or src/platform/<part>/tables.ts (where drizzle.config.ts, the write-path
 *    test and the migration review find it), and drizzle.config.ts's schema globs cover every one;
 *  - every demo file (demo.ts or demo-*.ts anywhere, or any file under a `demo/` folder) is part
 *    of the test template's key.
 *  - a cross-module import (src/<a>/… importing src/<b>/…, a ≠ b) targets src/<b>/index.ts, the
 *    module's only surface, or src/platform/ (the kernel); the composition root (src/app.ts,
 *    src/server.ts, src/runtime.ts, src/bootstrap.ts, src/demo/) and *.test.ts are exempt. One
 *    exception is a rule, not a list (docs/decisions/0009-tables-surface.md): a module's tables files
 *    (src/<b>/tables.ts, src/<b>/tables/*.ts) are its table-only second surface, which another
 *    module's tables file (a foreign key) and the schema barrel src/platform/db/schema.ts may import,
 *    and nothing else outside the module. There are no other exceptions;
 *  - the platform (src/platform/**, its tests too) imports no file of a module, index.ts or tables file
 *    alike, and no list excuses one: only the schema barrel re-exports the modules' tables files;
 *  - the schema barrel src/platform/db/schema.ts is read by drizzle-kit and the database client
 *    only: a file that needs a table imports the tables file that declares it (core tables from
 *    src/platform/db/core.ts); the importers left are listed below and may only shrink;
 *  - shared/ (repository root: the vocabularies, money and dates both the server and the web import) is
 *    pure TypeScript: its files import only other files of shared/ (no package, no node: module, nothing
 *    of src/ or web/) and use no Node or browser global; its tests may import packages and node:, never
 *    src/ or web/; the web imports nothing of src/ (what it shares with the server is in shared/).
 * Import cycles are refused by Biome (`noImportCycles`, biome.json, everywhere: no file is exempt).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { templateSeedFiles } from '../support/helper.ts';
import { allFiles, importsOf, ROOT, resolved, sourceFiles } from './imports.ts';

const IO_PACKAGES = [
  /^drizzle-orm/,
  /^pg$/,
  /^@electric-sql\/pglite/,
  /^node:(fs|net|http|https|child_process|dgram|dns|tls|worker_threads)(\/|$)/,
  /^(fs|net|http|https|child_process)$/,
];
const IO_MODULES = [/^src\/platform\/db\//, /\/tables(\.ts$|\/)/, /\/repository\.ts$/];

/** Folders and files that must stay free of I/O (shared/ has its stricter test below). */
const PURE = [
  'src/rules',
  'src/projects/actors.ts',
  'src/projects/workflow-state.ts',
  'src/projects/diff.ts',
  'src/projects/model.ts',
  'src/platform/errors.ts',
  'src/platform/clock.ts',
  'src/platform/vocabulary.ts',
  'src/platform/actor.ts',
];

const ROUTE_FILE = /(^|\/)(routes|[\w-]+-routes)\.ts$|^src\/catalog\/http\/[\w-]+\.ts$/;
const SQL_IMPORT = [/^drizzle-orm/, /\/tables(\.ts$|\/)/, /^src\/platform\/db\/(schema|client)\.ts$/];

/** Where drizzle tables may be declared (besides the core schema). */
const CORE_TABLES = ['src/platform/db/core.ts'];
const TABLES_FILE = /^src\/(platform\/)?[\w-]+\/tables\.ts$/;
const TABLES_FOLDER = /^src\/(platform\/)?[\w-]+\/tables\/[\w-]+\.ts$/;

/** A drizzle.config.ts schema glob (`*` within a folder, `**` across folders) as a RegExp on repository paths. */
function globRegExp(glob: string): RegExp {
  const escaped = glob.replace(/^\.\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`);
}

/** Route files that still run SQL themselves (M7 moved it all out: none is left; keep it that way). */
const ROUTES_WITH_SQL_TODAY = new Set<string>([]);

/** Node and browser globals that shared/ must not touch (it runs in both, and in the rules' tests). */
const HOST_GLOBALS =
  /\b(process|Buffer|require|globalThis|window|document|navigator|localStorage|sessionStorage|fetch|XMLHttpRequest|setTimeout|setInterval)\b/;

/** The source text without comments (a comment may name anything). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/**
 * What is wrong with a shared/ file: an import that leaves shared/ (any package or node: module in a
 * source file; src/ or web/ in any file), or a Node or browser global in a source file.
 */
function sharedViolations(file: string, text: string): string[] {
  const problems: string[] = [];
  const isTest = file.endsWith('.test.ts');
  // `from '…'`, `import('…')` and a bare `import '…'` at the start of a line (not a key like 'catalog.import').
  for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)'([^']+)'/gm)) {
    const target = resolved(file, spec);
    if (target.startsWith('shared/')) continue;
    // A relative import that leaves shared/ (src/, web/, anywhere) never; a package or node: only in a test.
    if (spec.startsWith('.') || !isTest) problems.push(`${file} imports ${spec}`);
  }
  const code = withoutComments(text);
  const global = isTest ? null : HOST_GLOBALS.exec(code);
  if (global) problems.push(`${file} uses ${global[1]}`);
  return problems;
}

/** The composition root wires the modules together and may import any file. */
const COMPOSITION_ROOT = /^src\/(app|server|runtime|bootstrap)\.ts$|^src\/demo\//;

/** The top-level folder of src/ a repository path is in (undefined for files directly in src/). */
function moduleOf(file: string): string | undefined {
  return /^src\/([\w-]+)\//.exec(file)?.[1];
}

/** A module's table surface (decision 0009): its tables.ts, or a file of its tables/ folder. */
const TABLE_SURFACE = /^src\/[\w-]+\/tables(\.ts|\/[\w-]+\.ts)$/;
/** The barrel of every table, for drizzle-kit and the database client (src/platform/db/client.ts). */
const SCHEMA_BARREL = 'src/platform/db/schema.ts';

function isTablesFile(file: string): boolean {
  return CORE_TABLES.includes(file) || TABLES_FILE.test(file) || TABLES_FOLDER.test(file);
}

/**
 * What an import of `target` by `file` is: within one module or into the platform (`internal`),
 * through the target module's index.ts (`index`), a tables file reaching another module's tables
 * for a foreign key or the schema barrel listing them (`table-surface`, decision 0009), the platform
 * reaching into a module (`kernel`, never allowed), or `deep`.
 */
function crossModuleImport(
  file: string,
  target: string,
): 'internal' | 'index' | 'table-surface' | 'kernel' | 'deep' {
  const from = moduleOf(file);
  const to = moduleOf(target);
  if (!from || !to || from === to || to === 'platform') return 'internal';
  if (from === 'platform' && !(file === SCHEMA_BARREL && TABLE_SURFACE.test(target))) return 'kernel';
  if (target === `src/${to}/index.ts`) return 'index';
  if (TABLE_SURFACE.test(target) && (isTablesFile(file) || file === SCHEMA_BARREL)) return 'table-surface';
  return 'deep';
}

/**
 * Files that still import the schema barrel (may only shrink): the database client hands drizzle the
 * whole schema (the `Db` type every module uses is typed by it).
 */
const SCHEMA_BARREL_IMPORTERS_TODAY = new Set<string>(['src/platform/db/client.ts']);

describe('architecture boundaries', () => {
  test('cross-module imports go through the module index.ts or src/platform, which imports no module (known deep imports only shrink)', () => {
    const deep = new Set<string>();
    const kernel: string[] = [];
    const platformTests = allFiles('src/platform').filter((f) => f.endsWith('.test.ts'));
    const files = [...sourceFiles('src').filter((f) => !COMPOSITION_ROOT.test(f)), ...platformTests];
    assert.ok(files.length >= 300, `only ${files.length} source files found`);
    let throughIndex = 0;
    let tableSurface = 0;
    for (const file of files) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolved(file, spec);
        const kind = crossModuleImport(file, target);
        if (kind === 'index') throughIndex++;
        else if (kind === 'table-surface') tableSurface++;
        else if (kind === 'kernel') kernel.push(`${file} -> ${target}`);
        else if (kind === 'deep') deep.add(`${file} -> ${target}`);
      }
    }
    assert.deepEqual(
      kernel,
      [],
      'the platform imports no module: move the code into a module, or pass it in',
    );
    assert.ok(throughIndex >= 100, `only ${throughIndex} imports through an index.ts: is the scan broken?`);
    assert.ok(tableSurface >= 20, `only ${tableSurface} imports of a table surface: is the scan broken?`);
    assert.deepEqual(
      [...deep],
      [],
      "deep cross-module imports: import the module's index.ts (export the name there), or src/platform",
    );
  });

  test('a tables file is imported across modules only by tables files and the schema barrel; the platform imports no module (self-check of the rules)', () => {
    const cases: [file: string, target: string, kind: ReturnType<typeof crossModuleImport>][] = [
      ['src/funds/tables.ts', 'src/projects/tables.ts', 'table-surface'],
      ['src/operations/tables/columns.ts', 'src/catalog/tables.ts', 'table-surface'],
      ['src/notifications/tables.ts', 'src/obligations/tables.ts', 'table-surface'],
      ['src/platform/db/schema.ts', 'src/operations/tables/index.ts', 'table-surface'],
      // a query, a repository, a route or the client reaches another module's tables only through its index.ts
      ['src/funds/repository.ts', 'src/projects/tables.ts', 'deep'],
      ['src/funds/queries/ledger.ts', 'src/projects/tables/plans.ts', 'deep'],
      ['src/funds/routes.ts', 'src/projects/tables.ts', 'deep'],
      // the platform imports no module, not even its index.ts or tables (the barrel lists tables only)
      ['src/platform/db/client.ts', 'src/projects/tables.ts', 'kernel'],
      ['src/platform/jobs.ts', 'src/obligations/tables.ts', 'kernel'],
      ['src/platform/jobs.ts', 'src/obligations/index.ts', 'kernel'],
      ['src/platform/audit-log/tables.ts', 'src/identity/tables.ts', 'kernel'],
      ['src/platform/documents/official.test.ts', 'src/review/test-support.ts', 'kernel'],
      ['src/platform/db/schema.ts', 'src/projects/model.ts', 'kernel'],
      ['src/platform/jobs.ts', 'src/platform/outbound/channels.ts', 'internal'],
      // a tables file reaches only tables: anything else of another module is through its index.ts
      ['src/funds/tables.ts', 'src/projects/repository.ts', 'deep'],
      ['src/funds/tables.ts', 'src/projects/model.ts', 'deep'],
      ['src/funds/tables.ts', 'src/projects/index.ts', 'index'],
      ['src/funds/tables.ts', 'src/funds/model.ts', 'internal'],
      ['src/funds/tables.ts', 'src/platform/db/core.ts', 'internal'],
    ];
    assert.deepEqual(
      cases.map(([file, target]) => [file, target, crossModuleImport(file, target)]),
      cases,
    );
  });

  test('only the database client imports the schema barrel src/platform/db/schema.ts (known importers only shrink)', () => {
    const files = ['src', 'test', 'scripts', 'bench'].flatMap(allFiles).filter((f) => f !== SCHEMA_BARREL);
    assert.ok(files.length >= 500, `only ${files.length} files found`);
    const importers = files.filter((file) =>
      importsOf(file).some((spec) => spec.startsWith('.') && resolved(file, spec) === SCHEMA_BARREL),
    );
    assert.deepEqual(
      importers.filter((f) => !SCHEMA_BARREL_IMPORTERS_TODAY.has(f)),
      [],
      'import the tables file that declares the table (core tables: src/platform/db/core.ts; audit_events: src/platform/audit-log/tables.ts), not the barrel',
    );
    assert.deepEqual(
      [...SCHEMA_BARREL_IMPORTERS_TODAY].filter((f) => !importers.includes(f)),
      [],
      'these no longer import the barrel: take them off SCHEMA_BARREL_IMPORTERS_TODAY',
    );
  });

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

  test('shared/ is pure: it imports only shared/ (no package, node:, src/ or web/) and uses no Node or browser global', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'shared'), { recursive: true, encoding: 'utf8' })
      .map((f) => `shared/${f.split(path.sep).join('/')}`)
      .filter((f) => f.endsWith('.ts'));
    assert.ok(
      files.filter((f) => !f.endsWith('.test.ts')).length >= 8,
      `only ${files.length} files in shared/`,
    );
    const problems = files.flatMap((f) => sharedViolations(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    assert.deepEqual(problems, [], 'shared/ is imported by the server and the web: keep it pure TypeScript');
  });

  test('the shared/ check catches each kind of violation (so that its empty answer means something)', () => {
    const check = (file: string, text: string) => sharedViolations(file, text).length;
    assert.equal(check('shared/a.ts', "import { ROLE_NAMES } from './roles.ts';"), 0);
    assert.equal(check('shared/dates/a.ts', "import { invalid } from '../errors.ts';"), 0);
    assert.equal(check('shared/a.ts', "import { invalid } from '../src/platform/errors.ts';"), 1);
    assert.equal(check('shared/dates/a.ts', "import { x } from '../../web/src/access.ts';"), 1);
    assert.equal(check('shared/a.ts', "import fs from 'node:fs';"), 1);
    assert.equal(check('shared/a.ts', "import { Type } from 'typebox';"), 1);
    assert.equal(check('shared/a.ts', "const x = await import('../src/app.ts');"), 1);
    assert.equal(check('shared/a.ts', "import '../web/src/main.tsx';"), 1);
    assert.equal(check('shared/a.ts', "export * from '../src/access/roles.ts';"), 1);
    assert.equal(check('shared/a.ts', "export const A = { 'catalog.import': '导入目录' };"), 0);
    assert.equal(check('shared/a.ts', 'export const env = process.env.X;'), 1);
    assert.equal(check('shared/a.ts', 'export const w = window.location;'), 1);
    assert.equal(
      check('shared/a.ts', '/** process.env is not read here; window neither. */\nexport const a = 1;'),
      0,
    );
    assert.equal(check('shared/a.test.ts', "import assert from 'node:assert/strict';"), 0);
    assert.equal(check('shared/a.test.ts', "import { x } from '../src/rules/index.ts';"), 1);
  });

  test('the web imports no server file: what it shares with the server is in shared/', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'web/src'), { recursive: true, encoding: 'utf8' })
      .map((f) => `web/src/${f.split(path.sep).join('/')}`)
      .filter((f) => /\.tsx?$/.test(f));
    assert.ok(files.length >= 100, `only ${files.length} web files found`);
    const server = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && /^(src|test|scripts|bench)\//.test(resolved(file, spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    assert.ok(
      files.some((file) => importsOf(file).some((spec) => resolved(file, spec).startsWith('shared/'))),
      'no web file imports shared/: is the scan broken?',
    );
    assert.deepEqual(server, [], 'import it from shared/ (pure, for both sides), or ask the API');
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

  test('every drizzle table is in src/<module>/tables.ts or src/<module>/tables/*.ts, covered by drizzle.config.ts', () => {
    const all = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => `src/${f.split(path.sep).join('/')}`)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const declaring = all.filter((f) => /\bpgTable\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    assert.ok(declaring.length >= 10, `only ${declaring.length} files declare tables`);
    assert.ok(
      declaring.some((f) => TABLES_FOLDER.test(f)),
      'no src/<module>/tables/*.ts found: is the scan broken?',
    );
    assert.deepEqual(
      declaring.filter((f) => !CORE_TABLES.includes(f) && !TABLES_FILE.test(f) && !TABLES_FOLDER.test(f)),
      [],
      'tables belong in src/<module>/tables.ts, src/<module>/tables/<area>.ts or src/platform/<part>/tables.ts (drizzle.config.ts, the write-path test)',
    );
    // drizzle-kit reads the files its schema globs match and what those re-export (transitively): every
    // file that declares a table must be among them, or `npm run db:generate` would not see its tables.
    const config = fs.readFileSync(path.join(ROOT, 'drizzle.config.ts'), 'utf8');
    const globs = [...(config.match(/schema:\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) =>
      path.posix.normalize(m[1]),
    );
    assert.ok(globs.length >= 2, 'drizzle.config.ts: schema globs not found');
    const matched = all.filter((f) => globs.some((g) => globRegExp(g).test(f)));
    const reached = new Set<string>();
    const queue = [...matched];
    while (queue.length > 0) {
      const f = queue.pop()!;
      if (reached.has(f) || !fs.existsSync(path.join(ROOT, f))) continue;
      reached.add(f);
      for (const m of fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/export \* from '([^']+)'/g))
        queue.push(resolved(f, m[1]));
    }
    assert.deepEqual(
      declaring.filter((f) => !reached.has(f)),
      [],
      'files declaring tables that drizzle.config.ts does not read',
    );
  });

  test('every demo file (demo.ts, demo-*.ts, anything under a demo/ folder) is in the test template key', () => {
    const all = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => `src/${f.split(path.sep).join('/')}`)
      .filter((f) => fs.statSync(path.join(ROOT, f)).isFile() && !f.endsWith('.test.ts'));
    const demos = all.filter(
      (f) =>
        /^demo([-.][\w.-]+)?\.ts$/.test(path.posix.basename(f)) || f.split('/').slice(1, -1).includes('demo'),
    );
    assert.ok(demos.length >= 6, `only ${demos.length} demo files found`);
    assert.ok(
      demos.some((f) => /^src\/[\w-]+\/demo\//.test(f)),
      'no src/<module>/demo/ file found: is the scan broken?',
    );
    const seeded = new Set(templateSeedFiles());
    assert.deepEqual(
      demos.filter((f) => !seeded.has(f)),
      [],
      'demo files outside the test template key (test/support/helper.ts templateSeedFiles): a stale template would hide them',
    );
  });
});
