/**
 * The Excel round-trip of the three catalogs (exceljs), as functions over bytes and plain data — no
 * file system, no database, no clock (the export time is a parameter).
 *
 * Workbook layout (template, export and the marked-up workbook alike):
 * - one data sheet per catalog (`SHEET_NAMES`); row 1 the Chinese headers (`*` = required, each with a
 *   comment explaining it), row 2 an instruction row starting with `【填写说明】`, data from row 3;
 *   both rows frozen. Columns are found by header text, so users may reorder them or add their own;
 *   unknown columns (e.g. a previous `错误说明`) are ignored.
 * - a hidden `选项` sheet holding the drop-down lists (one column per list, title in row 1), referenced
 *   by range from the data validations of rows 3…(2 + MAX_DATA_ROWS): enumerations are drop-downs,
 *   dates, integers and prices have date / whole / decimal validation. Multi-value cells (网络类型,
 *   共享方式) use a drop-down with a warning only, several values separated by `、` (also accepted:
 *   `，` `,` `；` `;` and line breaks).
 * - a `填写说明` sheet; an export adds an `导出说明` sheet (who, when, which filter, how many).
 *
 * Resources are one row per data item (信息项): the resource columns are filled on the first row of
 * each resource; the following rows of the same resource either leave them empty or repeat them
 * identically (so a sorted or filled-down sheet still reads right). A resource is identified within
 * the file by 资源名称 + 资源提供方 + 资源代码. A resource without data items is one row with the item
 * columns empty. Export repeats the resource columns on every row.
 *
 * Upload is all-or-nothing: `parseUpload` returns `ok: true` and every row, or `ok: false`, no row and
 * every problem with its Excel row and column; `markErrors` returns the user's workbook with a
 * `错误说明` column on the bad rows and the bad cells filled red with a comment.
 */
import type { Cell, Fill, Style } from 'exceljs';
import { invalid } from '../shared/errors.ts';
import { foldCode, parseResourceCode } from './codes.ts';
import { normaliseName } from './dedupe.ts';
import { type CellContent, contentOf, draftValue, numberText, toCellValue } from './excel-cells.ts';
import {
  CATALOG_COLUMNS,
  type ColumnDef,
  type DynamicList,
  ITEM_PREFIX,
  isItemColumn,
} from './excel-columns.ts';
import {
  applyValidations,
  buildWorkbook,
  type CatalogLists,
  ERROR_FILL_ARGB,
  ERROR_HEADER,
  ERROR_NOTE_PREFIX,
  EXPORT_SHEET,
  FIRST_DATA_ROW,
  type Layout,
  loadWorkbook,
  locate,
  MAX_DATA_ROWS,
  MAX_EXPORT_ROWS,
  numFmtOf,
  readOptionsSheet,
  SHEET_NAMES,
  save,
} from './excel-sheets.ts';
import type {
  CatalogInputs,
  CatalogKind,
  CatalogProblem,
  CloudServiceInput,
  ResourceInput,
  SystemCatalogRules,
  SystemInput,
} from './model.ts';
import {
  type CheckResult,
  checkCloudService,
  checkResource,
  checkSystem,
  checkSystemRules,
} from './validate.ts';

export { parseDateText, parseNumberText } from './excel-cells.ts';
export { CATALOG_COLUMNS, type ColumnDef, type ColumnType, type DynamicList } from './excel-columns.ts';
export {
  type CatalogLists,
  ERROR_FILL_ARGB,
  ERROR_HEADER,
  EXPORT_SHEET,
  GUIDE_SHEET,
  INSTRUCTION_MARK,
  MAX_DATA_ROWS,
  MAX_EXPORT_ROWS,
  OPTIONS_SHEET,
  SHEET_NAMES,
} from './excel-sheets.ts';
export { checkXlsxContainer, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES } from './xlsx-container.ts';

// ---------------------------------------------------------------------------------------------
// Kinds

/** The fields that identify a catalog entry for duplicate checks. */
export interface KeyFields {
  systems: Pick<SystemInput, 'name' | 'ownerDepartment'>;
  resources: Pick<ResourceInput, 'name' | 'provider'>;
  cloudServices: Pick<CloudServiceInput, 'name' | 'spec' | 'category' | 'provider'>;
}

/** An entry already in the catalog, for duplicate and code checks of an upload. */
export type ExistingEntry<K extends CatalogKind> = KeyFields[K] & { code: string };

interface KindSpec<K extends CatalogKind> {
  noun: string;
  check(draft: Readonly<Record<string, unknown>>): CheckResult<CatalogInputs[K]>;
  key(fields: KeyFields[K]): string;
  /** The code that identifies an existing entry to update; undefined for a new entry. */
  updateCode(value: CatalogInputs[K]): string | undefined;
  /** Whether a code absent from the catalog is acceptable (resources may bring their own code). */
  newCodesAllowed: boolean;
  /** Fields resolved against platform lists. */
  listFields: readonly { field: string; list: DynamicList }[];
  withField(value: CatalogInputs[K], field: string, text: string): CatalogInputs[K];
  rows(value: CatalogInputs[K]): Readonly<Record<string, unknown>>[];
}

const record = (value: object): Record<string, unknown> =>
  Object.fromEntries(new Map<string, unknown>(Object.entries(value)));
const joinKey = (...parts: string[]) => parts.map(normaliseName).join('\u0000');

const SPECS: { [P in CatalogKind]: KindSpec<P> } = {
  systems: {
    noun: '系统',
    check: checkSystem,
    key: (f) => joinKey(f.ownerDepartment, f.name),
    updateCode: (value) => value.code,
    newCodesAllowed: false,
    listFields: [
      { field: 'ownerDepartment', list: 'departments' },
      { field: 'jurisdiction', list: 'jurisdictions' },
    ],
    withField: (value, field, text) =>
      field === 'ownerDepartment'
        ? { ...value, ownerDepartment: text }
        : field === 'jurisdiction'
          ? { ...value, jurisdiction: text }
          : value,
    rows: (value) => [record(value)],
  },
  resources: {
    noun: '资源',
    check: checkResource,
    key: (f) => joinKey(f.provider, f.name),
    updateCode: (value) => {
      const parsed = parseResourceCode(value.code);
      return parsed.ok && parsed.code.sequence !== null ? parsed.code.text : undefined;
    },
    newCodesAllowed: true,
    listFields: [{ field: 'provider', list: 'departments' }],
    withField: (value, field, text) => (field === 'provider' ? { ...value, provider: text } : value),
    rows: (value) => {
      const base = record(value);
      base.dataItems = undefined;
      if (value.dataItems.length === 0) return [base];
      return value.dataItems.map((item) => ({
        ...base,
        'dataItems.name': item.name,
        'dataItems.dataType': item.dataType,
        'dataItems.length': item.length,
      }));
    },
  },
  cloudServices: {
    noun: '云服务',
    check: checkCloudService,
    key: (f) => joinKey(f.provider, f.category, f.name, f.spec),
    updateCode: (value) => value.code,
    newCodesAllowed: false,
    listFields: [],
    withField: (value) => value,
    rows: (value) => [record(value)],
  },
};

/** The duplicate key of an entry: normalised names of its identifying fields. */
export function catalogKey<K extends CatalogKind>(kind: K, fields: KeyFields[K]): string {
  const spec: KindSpec<K> = SPECS[kind];
  return spec.key(fields);
}

/** The blank template of a catalog, with the platform lists as drop-downs. */
export async function buildTemplate(kind: CatalogKind, lists: CatalogLists = {}): Promise<Buffer> {
  return save(buildWorkbook(kind, lists).workbook);
}

export interface ExportMeta {
  /** Who exports (name and account), written into the workbook (SECURITY 35). */
  exportedBy: string;
  /** When; the caller's clock. */
  exportedAt: Date;
  /** Chinese description of the filter applied, e.g. `责任部门：市公安局；状态：运行`. */
  filter?: string;
  lists?: CatalogLists;
}

const chinaTime = (at: Date) => {
  const shifted = new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
};

/**
 * The catalog rows (already filtered by the caller) as an .xlsx in the template layout, so that it can
 * be edited and uploaded again; who exported it, when and with which filter are written into an
 * `导出说明` sheet, the page footer and the workbook properties. At most MAX_EXPORT_ROWS sheet rows.
 */
export async function exportCatalog<K extends CatalogKind>(
  kind: K,
  values: readonly CatalogInputs[K][],
  meta: ExportMeta,
): Promise<Buffer> {
  const spec: KindSpec<K> = SPECS[kind];
  const rows = values.flatMap((value) => spec.rows(value));
  if (rows.length > MAX_EXPORT_ROWS) {
    throw invalid('CATALOG_EXPORT_TOO_LARGE', `导出不能超过 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围`);
  }
  const { workbook, sheet } = buildWorkbook(kind, meta.lists ?? {});
  const defs = CATALOG_COLUMNS[kind];
  rows.forEach((row, i) => {
    const excelRow = sheet.getRow(FIRST_DATA_ROW + i);
    defs.forEach((def, j) => {
      const value = toCellValue(def, row[def.field]);
      if (value === null) return;
      const cell = excelRow.getCell(j + 1);
      cell.value = value;
      const numFmt = numFmtOf(def);
      if (numFmt) cell.numFmt = numFmt;
    });
  });
  const when = chinaTime(meta.exportedAt);
  workbook.creator = meta.exportedBy;
  workbook.created = meta.exportedAt;
  workbook.modified = meta.exportedAt;
  const escapeFooter = (text: string) => text.replace(/&/g, '&&');
  sheet.headerFooter.oddFooter = `&L导出人：${escapeFooter(meta.exportedBy)}&R导出时间：${when}（北京时间）`;
  const info = workbook.addWorksheet(EXPORT_SHEET);
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 60;
  const lines: [string, string | number][] = [
    ['目录', SHEET_NAMES[kind]],
    ['导出人', meta.exportedBy],
    ['导出时间', `${when}（北京时间）`],
    ['筛选条件', meta.filter ?? '全部'],
    [`${spec.noun}数`, values.length],
    ['数据行数', rows.length],
  ];
  lines.forEach(([label, value], i) => {
    info.getCell(i + 1, 1).value = label;
    info.getCell(i + 1, 1).font = { bold: true };
    info.getCell(i + 1, 2).value = value;
  });
  return save(workbook);
}

// ---------------------------------------------------------------------------------------------
// Parsing an upload

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

// ---------------------------------------------------------------------------------------------
// Marking errors

function noteText(cell: Cell): string {
  const note: unknown = cell.note;
  if (typeof note === 'string') return note;
  if (typeof note === 'object' && note !== null && 'texts' in note && Array.isArray(note.texts)) {
    return note.texts
      .map((run: unknown) =>
        typeof run === 'object' && run !== null && 'text' in run ? String(run.text) : '',
      )
      .join('');
  }
  return '';
}

function isErrorFill(cell: Cell): boolean {
  const fill = cell.fill;
  return fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb === ERROR_FILL_ARGB;
}

const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL_ARGB } };

/**
 * Gives the cell its own style with `changes` applied. exceljs shares one style object between the
 * cells of a column (and rows); assigning `cell.fill` would mutate it and colour the whole column.
 */
function restyle(cell: Cell, changes: Partial<Style>): void {
  cell.style = { ...cell.style, ...changes };
}

/**
 * Removes a note. exceljs has no public API for it: the note lives in the cell's `_comment` and, for
 * a loaded workbook, in the `comment` of its value model, which is what the writer reads.
 */
function clearNote(cell: Cell): void {
  Reflect.set(cell, '_comment', undefined);
  Reflect.deleteProperty(cell.model, 'comment');
}

/**
 * The uploaded workbook with its problems marked: a `错误说明` column (reused when present) holding the
 * messages of each bad row, and every bad cell filled red with a comment starting `错误：`. Marks of
 * an earlier round are cleared first, so a corrected file marked again shows only what is still wrong.
 * The data validations are rebuilt from the template (a user's own validations are not kept).
 */
export async function markErrors(
  kind: CatalogKind,
  bytes: Uint8Array,
  problems: readonly RowProblem[],
): Promise<Buffer> {
  const workbook = await loadWorkbook(bytes);
  const layout = locate(workbook, kind);
  const { sheet } = layout;
  const errorColumn = layout.errorColumn ?? layout.lastHeaderColumn + 1;

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < layout.dataStart) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (isErrorFill(cell)) restyle(cell, { fill: { type: 'pattern', pattern: 'none' } });
      if (noteText(cell).startsWith(ERROR_NOTE_PREFIX)) clearNote(cell);
    });
    const errorCell = row.getCell(errorColumn);
    errorCell.value = null;
  });

  const header = sheet.getRow(layout.headerRow).getCell(errorColumn);
  header.value = ERROR_HEADER;
  restyle(header, {
    font: { bold: true, color: { argb: 'FFC00000' } },
    fill: ERROR_FILL,
    alignment: { vertical: 'middle', horizontal: 'center' },
  });
  if (layout.dataStart > layout.headerRow + 1) {
    sheet.getRow(layout.headerRow + 1).getCell(errorColumn).value =
      '由平台填写：本行的错误原因；改正后可直接重新上传';
  }
  sheet.getColumn(errorColumn).width = 60;

  const byRow = new Map<number, RowProblem[]>();
  for (const problem of problems) {
    const list = byRow.get(problem.row) ?? [];
    list.push(problem);
    byRow.set(problem.row, list);
  }
  for (const [rowNumber, list] of byRow) {
    const row = sheet.getRow(rowNumber);
    const messages = list.map((p) => (p.header ? `【${p.header}】${p.message}` : p.message));
    const errorCell = row.getCell(errorColumn);
    errorCell.value =
      messages.length === 1 ? messages[0] : messages.map((m, i) => `${i + 1}. ${m}`).join('\n');
    restyle(errorCell, {
      font: { color: { argb: 'FFC00000' } },
      alignment: { wrapText: true, vertical: 'top' },
      fill: ERROR_FILL,
      numFmt: '@',
    });
    const byColumn = new Map<number, string[]>();
    for (const problem of list) {
      if (problem.column === null) continue;
      const texts = byColumn.get(problem.column) ?? [];
      texts.push(problem.message);
      byColumn.set(problem.column, texts);
    }
    for (const [column, texts] of byColumn) {
      const cell = row.getCell(column);
      restyle(cell, { fill: ERROR_FILL });
      cell.note = `${ERROR_NOTE_PREFIX}${texts.join('；')}`;
    }
  }

  const ranges = readOptionsSheet(workbook);
  applyValidations(sheet, layout.placed, ranges);
  return save(workbook);
}
