/**
 * The migration journal applies on an existing database: drizzle's migrator applies only the
 * migrations whose `when` is later than the last one the database has, so a migration merged with an
 * older number or timestamp than one already released would be skipped silently on upgrade. Every
 * entry must come after the one before it (idx and when), and every file must be in the journal.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const journal = JSON.parse(fs.readFileSync(path.join(DIR, 'meta/_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

test('journal entries are in increasing idx and when order, each with its own SQL file', () => {
  const { entries } = journal;
  assert.ok(entries.length >= 20);
  for (let i = 1; i < entries.length; i++) {
    const [prev, cur] = [entries[i - 1], entries[i]];
    assert.ok(cur.idx > prev.idx, `${cur.tag}: idx ${cur.idx} after ${prev.idx}`);
    assert.ok(
      cur.when > prev.when,
      `${cur.tag}: when ${cur.when} must be later than ${prev.tag}'s ${prev.when}`,
    );
  }
  for (const e of entries) {
    assert.ok(e.tag.startsWith(String(e.idx).padStart(4, '0')), `${e.tag} is numbered ${e.idx}`);
    assert.ok(fs.existsSync(path.join(DIR, `${e.tag}.sql`)), `${e.tag}.sql exists`);
  }
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''));
  assert.deepEqual(files.sort(), entries.map((e) => e.tag).sort(), 'every SQL file is in the journal');
});
