/**
 * Locating the catalog sheet of an uploaded workbook, its header row and where the data starts
 * (the instruction rows of the platform's template are skipped).
 */
import type { Row, Worksheet } from 'exceljs';
import { invalid } from '../platform/errors.ts';
import { cellText } from './excel-cells.ts';
import { CATALOG_COLUMNS, type ColumnDef } from './excel-columns.ts';
import { ERROR_HEADER, INSTRUCTION_MARK, OPTIONS_SHEET, SHEET_NAMES, type Workbook } from './excel-sheets.ts';
import type { CatalogKind } from './model.ts';

const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*]/g, '')
    .replace(/\(必填\)$/, '');

export interface Layout {
  sheet: Worksheet;
  headerRow: number;
  /** Column of each field found. */
  columns: Map<string, number>;
  placed: { def: ColumnDef; column: number }[];
  dataStart: number;
  lastHeaderColumn: number;
  errorColumn: number | null;
}

function findLayout(sheet: Worksheet, defs: readonly ColumnDef[]): Layout | null {
  const byHeader = new Map(defs.map((def) => [headerKey(def.header), def]));
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const placed: { def: ColumnDef; column: number }[] = [];
    const columns = new Map<string, number>();
    let lastHeaderColumn = 0;
    let errorColumn: number | null = null;
    const width = Math.min(Math.max(row.cellCount, sheet.columnCount), 200);
    for (let c = 1; c <= width; c++) {
      const text = cellText(row.getCell(c));
      if (text === '') continue;
      lastHeaderColumn = c;
      const key = headerKey(text);
      if (key === ERROR_HEADER) errorColumn = c;
      const def = byHeader.get(key);
      if (def && !columns.has(def.field)) {
        columns.set(def.field, c);
        placed.push({ def, column: c });
      }
    }
    const required = defs.filter((def) => def.required);
    if (placed.length > 0 && required.filter((def) => columns.has(def.field)).length * 2 >= required.length) {
      let dataStart = r + 1;
      while (dataStart <= sheet.rowCount && rowHasMark(sheet.getRow(dataStart), width)) dataStart++;
      return { sheet, headerRow: r, columns, placed, dataStart, lastHeaderColumn, errorColumn };
    }
  }
  return null;
}

function rowHasMark(row: Row, width: number): boolean {
  for (let c = 1; c <= width; c++) if (cellText(row.getCell(c)).startsWith(INSTRUCTION_MARK)) return true;
  return false;
}

export function locate(workbook: Workbook, kind: CatalogKind): Layout {
  const defs = CATALOG_COLUMNS[kind];
  const named = workbook.getWorksheet(SHEET_NAMES[kind]);
  const candidates = named
    ? [named]
    : workbook.worksheets.filter((sheet) => sheet.state === 'visible' && sheet.name !== OPTIONS_SHEET);
  for (const sheet of candidates) {
    const layout = findLayout(sheet, defs);
    if (layout) {
      const missing = defs
        .filter((def) => def.required && !layout.columns.has(def.field))
        .map((def) => def.header);
      if (missing.length > 0) {
        throw invalid(
          'CATALOG_TEMPLATE_MISMATCH',
          `表头缺少必填列：${missing.join('、')}。请使用平台下载的模板`,
          {
            details: { missing },
          },
        );
      }
      return layout;
    }
  }
  throw invalid(
    'CATALOG_TEMPLATE_MISMATCH',
    `未找到“${SHEET_NAMES[kind]}”工作表或其表头，请使用平台下载的${SHEET_NAMES[kind]}模板`,
  );
}
