/**
 * Parsing an uploaded catalog workbook, all-or-nothing (pure): every row, or no row and every problem
 * with its Excel row and column. The layout is described in excel.ts.
 */
import { invalid } from '../platform/errors.ts';
import { foldCode } from './codes.ts';
import { normaliseName } from './dedupe.ts';
import { type CellContent, contentOf, draftValue, numberText } from './excel-cells.ts';
import { CATALOG_COLUMNS, type ColumnDef, ITEM_PREFIX, isItemColumn } from './excel-columns.ts';
import { type ExistingEntry, joinKey, type KindSpec, record, SPECS } from './excel-kinds.ts';
import { type Layout, locate } from './excel-layout.ts';
import { type CatalogLists, loadWorkbook, MAX_DATA_ROWS } from './excel-sheets.ts';
import type { CatalogInputs, CatalogKind, CatalogProblem, SystemCatalogRules, SystemInput } from './model.ts';
import { checkSystemRules } from './validate.ts';

/** A problem located in the workbook: Excel row number and 1-based column (null: the row as a whole). */
export interface RowProblem extends CatalogProblem {
  sheet: string;
  row: number;
  column: number | null;
  header: string | null;
}

export interface ParsedRow<K extends CatalogKind> {
  /** Excel row of the entry (the first row of a resource). */
  row: number;
  /** Every Excel row of the entry (a resource has one per data item). */
  rows: number[];
  value: CatalogInputs[K];
  /** `update` when the entry names an existing code (ParseOptions.existing), else `create`. */
  action: 'create' | 'update';
}

export interface UploadResult<K extends CatalogKind> {
  kind: K;
  sheet: string;
  /** True when there is no problem: then, and only then, `rows` holds every entry to write. */
  ok: boolean;
  rows: ParsedRow<K>[];
  problems: RowProblem[];
  /** Non-empty data rows read from the sheet. */
  dataRowCount: number;
}

export interface ParseOptions<K extends CatalogKind> extends CatalogLists {
  /** The current catalog entries in scope, for duplicate and code checks. */
  existing?: readonly ExistingEntry<K>[];
  /** The catalog rules of the jurisdiction a system row names (its rulebook's), if known. */
  systemRules?: (jurisdictionName: string) => SystemCatalogRules | null;
}

interface SheetRow {
  row: number;
  cells: Map<string, CellContent>;
}

interface Entry {
  row: number;
  rows: number[];
  /** Excel row of each data item (resources). */
  itemRows: number[];
  draft: Record<string, unknown>;
  /** The first row that gave each resource-level field (resources). */
  fieldRows: Map<string, number>;
}

function readRows(layout: Layout): SheetRow[] {
  const rows: SheetRow[] = [];
  layout.sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < layout.dataStart) return;
    const cells = new Map<string, CellContent>();
    for (const { def, column } of layout.placed) {
      const content = contentOf(row.getCell(column).value);
      if (content.kind !== 'empty') cells.set(def.field, content);
    }
    if (cells.size === 0) return;
    if (rows.length >= MAX_DATA_ROWS) {
      throw invalid('CATALOG_TOO_MANY_ROWS', `每个文件最多 ${MAX_DATA_ROWS} 行数据，请分批上传`);
    }
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function comparable(def: ColumnDef, content: CellContent | undefined): string {
  if (!content) return '';
  return JSON.stringify(draftValue(def, content) ?? null);
}

/** Groups the rows into entries: one per row, or one per resource (rows of its data items). */
function groupEntries(
  kind: CatalogKind,
  rows: readonly SheetRow[],
  defs: readonly ColumnDef[],
  report: (row: number, field: string | null, code: string, message: string) => void,
): Entry[] {
  const entriesOut: Entry[] = [];
  const entryDefs = defs.filter((def) => !isItemColumn(def));
  const itemDefs = defs.filter(isItemColumn);
  const fill = (entry: Entry, row: SheetRow) => {
    for (const def of entryDefs) {
      const content = row.cells.get(def.field);
      if (!content || entry.fieldRows.has(def.field)) continue;
      entry.draft[def.field] = draftValue(def, content);
      entry.fieldRows.set(def.field, row.row);
    }
  };
  if (kind !== 'resources') {
    for (const row of rows) {
      const entry: Entry = { row: row.row, rows: [row.row], itemRows: [], draft: {}, fieldRows: new Map() };
      fill(entry, row);
      entriesOut.push(entry);
    }
    return entriesOut;
  }
  const byKey = new Map<string, { entry: Entry; cells: Map<string, CellContent> }>();
  let current: Entry | null = null;
  const textOf = (row: SheetRow, field: string) => {
    const content = row.cells.get(field);
    return content && content.kind === 'text'
      ? content.text
      : content && content.kind === 'number'
        ? numberText(content.value)
        : '';
  };
  for (const row of rows) {
    const hasEntryFields = entryDefs.some((def) => row.cells.has(def.field));
    const hasItem = itemDefs.some((def) => row.cells.has(def.field));
    if (hasEntryFields) {
      const key = joinKey(textOf(row, 'name'), textOf(row, 'provider'), foldCode(textOf(row, 'code')));
      const known = byKey.get(key);
      if (known && textOf(row, 'name') !== '') {
        for (const def of entryDefs) {
          const content = row.cells.get(def.field);
          if (!content) continue;
          const first = known.cells.get(def.field);
          if (first && comparable(def, first) !== comparable(def, content)) {
            report(
              row.row,
              def.field,
              'RESOURCE_ROWS_INCONSISTENT',
              `同一资源（第 ${known.entry.row} 行起）的“${def.header}”与本行不一致；同一资源各行的资源列须留空或完全相同`,
            );
          }
        }
        current = known.entry;
        current.rows.push(row.row);
        fill(current, row);
        for (const [field, content] of row.cells)
          if (!known.cells.has(field)) known.cells.set(field, content);
      } else {
        current = { row: row.row, rows: [row.row], itemRows: [], draft: {}, fieldRows: new Map() };
        fill(current, row);
        entriesOut.push(current);
        byKey.set(key, { entry: current, cells: new Map(row.cells) });
      }
    } else if (current) {
      current.rows.push(row.row);
    } else {
      report(
        row.row,
        null,
        'ITEM_WITHOUT_RESOURCE',
        '该行只有信息项，前面没有所属资源；请在本行或上方填写资源各列',
      );
      continue;
    }
    if (hasItem) {
      const item: Record<string, unknown> = {};
      for (const def of itemDefs) {
        const content = row.cells.get(def.field);
        if (content) item[def.field.slice(ITEM_PREFIX.length)] = draftValue(def, content);
      }
      const items = Array.isArray(current.draft.dataItems) ? current.draft.dataItems : [];
      current.draft.dataItems = [...items, item];
      current.itemRows.push(row.row);
    }
  }
  for (const entry of entriesOut) if (entry.draft.dataItems === undefined) entry.draft.dataItems = [];
  return entriesOut;
}

/**
 * Reads an uploaded workbook of `kind` and checks every row: cell types, the validators of
 * validate.ts, duplicates inside the file (same name in the same department, same code), and, when
 * given, the platform lists (unknown department or jurisdiction) and the existing catalog (name already
 * taken, unknown code). Throws a DomainError (`invalid`) when the file itself is unusable: not an
 * .xlsx, too large, too many rows, no matching sheet or required column, no data row.
 */
export async function parseUpload<K extends CatalogKind>(
  kind: K,
  bytes: Uint8Array,
  options: ParseOptions<K> = {},
): Promise<UploadResult<K>> {
  const spec: KindSpec<K> = SPECS[kind];
  const workbook = await loadWorkbook(bytes);
  const layout = locate(workbook, kind);
  const defs = CATALOG_COLUMNS[kind];
  const headerOf = new Map(defs.map((def) => [def.field, def.header]));
  const sheetName = layout.sheet.name;
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const unreadable = new Set<string>();
  const report = (row: number, field: string | null, code: string, message: string, article?: string) => {
    const column = field === null ? null : (layout.columns.get(field) ?? null);
    const cellKey = `${row}\u0000${field ?? ''}`;
    const problemKey = `${cellKey}\u0000${code}\u0000${message}`;
    // One report per message, and none beside the CELL_ERROR of a cell that could not be read.
    if (seen.has(problemKey) || (field !== null && unreadable.has(cellKey))) return;
    seen.add(problemKey);
    if (code === 'CELL_ERROR') unreadable.add(cellKey);
    problems.push({
      sheet: sheetName,
      row,
      column,
      header: field === null ? null : (headerOf.get(field) ?? null),
      field: field ?? '',
      code,
      message,
      ...(article ? { article } : {}),
    });
  };

  const rows = readRows(layout);
  if (rows.length === 0) throw invalid('CATALOG_FILE_EMPTY', `“${sheetName}”工作表中没有数据行`);
  for (const row of rows) {
    for (const [field, content] of row.cells) {
      if (content.kind === 'error') {
        report(
          row.row,
          field,
          'CELL_ERROR',
          `“${headerOf.get(field) ?? field}”单元格的值无效（${content.text}），请填写具体内容`,
        );
      }
    }
  }
  const entries = groupEntries(kind, rows, defs, (row, field, code, message) =>
    report(row, field, code, message),
  );

  /** Maps a validator field path to the Excel row and column field. */
  const place = (entry: Entry, path: string): { row: number; field: string | null } => {
    const item = /^dataItems\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (item) {
      const row = entry.itemRows[Number(item[1])] ?? entry.row;
      return { row, field: item[2] ? `${ITEM_PREFIX}${item[2]}` : null };
    }
    if (path === 'dataItems') return { row: entry.row, field: `${ITEM_PREFIX}name` };
    const field = path === '' ? null : path;
    return { row: field ? (entry.fieldRows.get(field) ?? entry.row) : entry.row, field };
  };

  const checked: { entry: Entry; value: CatalogInputs[K] }[] = [];
  for (const entry of entries) {
    const result = spec.check(entry.draft);
    if (kind === 'systems' && result.value && options.systemRules) {
      const system = result.value as SystemInput;
      result.problems.push(...checkSystemRules(system, options.systemRules(system.jurisdiction)));
      if (result.problems.length > 0) result.value = null;
    }
    for (const problem of result.problems) {
      const at = place(entry, problem.field);
      report(at.row, at.field, problem.code, problem.message, problem.article);
    }
    if (result.value === null) continue;
    let value = result.value;
    for (const { field, list } of spec.listFields) {
      const allowed = options[list];
      if (!allowed || allowed.length === 0) continue;
      const text = String(record(value)[field] ?? '');
      const hit = allowed.find((name) => normaliseName(name) === normaliseName(text));
      if (hit === undefined) {
        const at = place(entry, field);
        report(
          at.row,
          at.field,
          list === 'departments' ? 'UNKNOWN_DEPARTMENT' : 'UNKNOWN_JURISDICTION',
          `“${text}”不在平台的${list === 'departments' ? '部门' : '辖区'}列表中，请从下拉列表选择`,
        );
      } else {
        value = spec.withField(value, field, hit);
      }
    }
    checked.push({ entry, value });
  }

  // Duplicates inside the file and against the catalog.
  const firstByKey = new Map<string, Entry>();
  const firstByCode = new Map<string, Entry>();
  const existing = options.existing ?? [];
  const existingByCode = new Map(existing.map((e) => [e.code, e]));
  const existingByKey = new Map(existing.map((e) => [spec.key(e), e]));
  const actions = new Map<Entry, 'create' | 'update'>();
  for (const { entry, value } of checked) {
    const key = spec.key(value);
    const code = spec.updateCode(value);
    const nameAt = place(entry, 'name');
    const earlier = firstByKey.get(key);
    if (earlier) {
      report(
        nameAt.row,
        nameAt.field,
        'DUPLICATE_IN_FILE',
        `与第 ${earlier.row} 行的${spec.noun}重复（名称只差空格或标点也视为重复）`,
      );
    } else {
      firstByKey.set(key, entry);
    }
    if (code !== undefined) {
      const sameCode = firstByCode.get(code);
      const codeAt = place(entry, 'code');
      if (sameCode) {
        report(
          codeAt.row,
          codeAt.field,
          'DUPLICATE_CODE_IN_FILE',
          `编码 ${code} 与第 ${sameCode.row} 行重复`,
        );
      } else {
        firstByCode.set(code, entry);
      }
    }
    if (options.existing === undefined) {
      actions.set(entry, 'create');
      continue;
    }
    const target = code === undefined ? undefined : existingByCode.get(code);
    if (code !== undefined && target === undefined && !spec.newCodesAllowed) {
      const codeAt = place(entry, 'code');
      report(
        codeAt.row,
        codeAt.field,
        'UNKNOWN_CODE',
        `目录中没有编码为 ${code} 的${spec.noun}；新增${spec.noun}请将编码留空`,
      );
    }
    const holder = existingByKey.get(key);
    if (holder && holder.code !== code) {
      report(
        nameAt.row,
        nameAt.field,
        'DUPLICATE_NAME',
        `目录中已有同名${spec.noun}（编码 ${holder.code}）；如需修改该${spec.noun}，请在编码列填写 ${holder.code}`,
      );
    }
    actions.set(entry, target ? 'update' : 'create');
  }

  problems.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  const ok = problems.length === 0;
  return {
    kind,
    sheet: sheetName,
    ok,
    rows: ok
      ? checked.map(({ entry, value }) => ({
          row: entry.row,
          rows: [...entry.rows].sort((a, b) => a - b),
          value,
          action: actions.get(entry) ?? 'create',
        }))
      : [],
    problems,
    dataRowCount: rows.length,
  };
}
