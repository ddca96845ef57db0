import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkTraceability, declaresTest, type TraceProblem } from './traceability-check.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const inRepo = (path: string) => resolve(root, path);
const sharedRequirements = resolve(root, '../shared/spec/requirements.tsv');

const messages = (problems: TraceProblem[]) => problems.map((p) => p.message);

describe('requirement traceability (docs/traceability.tsv)', () => {
  test('every requirement id is traced once, in order, with existing code paths and declared tests', () => {
    const problems = checkTraceability(
      readFileSync(inRepo('docs/requirements.tsv'), 'utf8'),
      readFileSync(inRepo('docs/traceability.tsv'), 'utf8'),
      (path) => existsSync(inRepo(path)),
      (path) => readFileSync(inRepo(path), 'utf8'),
    );
    assert.deepEqual(messages(problems), []);
  });

  test('docs/requirements.tsv is a byte-for-byte copy of the shared spec', {
    skip: existsSync(sharedRequirements) ? false : `${sharedRequirements} is absent`,
  }, () => {
    const copy = readFileSync(inRepo('docs/requirements.tsv'));
    const spec = readFileSync(sharedRequirements);
    assert.ok(
      copy.equals(spec),
      'docs/requirements.tsv differs from ../shared/spec/requirements.tsv: copy it again',
    );
  });
});

describe('the traceability checker itself', () => {
  const requirements = [
    'id\tdoc\tarticle\tkind\trequirement',
    'A-1\tA\t一\tgate\tx',
    'A-2\tA\t二\tdeadline\ty',
  ].join('\n');
  const header = 'id\tstatus\tcode\ttest\tnote';
  const files: Record<string, string> = {
    'src/rules/gate.ts': 'export const gate = 1;\n',
    'test/api/gate.test.ts': "test('a stored project is refused funds without the filing', () => {});\n",
    'src/rules/gate.test.ts': [
      "test('blocks funds when the filing is missing', () => {});",
      'it("double quoted name", () => {});',
      "describe('a suite name', () => {});",
      "test.skip('a skipped test', () => {});",
      "const label = 'a string that is not a test';",
    ].join('\n'),
  };
  const checkTable = (table: string) =>
    messages(
      checkTraceability(
        requirements,
        table,
        (path) => path in files || path === 'src/rules',
        (path) => files[path] ?? '',
      ),
    );
  const check = (...rows: string[]) => checkTable(`${[header, ...rows].join('\n')}\n`);
  const apiTest = 'test/api/gate.test.ts: a stored project is refused funds without the filing';
  const good = `A-1\tenforced\tsrc/rules/gate.ts\tsrc/rules/gate.test.ts: blocks funds when the filing is missing | ${apiTest}\t`;

  test('a correct table passes, with several code paths and tests separated by " | "', () => {
    assert.deepEqual(check(good, 'A-2\tplanned\t\t\t'), []);
    assert.deepEqual(
      check(
        `A-1\trecorded\tsrc/rules/gate.ts | src/rules\tsrc/rules/gate.test.ts: blocks funds when the filing is missing | src/rules/gate.test.ts: double quoted name | ${apiTest}\tnote`,
        'A-2\tnot-applicable\t\t\tno software behaviour',
      ),
      [],
    );
  });

  test('a wrong header is reported', () => {
    assert.deepEqual(checkTable(`id\tstatus\tcode\ttests\tnote\n${good}\nA-2\tplanned\t\t\t\n`), [
      'docs/traceability.tsv: header must be exactly "id\\tstatus\\tcode\\ttest\\tnote", found "id\\tstatus\\tcode\\ttests\\tnote"',
    ]);
    assert.equal(checkTable('').length, 3); // no header, both ids missing
  });

  test('a missing, a duplicated and an unknown id are each reported by id', () => {
    assert.deepEqual(check(good), ['A-2: missing from docs/traceability.tsv']);
    assert.deepEqual(check(good, good, 'A-2\tplanned\t\t\t'), [
      'A-1: listed twice in docs/traceability.tsv (lines 2 and 3)',
    ]);
    assert.deepEqual(check(good, 'A-2\tplanned\t\t\t', 'B-9\tplanned\t\t\t'), [
      'B-9: unknown id on line 4: not in docs/requirements.tsv',
    ]);
  });

  test('rows out of the order of docs/requirements.tsv are reported', () => {
    assert.deepEqual(check('A-2\tplanned\t\t\t', good), [
      'A-2: out of order: docs/requirements.tsv has A-1 at this position (keep the order of docs/requirements.tsv)',
    ]);
  });

  test('an unknown status is reported', () => {
    assert.deepEqual(check(good, 'A-2\tdone\t\t\t'), [
      'A-2: status "done" is not one of enforced, recorded, reported, encoded, not-applicable, planned',
    ]);
  });

  test('an enforced row without code or test, and a not-applicable row without a note, are reported', () => {
    assert.deepEqual(check('A-1\tenforced\t\t\t', 'A-2\tnot-applicable\t\t\t'), [
      'A-1: status enforced needs a code path',
      'A-1: status enforced needs at least one test',
      'A-2: status not-applicable needs a note saying why',
    ]);
  });

  test('enforced, recorded and reported need an API or browser test on a stored project; encoded does not', () => {
    const unitOnly = 'src/rules/gate.test.ts: blocks funds when the filing is missing';
    for (const status of ['enforced', 'recorded', 'reported']) {
      assert.deepEqual(check(`A-1\t${status}\tsrc/rules/gate.ts\t${unitOnly}\t`, 'A-2\tplanned\t\t\t'), [
        `A-1: status ${status} needs an API or browser test on a stored project (test/api/** or test/browser/**); a rule only unit-tested is encoded`,
      ]);
    }
    assert.deepEqual(check(`A-1\tencoded\tsrc/rules/gate.ts\t${unitOnly}\t`, 'A-2\tplanned\t\t\t'), []);
    assert.deepEqual(check('A-1\tencoded\t\t\t', 'A-2\tplanned\t\t\t'), [
      'A-1: status encoded needs a code path',
      'A-1: status encoded needs at least one test',
    ]);
  });

  test('a code path or test file that does not exist is reported', () => {
    assert.deepEqual(
      check(
        'A-1\tencoded\tsrc/rules/missing.ts\tsrc/rules/missing.test.ts: blocks funds when the filing is missing\t',
        'A-2\tplanned\t../outside.ts\t\t',
      ),
      [
        'A-1: code path "src/rules/missing.ts" does not exist',
        'A-1: test file "src/rules/missing.test.ts" does not exist',
        'A-2: code path "../outside.ts" must be relative to the repository root',
      ],
    );
  });

  test('a code path may name the rule inside the file with a #fragment; the file must still exist', () => {
    const test = 'src/rules/gate.test.ts: blocks funds when the filing is missing';
    assert.deepEqual(
      check(`A-1\tencoded\tsrc/rules/gate.ts#a.gate.filing | src/rules#x\t${test}\t`, 'A-2\tplanned\t\t\t'),
      [],
    );
    assert.deepEqual(
      check(
        `A-1\tencoded\tsrc/rules/missing.ts#a.gate | src/rules/gate.ts#\t${test}\t`,
        'A-2\tplanned\t\t\t',
      ),
      [
        'A-1: code path "src/rules/missing.ts" does not exist',
        'A-1: code path "src/rules/gate.ts#" has an empty #fragment',
      ],
    );
  });

  test('a test name that is not declared verbatim in its file is reported', () => {
    const row = (name: string) => `A-1\tencoded\tsrc/rules/gate.ts\tsrc/rules/gate.test.ts: ${name}\t`;
    for (const name of [
      'blocks funds when the filing',
      'a suite name',
      'a skipped test',
      'a string that is not a test',
      'Blocks funds when the filing is missing',
    ]) {
      assert.deepEqual(
        check(row(name), 'A-2\tplanned\t\t\t'),
        [`A-1: test "${name}" is not declared in src/rules/gate.test.ts (test('…'), it('…') or t.test('…'))`],
        name,
      );
    }
    assert.deepEqual(
      check('A-1\tencoded\tsrc/rules/gate.ts\tsrc/rules/gate.test.ts\t', 'A-2\tplanned\t\t\t'),
      ['A-1: test "src/rules/gate.test.ts" must be written "path/to/file.test.ts: exact test name"'],
    );
    assert.deepEqual(check('A-1\tencoded\tsrc/rules/gate.ts\tsrc/rules/gate.ts: x\t', 'A-2\tplanned\t\t\t'), [
      'A-1: test file "src/rules/gate.ts" must be a repository path ending in .test.ts',
    ]);
  });

  test('a row with the wrong number of columns is reported by id and line', () => {
    assert.deepEqual(check(good, 'A-2\tplanned\t\t'), [
      'A-2: line 3 has 4 tab-separated columns, expected 5',
      'A-2: missing from docs/traceability.tsv',
    ]);
  });

  test('declaresTest accepts single, double and backtick quotes, multi-line calls and t.test', () => {
    assert.equal(declaresTest("test('a (b) c?', () => {})", 'a (b) c?'), true);
    assert.equal(declaresTest('it("x", () => {})', 'x'), true);
    assert.equal(declaresTest('test(`x`, () => {})', 'x'), true);
    assert.equal(declaresTest("test(\n  'x',\n  () => {},\n)", 'x'), true);
    assert.equal(declaresTest("await t.test('x', () => {})", 'x'), true);
    assert.equal(declaresTest("submit('x')", 'x'), false);
    assert.equal(declaresTest("test('x y')", 'x'), false);
    assert.equal(declaresTest('test(\'x")', 'x'), false);
  });
});
