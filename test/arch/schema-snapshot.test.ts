/**
 * `npm run db:generate` diffs the drizzle tables against the newest snapshot in migrations/meta. When
 * a table changes without a migration and its snapshot (or a hand-written migration comes without an
 * updated snapshot), the next generate emits someone else's changes or stops at a rename prompt.
 * The tables (the files drizzle.config.ts names) must equal that snapshot: a generate now
 * would write nothing. Hand-written SQL stays the truth for what drizzle does not model (triggers,
 * functions); migrations/meta/0023_snapshot.json was checked against a migrated PostgreSQL database.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const META = path.join(ROOT, 'migrations/meta');

/** The modules drizzle-kit reads: the files drizzle.config.ts's schema globs (`*` within a folder) match. */
async function schemaModules(): Promise<Record<string, unknown>> {
  const config = fs.readFileSync(path.join(ROOT, 'drizzle.config.ts'), 'utf8');
  const globs = [...(config.match(/schema:\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
    (m) => new RegExp(`^${path.posix.normalize(m[1]).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`),
  );
  assert.ok(globs.length >= 2, 'drizzle.config.ts: schema globs not found');
  const files = fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .filter((f) => globs.some((g) => g.test(f)));
  const modules = await Promise.all(files.map((f) => import(path.join(ROOT, f))));
  return Object.assign({}, ...modules);
}

test('the drizzle tables equal the newest migration snapshot (db:generate has nothing to write)', async () => {
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  const newest = fs
    .readdirSync(META)
    .filter((f) => f.endsWith('_snapshot.json'))
    .sort()
    .at(-1);
  assert.ok(newest, 'no snapshot in migrations/meta');
  const snapshot = JSON.parse(fs.readFileSync(path.join(META, newest), 'utf8'));
  const current = generateDrizzleJson(await schemaModules(), snapshot.id);
  assert.deepEqual(
    await generateMigration(snapshot, current),
    [],
    `the tables differ from migrations/meta/${newest}: run npm run db:generate <name> (docs/ARCHITECTURE.md)`,
  );
});
