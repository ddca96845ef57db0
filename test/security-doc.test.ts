/**
 * docs/security.md maps every statement 1–35 of SECURITY.md (Identity, Sessions, Access control,
 * Audit, Input, Cryptography, Data) to tests; this checks that every statement has a row and every
 * named test exists verbatim in its file, as test/traceability.test.ts does for the rulebooks.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { declaresTest } from './traceability-check.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOC = 'docs/security.md';
const STATEMENTS = 35;

interface DocRow {
  line: number;
  statement: number;
  file: string;
  name: string;
}

/** The rows of the statement table: `| n | proven | \`file\` | test name |`. */
function docRows(text: string): DocRow[] {
  const rows: DocRow[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\| (\d+) \| [^|]+ \| `([^`]+)` \| (.+) \|$/.exec(line.trimEnd());
    if (m) rows.push({ line: i + 1, statement: Number(m[1]), file: m[2], name: m[3].trim() });
  });
  return rows;
}

function docProblems(text: string, read: (file: string) => string | null, statements = STATEMENTS): string[] {
  const rows = docRows(text);
  const problems: string[] = [];
  for (let n = 1; n <= statements; n++) {
    if (!rows.some((r) => r.statement === n)) problems.push(`statement ${n} has no test`);
  }
  for (const row of rows) {
    const source = read(row.file);
    if (source === null) problems.push(`line ${row.line}: ${row.file} does not exist`);
    else if (!declaresTest(source, row.name))
      problems.push(`line ${row.line}: no test "${row.name}" in ${row.file}`);
  }
  return problems;
}

const readRepo = (file: string) => {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
};

describe('docs/security.md', () => {
  test('every statement 1–35 has a test and every test named in docs/security.md exists verbatim', () => {
    const text = fs.readFileSync(path.join(ROOT, DOC), 'utf8');
    assert.ok(docRows(text).length >= STATEMENTS);
    assert.deepEqual(docProblems(text, readRepo), []);
  });

  test('the check reports a missing statement, a missing file and a renamed test (test of the test)', () => {
    const text = [
      '| 1 | a | `a.test.ts` | does a thing |',
      '| 2 | b | `b.test.ts` | does b |',
      '| 2 | c | `a.test.ts` | was renamed |',
    ].join('\n');
    const files: Record<string, string> = { 'a.test.ts': "test('does a thing', () => {});" };
    assert.deepEqual(
      docProblems(text, (f) => files[f] ?? null, 3),
      [
        'statement 3 has no test',
        'line 2: b.test.ts does not exist',
        'line 3: no test "was renamed" in a.test.ts',
      ],
    );
  });
});
