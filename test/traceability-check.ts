/**
 * The checker behind test/traceability.test.ts, kept pure so that it can itself be tested on
 * in-memory tables: it gets the two TSV texts and two functions to look at the repository.
 *
 * docs/traceability.tsv has the header `id	status	code	test	note` and one row per requirement
 * id of docs/requirements.tsv, in the same order:
 * - status: enforced | recorded | reported | encoded | not-applicable | planned. `enforced` (the
 *   product refuses), `recorded` (the product keeps it) and `reported` (the product shows it) claim
 *   that a stored project runs the rule, so at least one of the row's tests must be an API or browser
 *   test (`test/api/**` or `test/browser/**`); `encoded` is a rule that exists in the rulebook and is
 *   unit-tested but is not yet run by the product;
 * - code: repository path(s) of the implementation, file or folder, several separated by ` | `;
 *   required unless the status is planned or not-applicable. A path may end in `#fragment` naming
 *   the rule inside the file (`src/rules/jurisdictions/dt.ts#dt.gate.filing_certificate`); the
 *   path must exist and the fragment must be non-empty;
 * - test: `path/to/file.test.ts: exact test name`, several separated by ` | `; required unless the
 *   status is planned or not-applicable (and see above for the proven statuses). The name must occur verbatim as the quoted first argument of
 *   `test(`, `it(` or `t.test(` in that file (single quotes, double quotes or backticks);
 * - note: why, for not-applicable (required); otherwise a short note or empty.
 */

export const TRACEABILITY_HEADER = ['id', 'status', 'code', 'test', 'note'] as const;
export const STATUSES = ['enforced', 'recorded', 'reported', 'encoded', 'not-applicable', 'planned'] as const;
/** The statuses that claim a stored project runs the rule. */
export const PROVEN_STATUSES: readonly string[] = ['enforced', 'recorded', 'reported'];
/** Where tests on a stored project live: the API tests and the browser tests. */
const STORED_PROJECT_TEST = /^test\/(api|browser)\//;
export type TraceStatus = (typeof STATUSES)[number];

export interface TraceProblem {
  /** The requirement id the problem is about, or null for the file as a whole. */
  id: string | null;
  /** 1-based line in docs/traceability.tsv (docs/requirements.tsv for requirement problems), if any. */
  line: number | null;
  message: string;
}

export interface TraceRow {
  line: number;
  id: string;
  status: string;
  code: string[];
  tests: { file: string; name: string }[];
  note: string;
}

const LIST_SEPARATOR = ' | ';
const TEST_FILE = /\.test\.tsx?$/;

/** Lines of a TSV text without the final newline; `\r` is kept so that CRLF files are reported. */
function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all;
}

function splitList(cell: string): string[] {
  return cell === '' ? [] : cell.split(LIST_SEPARATOR);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `source` declares a test named exactly `name`: `test('name'`, `it("name"`, `t.test(\`name\``. */
export function declaresTest(source: string, name: string): boolean {
  const quoted = ["'", '"', '`'].map((q) => `${q}${escapeRegExp(name)}${q}`).join('|');
  const call = new RegExp(`(?:^|[^\\w$.])(?:test|it)\\(\\s*(?:${quoted})|\\.test\\(\\s*(?:${quoted})`);
  return call.test(source);
}

/** A repository-relative path: no leading slash or drive, no `..`, no backslashes, no empty segment. */
function isRepoPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return false;
  return path
    .split('/')
    .every((segment, i, all) => segment !== '..' && (segment !== '' || i === all.length - 1));
}

export function checkTraceability(
  requirementsText: string,
  traceabilityText: string,
  fileExists: (path: string) => boolean,
  readFile: (path: string) => string,
): TraceProblem[] {
  const problems: TraceProblem[] = [];
  const problem = (id: string | null, line: number | null, message: string) => {
    problems.push({ id, line, message: id ? `${id}: ${message}` : message });
  };

  // --- requirement ids -------------------------------------------------------------------------
  const requirementLines = lines(requirementsText);
  if (requirementLines.length === 0 || requirementLines[0].split('\t')[0] !== 'id') {
    problem(null, 1, 'docs/requirements.tsv: the first line must be a header starting with "id"');
  }
  const requirementIds: string[] = [];
  const requirementLine = new Map<string, number>();
  requirementLines.slice(1).forEach((text, i) => {
    const line = i + 2;
    const id = text.split('\t')[0];
    if (id === '') {
      problem(null, line, `docs/requirements.tsv line ${line}: empty id`);
      return;
    }
    if (requirementLine.has(id)) {
      problem(
        id,
        line,
        `listed twice in docs/requirements.tsv (lines ${requirementLine.get(id)} and ${line})`,
      );
      return;
    }
    requirementLine.set(id, line);
    requirementIds.push(id);
  });

  // --- traceability rows -----------------------------------------------------------------------
  const traceLines = lines(traceabilityText);
  const header = traceLines[0] ?? '';
  if (header !== TRACEABILITY_HEADER.join('\t')) {
    problem(
      null,
      1,
      `docs/traceability.tsv: header must be exactly "${TRACEABILITY_HEADER.join('\\t')}", found "${header.replaceAll('\t', '\\t')}"`,
    );
  }

  const rows: TraceRow[] = [];
  const traceLine = new Map<string, number>();
  traceLines.slice(1).forEach((text, i) => {
    const line = i + 2;
    const cells = text.split('\t');
    const id = cells[0] ?? '';
    const label = id === '' ? null : id;
    if (text.trim() === '') {
      problem(null, line, `docs/traceability.tsv line ${line}: empty line`);
      return;
    }
    if (cells.length !== TRACEABILITY_HEADER.length) {
      problem(
        label,
        line,
        `line ${line} has ${cells.length} tab-separated columns, expected ${TRACEABILITY_HEADER.length}`,
      );
      return;
    }
    if (cells.some((cell) => cell !== cell.trim())) {
      problem(label, line, `line ${line} has leading or trailing spaces in a cell`);
    }
    if (!requirementLine.has(id)) {
      problem(label, line, `unknown id on line ${line}: not in docs/requirements.tsv`);
      return;
    }
    const first = traceLine.get(id);
    if (first !== undefined) {
      problem(id, line, `listed twice in docs/traceability.tsv (lines ${first} and ${line})`);
      return;
    }
    traceLine.set(id, line);
    const [, status, code, test, note] = cells;
    const tests = splitList(test).map((entry) => {
      const colon = entry.indexOf(': ');
      return colon < 0
        ? { file: entry, name: '' }
        : { file: entry.slice(0, colon), name: entry.slice(colon + 2) };
    });
    rows.push({ line, id, status, code: splitList(code), tests, note });
  });

  for (const id of requirementIds) {
    if (!traceLine.has(id))
      problem(id, requirementLine.get(id) ?? null, 'missing from docs/traceability.tsv');
  }

  // Order: the ids both files share must come in the same order.
  const shared = requirementIds.filter((id) => traceLine.has(id));
  const listed = rows.map((row) => row.id);
  const misplaced = shared.findIndex((id, i) => listed[i] !== id);
  if (misplaced >= 0) {
    const found = listed[misplaced];
    problem(
      found,
      traceLine.get(found) ?? null,
      `out of order: docs/requirements.tsv has ${shared[misplaced]} at this position (keep the order of docs/requirements.tsv)`,
    );
  }

  // --- each row's content ----------------------------------------------------------------------
  const sources = new Map<string, string>();
  const source = (file: string): string => {
    let text = sources.get(file);
    if (text === undefined) {
      text = readFile(file);
      sources.set(file, text);
    }
    return text;
  };

  for (const row of rows) {
    const { id, line, status } = row;
    if (!(STATUSES as readonly string[]).includes(status)) {
      problem(id, line, `status "${status}" is not one of ${STATUSES.join(', ')}`);
      continue;
    }
    const proven = PROVEN_STATUSES.includes(status);
    const needsCode = proven || status === 'encoded';
    if (needsCode && row.code.length === 0) problem(id, line, `status ${status} needs a code path`);
    if (needsCode && row.tests.length === 0) problem(id, line, `status ${status} needs at least one test`);
    if (proven && row.tests.length > 0 && !row.tests.some((t) => STORED_PROJECT_TEST.test(t.file))) {
      problem(
        id,
        line,
        `status ${status} needs an API or browser test on a stored project (test/api/** or test/browser/**); a rule only unit-tested is encoded`,
      );
    }
    if (status === 'not-applicable' && row.note === '') {
      problem(id, line, 'status not-applicable needs a note saying why');
    }

    for (const entry of row.code) {
      const hash = entry.indexOf('#');
      const path = hash < 0 ? entry : entry.slice(0, hash);
      if (hash >= 0 && hash === entry.length - 1)
        problem(id, line, `code path "${entry}" has an empty #fragment`);
      if (!isRepoPath(path)) problem(id, line, `code path "${path}" must be relative to the repository root`);
      else if (!fileExists(path)) problem(id, line, `code path "${path}" does not exist`);
    }
    for (const { file, name } of row.tests) {
      if (name === '') {
        problem(id, line, `test "${file}" must be written "path/to/file.test.ts: exact test name"`);
      } else if (!isRepoPath(file) || !TEST_FILE.test(file)) {
        problem(id, line, `test file "${file}" must be a repository path ending in .test.ts`);
      } else if (!fileExists(file)) {
        problem(id, line, `test file "${file}" does not exist`);
      } else if (!declaresTest(source(file), name)) {
        problem(id, line, `test "${name}" is not declared in ${file} (test('…'), it('…') or t.test('…'))`);
      }
    }
  }

  return problems;
}
