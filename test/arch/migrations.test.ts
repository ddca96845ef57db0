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

/**
 * `npm run db:generate` diffs the drizzle schema against the newest snapshot in migrations/meta
 * (drizzle-kit takes the last file by name). A hand-written migration without a snapshot leaves the
 * next generate diffing against an old schema (phantom changes, interactive rename prompts): the
 * latest journal entry must come with its snapshot, and the snapshots must form one id/prevId chain.
 */
test('the latest journal entry has its drizzle snapshot, the newest one in a single chain', () => {
  const latest = journal.entries[journal.entries.length - 1];
  const prefix = latest.tag.slice(0, 4);
  const snapshotFiles = fs
    .readdirSync(path.join(DIR, 'meta'))
    .filter((f) => f.endsWith('_snapshot.json'))
    .sort();
  assert.equal(
    snapshotFiles.at(-1),
    `${prefix}_snapshot.json`,
    `${latest.tag} needs migrations/meta/${prefix}_snapshot.json (see docs/ARCHITECTURE.md, db:generate)`,
  );
  const tags = new Set(journal.entries.map((e) => e.tag.slice(0, 4)));
  const ids = new Set<string>();
  let prevId = '00000000-0000-0000-0000-000000000000';
  for (const f of snapshotFiles) {
    assert.ok(tags.has(f.slice(0, 4)), `${f} belongs to a journal entry`);
    const s = JSON.parse(fs.readFileSync(path.join(DIR, 'meta', f), 'utf8')) as {
      id: string;
      prevId: string;
    };
    assert.equal(s.prevId, prevId, `${f}: prevId is the id of the snapshot before it`);
    assert.ok(!ids.has(s.id), `${f}: id is unique`);
    ids.add(s.id);
    prevId = s.id;
  }
});
