/**
 * The workbook layout shared by template, export and marked-up upload: the data sheet (row 1 headers,
 * row 2 instructions, data from row 3, both frozen), the hidden 选项 sheet with the drop-down lists,
 * the 填写说明 sheet and the data validations. Finding the sheet and its columns again in a user's
 * workbook (by header text, so reordered or extra columns are fine) is excel-layout.ts.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { invalid } from '../platform/errors.ts';
import { cellText } from './excel-cells.ts';
import { CATALOG_COLUMNS, type ColumnDef } from './excel-columns.ts';
import { type CatalogKind, labelsOf } from './model.ts';
import { checkXlsxContainer, MAX_UPLOAD_BYTES } from './xlsx-container.ts';

export const MAX_DATA_ROWS = 5000;
export const MAX_EXPORT_ROWS = 50_000;
export const INSTRUCTION_MARK = '【填写说明】';
export const ERROR_HEADER = '错误说明';
export const OPTIONS_SHEET = '选项';
export const GUIDE_SHEET = '填写说明';
export const EXPORT_SHEET = '导出说明';
/** Fill of a bad cell (light red) and of the 错误说明 cells. */
export const ERROR_FILL_ARGB = 'FFFFC7CE';
export const ERROR_NOTE_PREFIX = '错误：';
export const FIRST_DATA_ROW = 3;

export const SHEET_NAMES: Readonly<Record<CatalogKind, string>> = {
  systems: '信息系统目录',
  resources: '信息资源目录',
  cloudServices: '云服务目录',
};

/** The platform lists offered as drop-downs and checked on upload (names as the users see them). */
export interface CatalogLists {
  departments?: readonly string[];
  jurisdictions?: readonly string[];
}

export type Workbook = InstanceType<typeof ExcelJS.Workbook>;

/**
 * Loads checked bytes. Data validations are not read: exceljs expands every range to single cells,
 * and a user's whole-column validation (C1:C1048576) would cost millions of entries. The template's
 * validations are rebuilt where a workbook is written back (`markErrors`).
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  checkXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer, { ignoreNodes: ['dataValidations'] });
  } catch {
    throw invalid(
      'CATALOG_FILE_NOT_XLSX',
      '无法读取该 Excel 文件，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
    );
  }
  return workbook;
}

export async function save(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Building workbooks

interface ValidationRegistry {
  add(address: string, validation: DataValidation): void;
}

/** exceljs keeps range validations in `worksheet.dataValidations`, which its typings omit. */
function validationsOf(sheet: Worksheet): ValidationRegistry {
  const registry: unknown = Reflect.get(sheet, 'dataValidations');
  if (
    typeof registry === 'object' &&
    registry !== null &&
    typeof Reflect.get(registry, 'add') === 'function'
  ) {
    return {
      add: (address, validation) => {
        Reflect.apply(Reflect.get(registry, 'add'), registry, [address, validation]);
      },
    };
  }
  throw new Error('exceljs: worksheet.dataValidations is missing');
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const truncate = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

/** The drop-down values of a column (labels), or undefined when it has none. */
function dropdownValues(def: ColumnDef, lists: CatalogLists): readonly string[] | undefined {
  if (def.options) return labelsOf(def.options);
  if (def.dropdown === 'departments' || def.dropdown === 'jurisdictions') {
    const values = lists[def.dropdown];
    return values && values.length > 0 ? values : undefined;
  }
  return def.dropdown;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Writes the `选项` sheet: one column per list, title (the column header) in row 1. */
function writeOptionsSheet(
  workbook: Workbook,
  defs: readonly ColumnDef[],
  lists: CatalogLists,
): Map<string, string> {
  const sheet = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  let column = 0;
  for (const def of defs) {
    const values = dropdownValues(def, lists);
    if (!values || values.length === 0) continue;
    column += 1;
    sheet.getCell(1, column).value = def.header;
    values.forEach((value, i) => {
      sheet.getCell(i + 2, column).value = value;
    });
    const letter = columnLetter(column);
    ranges.set(def.header, `${quoteSheet(OPTIONS_SHEET)}!$${letter}$2:$${letter}$${values.length + 1}`);
  }
  return ranges;
}

/** Reads back the list ranges of an existing `选项` sheet (for a marked-up workbook). */
export function readOptionsSheet(workbook: Workbook): Map<string, string> {
  const ranges = new Map<string, string>();
  const sheet = workbook.getWorksheet(OPTIONS_SHEET);
  if (!sheet) return ranges;
  for (let column = 1; column <= sheet.columnCount; column++) {
    const title = cellText(sheet.getCell(1, column));
    if (title === '') continue;
    let last = 1;
    while (last < 10_000 && cellText(sheet.getCell(last + 1, column)) !== '') last++;
    if (last < 2) continue;
    const letter = columnLetter(column);
    ranges.set(title, `${quoteSheet(OPTIONS_SHEET)}!$${letter}$2:$${letter}$${last}`);
  }
  return ranges;
}

/** Whether a drop-down column accepts only listed values (stop) or warns (multi-value, suggestions). */
const strictDropdown = (def: ColumnDef) =>
  def.type === 'enum' ||
  def.type === 'bool' ||
  def.dropdown === 'departments' ||
  def.dropdown === 'jurisdictions';

function validationFor(def: ColumnDef, ranges: ReadonlyMap<string, string>): DataValidation | undefined {
  const prompt = {
    showInputMessage: true,
    promptTitle: truncate(def.header, 32),
    prompt: truncate(def.note, 250),
  };
  const stop = { showErrorMessage: true, errorStyle: 'stop', errorTitle: '输入值无效' };
  const range = ranges.get(def.header);
  if (range) {
    const strict = strictDropdown(def);
    return {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      ...prompt,
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      errorTitle: strict ? '输入值无效' : '请确认',
      error: strict
        ? '请从下拉列表中选择'
        : def.type === 'multiEnum'
          ? '可多选，多个值用“、”分隔；请确认每个值都在下拉列表中'
          : '该值不在建议列表中，请确认',
    };
  }
  if (def.type === 'date') {
    return {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1950, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
      ...prompt,
      ...stop,
      error: '请输入 1950-01-01 至 2100-12-31 之间的日期，格式 YYYY-MM-DD',
    };
  }
  if (def.type === 'integer') {
    return {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [def.min ?? 0, def.max ?? 1_000_000_000],
      ...prompt,
      ...stop,
      error: `请输入 ${def.min ?? 0} 到 ${def.max ?? 1_000_000_000} 之间的整数`,
    };
  }
  if (def.type === 'decimal') {
    return {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [def.min ?? 0],
      ...prompt,
      ...stop,
      error: `请输入不小于 ${def.min ?? 0} 的数字，最多 2 位小数`,
    };
  }
  return undefined;
}

/** Data validation of the data rows, column positions as found (or as built). */
export function applyValidations(
  sheet: Worksheet,
  placed: readonly { def: ColumnDef; column: number }[],
  ranges: ReadonlyMap<string, string>,
): void {
  const registry = validationsOf(sheet);
  const last = FIRST_DATA_ROW + MAX_DATA_ROWS - 1;
  for (const { def, column } of placed) {
    const validation = validationFor(def, ranges);
    const letter = columnLetter(column);
    if (validation) registry.add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, validation);
  }
}

const HEADER_FILL_REQUIRED = 'FFFCE4D6';
const HEADER_FILL_OPTIONAL = 'FFDDEBF7';

export function numFmtOf(def: ColumnDef): string | undefined {
  if (def.type === 'date') return 'yyyy-mm-dd';
  if (def.type === 'integer') return '0';
  if (def.type === 'decimal') return '0.00';
  if (def.type === 'text' || def.type === 'textList') return '@';
  return undefined;
}

function guideLines(kind: CatalogKind): string[] {
  const common = [
    `1. 在“${SHEET_NAMES[kind]}”工作表第 3 行起填写，每行一条；第 1 行为表头（带 * 的为必填），第 2 行为填写说明，请勿删除或修改表头。`,
    '2. 带下拉箭头的单元格请从列表中选择；可多选的单元格用“、”分隔多个值。',
    '3. 日期格式为 YYYY-MM-DD（如 2024-03-01）；单价最多 2 位小数。',
    `4. 每个文件最多 ${MAX_DATA_ROWS} 行、${MAX_UPLOAD_BYTES / 1024 / 1024} MB。`,
    '5. 上传时整批校验：只要有一行有误，全部不写入；平台会返回原文件，在“错误说明”列写明原因并将出错单元格标红，修改后可直接重新上传。',
    '6. 名称只差空格或标点的视为重复。',
  ];
  if (kind === 'resources') {
    common.push(
      '7. 每行一个信息项：资源的各列只需在该资源的第一行填写，其后各行可留空，也可原样重复；没有信息项的资源填一行、信息项各列留空。',
      '8. 资源代码 = 9 位前段码（类 1 位 + 项 2 位 + 目 3 位 + 细目 3 位）+“/”+ 6 位顺序码，如 301001001/000123；新资源可只填前段码。',
    );
  }
  if (kind === 'systems') {
    common.push('7. 新增系统的“系统编码”留空；修改已有系统请先导出目录，在导出文件上修改后上传。');
  }
  return common;
}

export function buildWorkbook(
  kind: CatalogKind,
  lists: CatalogLists,
): { workbook: Workbook; sheet: Worksheet } {
  const defs = CATALOG_COLUMNS[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '统筹 政务信息化项目管理平台';
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind], {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
  });
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 120;
  guideLines(kind).forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
    guide.getCell(i + 1, 1).alignment = { wrapText: true, vertical: 'top' };
  });
  const ranges = writeOptionsSheet(workbook, defs, lists);

  const header = sheet.getRow(1);
  const instructions = sheet.getRow(2);
  defs.forEach((def, i) => {
    const column = i + 1;
    const numFmt = numFmtOf(def);
    const col = sheet.getColumn(column);
    col.width = def.width;
    if (numFmt) col.numFmt = numFmt;
    const cell = header.getCell(column);
    cell.value = def.required ? `${def.header}*` : def.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: def.required ? HEADER_FILL_REQUIRED : HEADER_FILL_OPTIONAL },
    };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = def.note;
    const hint = instructions.getCell(column);
    hint.value = column === 1 ? `${INSTRUCTION_MARK}${def.note}` : def.note;
    hint.font = { italic: true, size: 9, color: { argb: 'FF7F7F7F' } };
    hint.alignment = { vertical: 'top', wrapText: true };
    hint.numFmt = '@';
  });
  header.height = 30;
  instructions.height = 64;
  applyValidations(
    sheet,
    defs.map((def, i) => ({ def, column: i + 1 })),
    ranges,
  );
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return { workbook, sheet };
}
