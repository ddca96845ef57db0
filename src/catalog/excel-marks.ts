/**
 * Marking errors (pure): the user's workbook back with a `错误说明` column on the bad rows and the bad
 * cells filled red with a comment.
 */
import type { Cell, Fill, Style } from 'exceljs';
import { locate } from './excel-layout.ts';
import {
  applyValidations,
  ERROR_FILL_ARGB,
  ERROR_HEADER,
  ERROR_NOTE_PREFIX,
  loadWorkbook,
  readOptionsSheet,
  save,
} from './excel-sheets.ts';
import type { RowProblem } from './excel-upload.ts';
import type { CatalogKind } from './model.ts';

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
