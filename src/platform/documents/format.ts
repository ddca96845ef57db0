/**
 * Formatting shared by the generated documents: dates as official documents write them
 * (GB/T 9704-2012 7.3.5.1: 成文日期 in Arabic numerals, 2026年11月22日), money in yuan from exact
 * decimal strings (never through floating point; defined in shared/money.ts, which the web uses too,
 * and re-exported here), Chinese ordinals for headings.
 */
export { fenToYuan, formatWanYuan, formatYuan, isYuanAmount, yuanToFen } from '../../../shared/money.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** China Standard Time has been UTC+8 without daylight saving since 1991. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Reads an ISO date (`2026-11-22`) or an ISO date-time with offset (`2026-11-21T18:30:00Z`, read in
 * China Standard Time: 2026-11-22). Returns undefined for anything else, including 2026-02-30.
 */
export function documentDate(value: string): CalendarDate | undefined {
  const plain = ISO_DATE.exec(value);
  if (plain) {
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      return undefined;
    }
    return { year, month, day };
  }
  if (!ISO_DATE_TIME.test(value)) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const local = new Date(time + CHINA_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** `2026-11-22` → `2026年11月22日`. Throws RangeError for an invalid date. */
export function formatChineseDate(iso: string): string {
  const date = documentDate(iso);
  if (!date) throw new RangeError(`not an ISO date: ${iso}`);
  return `${date.year}年${date.month}月${date.day}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings 一、二、…; 1 ≤ n ≤ 99). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`ordinal out of range: ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * Wraps a name in Chinese double quotes; quotes inside become single quotes, as nested quotation
 * is written in Chinese (“大同市‘一网通办’平台”).
 */
export function quoteChinese(text: string): string {
  return `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
