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
import { invalid } from '../platform/errors.ts';
import { toCellValue } from './excel-cells.ts';
import { CATALOG_COLUMNS } from './excel-columns.ts';
import { type KindSpec, SPECS } from './excel-kinds.ts';
import {
  buildWorkbook,
  type CatalogLists,
  EXPORT_SHEET,
  FIRST_DATA_ROW,
  MAX_EXPORT_ROWS,
  numFmtOf,
  SHEET_NAMES,
  save,
} from './excel-sheets.ts';
import type { CatalogInputs, CatalogKind } from './model.ts';

export { parseDateText, parseNumberText } from './excel-cells.ts';
export { CATALOG_COLUMNS, type ColumnDef, type ColumnType, type DynamicList } from './excel-columns.ts';
export { catalogKey, type ExistingEntry, type KeyFields } from './excel-kinds.ts';
export { markErrors } from './excel-marks.ts';
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
export * from './excel-upload.ts';
export { checkXlsxContainer, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES } from './xlsx-container.ts';

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
