/**
 * "Every write goes through the audited path" as a check on the source: writes are issued only on a
 * transaction handle (`tx`), and transactions are opened only by the command runner
 * (src/platform/command.ts), which appends the audit row in the same transaction. The few technical
 * writes that are not business events (session bookkeeping) are listed here with the reason.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Files allowed to open a transaction themselves, and why. */
const TRANSACTION_OPENERS: Record<string, string> = {
  'src/platform/command.ts': 'the audited command runner itself',
  'src/identity/plugin.ts':
    'session bookkeeping: last-seen touch and revoking a timed-out session (the expiry is audited separately)',
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/**
 * The drizzle tables: `export const x = pgTable(` in src/platform/db/core.ts, every src/<module>/tables.ts,
 * every src/<module>/tables/*.ts and every src/platform/<part>/tables.ts.
 */
function tableNames(): string[] {
  const files = [path.join(ROOT, 'src/platform/db/schema.ts'), path.join(ROOT, 'src/platform/db/core.ts')];
  for (const parent of ['src', 'src/platform']) {
    for (const dir of fs.readdirSync(path.join(ROOT, parent))) {
      const tables = path.join(ROOT, parent, dir, 'tables.ts');
      if (fs.existsSync(tables)) files.push(tables);
      const folder = path.join(ROOT, parent, dir, 'tables');
      if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
        for (const f of fs.readdirSync(folder).sort())
          if (f.endsWith('.ts') && !f.endsWith('.test.ts')) files.push(path.join(folder, f));
      }
    }
  }
  return files.flatMap((f) =>
    [...fs.readFileSync(f, 'utf8').matchAll(/export const (\w+) = pgTable\(/g)].map((m) => m[1]),
  );
}

export function writeViolations(files: { file: string; text: string }[], tables = tableNames()): string[] {
  const problems: string[] = [];
  const write = new RegExp(
    `\\b([\\w.]+)\\s*\\.\\s*(insert|update|delete)\\s*\\(\\s*(?:schema\\.)?(${tables.join('|')})\\b`,
    'g',
  );
  for (const { file, text } of files) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const m of line.matchAll(write)) {
        if (m[1] !== 'tx')
          problems.push(`${file}:${i + 1}: ${m[1]}.${m[2]}( — writes must run on a command transaction (tx)`);
      }
      if (/\.transaction\s*\(/.test(line) && !(file in TRANSACTION_OPENERS)) {
        problems.push(`${file}:${i + 1}: opens a transaction outside runCommand (src/platform/command.ts)`);
      }
    });
  }
  return problems;
}

test('every database write in src runs on a transaction opened by the audited command runner', () => {
  const files = sourceFiles(path.join(ROOT, 'src')).map((f) => ({
    file: path.relative(ROOT, f),
    text: fs.readFileSync(f, 'utf8'),
  }));
  assert.ok(files.length > 20);
  assert.deepEqual(writeViolations(files), []);
});

test('the write-path check catches a write on the bare database handle', () => {
  const bad = [
    {
      file: 'src/x.ts',
      text: 'await deps.db.insert(users).values(row);\nawait deps.db.transaction(async () => {});',
    },
    { file: 'src/y.ts', text: 'await tx.update(users).set({});\nhmac.update(data);' },
  ];
  assert.deepEqual(
    writeViolations(bad).map((p) => p.split(':')[0]),
    ['src/x.ts', 'src/x.ts'],
  );
});
