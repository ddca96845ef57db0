/**
 * The holiday-year editor's rows and the server's problems, matched up. Pure (no React), tested by
 * rows.test.ts under Node.
 */
import type { HolidayKind, HolidayProblem, HolidayRow } from '../../../api/types.ts';

export const KIND_LABELS: Record<HolidayKind, string> = { holiday: '放假', workday: '调休上班' };

export const SOURCE_LABELS: Record<string, string> = {
  'chinese-days': '初始数据',
  admin: '管理员录入',
};

export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

/** A row being edited; `key` survives reordering so problems stay on the right row. */
export interface EditRow {
  key: string;
  date: string;
  kind: HolidayKind;
  name: string;
}

let counter = 0;
export const newKey = () => `r${++counter}`;

export function toEditRows(rows: readonly HolidayRow[]): EditRow[] {
  return rows.map((r) => ({ key: newKey(), date: r.date, kind: r.kind, name: r.name }));
}

/** `2027-01-01` → `周五`, computed on the civil date (no time zone involved). */
export function weekdayOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return '';
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][day];
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === '周六' || w === '周日';
}

export interface RowMessages {
  /** `rowKey` → field → messages. */
  byRow: Map<
    string,
    Partial<Record<'date' | 'kind' | 'name', { severity: 'error' | 'warning'; text: string }[]>>
  >;
  /** Problems of the whole year or of a field outside the rows (publishedRef). */
  general: HolidayProblem[];
}

/**
 * Puts each problem on the row it names (`rows.3.date` → the 4th row as submitted). `submitted` is
 * the list of row keys in the order they were sent.
 */
export function matchProblems(
  problems: readonly HolidayProblem[],
  submitted: readonly string[],
): RowMessages {
  const byRow: RowMessages['byRow'] = new Map();
  const general: HolidayProblem[] = [];
  for (const p of problems) {
    const m = p.field ? /^rows\.(\d+)\.(date|kind|name)$/.exec(p.field) : null;
    const key = m ? submitted[Number(m[1])] : undefined;
    if (!m || key === undefined) {
      general.push(p);
      continue;
    }
    const field = m[2] as 'date' | 'kind' | 'name';
    const entry = byRow.get(key) ?? {};
    entry[field] = [...(entry[field] ?? []), { severity: p.severity, text: p.message }];
    byRow.set(key, entry);
  }
  return { byRow, general };
}

export function sortRows(rows: readonly EditRow[]): EditRow[] {
  return [...rows].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
}
