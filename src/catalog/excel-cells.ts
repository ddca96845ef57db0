/**
 * Cell values ⇄ catalog values. Reading tolerates what real workbooks hold: rich text, hyperlinks,
 * formulas (their cached result), numbers typed as text and text typed as numbers, dates as Date
 * cells, Excel serial numbers or text (2024-03-01, 2024/3/1, 2024年3月1日, 20240301), full-width
 * digits, padding. Enumerations accept labels, codes and aliases; what does not match is passed on
 * as text so that the validator reports it with the list of valid values.
 */
import type { Cell, CellValue } from 'exceljs';
import type { ColumnDef } from './excel-columns.ts';
import { codeFromText, labelOf } from './model.ts';
import { isCatalogDate } from './validate.ts';

export type CellContent =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; text: string };

export function contentOf(value: CellValue, depth = 0): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', text: '#NUM!' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { kind: 'error', text: '#VALUE!' } : { kind: 'date', value };
  if (depth > 3) return { kind: 'error', text: '#VALUE!' };
  if ('richText' in value) return contentOf(value.richText.map((run) => run.text).join(''), depth + 1);
  if ('error' in value) return { kind: 'error', text: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined
      ? { kind: 'error', text: '公式没有计算结果' }
      : contentOf(value.result, depth + 1);
  }
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return contentOf(text, depth + 1);
    if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
      return contentOf(
        text.richText
          .map((run: unknown) =>
            typeof run === 'object' && run !== null && 'text' in run ? String(run.text) : '',
          )
          .join(''),
        depth + 1,
      );
    }
    return { kind: 'empty' };
  }
  return { kind: 'error', text: '#VALUE!' };
}

export function cellText(cell: Cell): string {
  const content = contentOf(cell.value);
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'number':
      return String(content.value);
    case 'date':
      return isoOf(content.value);
    case 'boolean':
      return content.value ? '是' : '否';
    default:
      return '';
  }
}

export const isoOf = (date: Date) => date.toISOString().slice(0, 10);

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Dates as users type them: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301 (time ignored). */
export function parseDateText(text: string): string | undefined {
  const folded = text.normalize('NFKC').trim();
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
      folded,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(folded);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isCatalogDate(iso) ? iso : undefined;
}

/** Numbers as users type them: full-width digits, thousands separators, a leading ¥ or trailing 元. */
export function parseNumberText(text: string): number | undefined {
  let folded = text.normalize('NFKC').replace(/\s+/g, '').replace(/^¥/, '').replace(/元$/, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(folded)) folded = folded.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(folded)) return undefined;
  return Number(folded);
}

const LIST_SEPARATORS = /[、,，;；\r\n]+/;

export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export const numberText = (value: number) => (Number.isInteger(value) ? value.toFixed(0) : String(value));

/** The draft value of a cell for its column: codes for known labels, the raw text otherwise. */
export function draftValue(def: ColumnDef, content: CellContent): unknown {
  if (content.kind === 'empty' || content.kind === 'error') return undefined;
  const text =
    content.kind === 'text'
      ? content.text
      : content.kind === 'number'
        ? numberText(content.value)
        : content.kind === 'date'
          ? isoOf(content.value)
          : content.value
            ? '是'
            : '否';
  switch (def.type) {
    case 'enum':
      return (def.options && codeFromText(def.options, text)) ?? text;
    case 'multiEnum':
      return splitList(text).map((part) => (def.options && codeFromText(def.options, part)) ?? part);
    case 'bool': {
      if (content.kind === 'boolean') return content.value;
      const code = def.options ? codeFromText(def.options, text) : undefined;
      return code === 'yes' ? true : code === 'no' ? false : text;
    }
    case 'date':
      if (content.kind === 'date') return isoOf(content.value);
      if (content.kind === 'number') {
        const serial = Math.floor(content.value);
        return serial >= 1 && serial <= 2_958_465 ? isoOf(new Date(SERIAL_EPOCH + serial * DAY_MS)) : text;
      }
      return parseDateText(text) ?? text;
    case 'integer':
    case 'decimal':
      if (content.kind === 'number') return content.value;
      return parseNumberText(text) ?? text;
    case 'textList':
      return splitList(text);
    default:
      return text;
  }
}

/** The cell value of a catalog value for export (labels for codes, Date for dates, lists joined by 、). */
export function toCellValue(def: ColumnDef, value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  switch (def.type) {
    case 'enum':
      return def.options ? labelOf(def.options, String(value)) : String(value);
    case 'multiEnum':
      return Array.isArray(value)
        ? value.map((v) => (def.options ? labelOf(def.options, String(v)) : String(v))).join('、')
        : null;
    case 'bool':
      return typeof value === 'boolean' && def.options ? labelOf(def.options, value ? 'yes' : 'no') : null;
    case 'date': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    }
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : null;
    case 'textList':
      return Array.isArray(value) && value.length > 0 ? value.map(String).join('、') : null;
    default:
      return String(value);
  }
}
