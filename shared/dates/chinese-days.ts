/**
 * Reading the holiday table of the `chinese-days` package's data file (`chinese-days/dist/chinese-days.json`).
 * Pure: the data is passed in (src/calendar/seed.ts imports the package's file and passes it).
 *
 * `chinese-days` answers "is this a workday?" for any date, and for a year it has no data for it
 * silently answers as if the year had no holidays. The seed therefore does not trust the package's
 * functions: it reads the raw table and lists as known only the years the table actually covers.
 */
import { dateParts, isIsoDate } from './dates.ts';
import type { HolidayRow } from './types.ts';

export const CHINESE_DAYS_SOURCE = 'chinese-days';

/** The package's short Chinese names, spelled as the State Council notices spell them. */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

const HAN = /\p{Script=Han}/u;

/**
 * The Chinese name in a `chinese-days` label such as `"Spring Festival,春节,4"` (English name, Chinese
 * name, statutory day count): `春节`. Short names become the official ones (`中秋` → `中秋节`).
 */
export function chineseHolidayName(label: string): string {
  const chinese = label
    .split(',')
    .map((part) => part.trim())
    .find((part) => HAN.test(part));
  if (!chinese) throw new Error(`chinese-days: no Chinese name in label "${label}"`);
  return OFFICIAL_NAMES[chinese] ?? chinese;
}

function entries(data: unknown, key: 'holidays' | 'workdays'): [string, string][] {
  const table =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    throw new Error(`chinese-days: the data has no "${key}" table`);
  }
  return Object.entries(table).map(([date, label]) => {
    if (!isIsoDate(date) || typeof label !== 'string') {
      throw new Error(`chinese-days: bad ${key} entry ${JSON.stringify(date)}: ${JSON.stringify(label)}`);
    }
    return [date, label];
  });
}

/**
 * Holiday rows and known years from data shaped like `chinese-days/dist/chinese-days.json`
 * (`{ holidays: { date: label }, workdays: { date: label } }`; `inLieuDays` is informational and unused).
 *
 * A year is known when the table lists holidays dated in it for both 春节 and 国庆节, i.e. the
 * State Council's arrangement for that year is present from January to October. Entries of a following
 * year's 元旦 arrangement dated in late December (e.g. 2018-12-29…31 from the 2019 notice) do not make
 * their year known on their own.
 */
export function rowsFromChineseDaysData(data: unknown): { rows: HolidayRow[]; years: number[] } {
  const rows: HolidayRow[] = [];
  const seen = new Set<string>();
  const namesByYear = new Map<number, Set<string>>();
  for (const kind of ['holiday', 'workday'] as const) {
    for (const [date, label] of entries(data, kind === 'holiday' ? 'holidays' : 'workdays')) {
      if (seen.has(date))
        throw new Error(`chinese-days: ${date} is listed both as a holiday and as a workday`);
      seen.add(date);
      const name = chineseHolidayName(label);
      rows.push({ date, kind, name, source: CHINESE_DAYS_SOURCE });
      if (kind === 'holiday') {
        const { year } = dateParts(date);
        const names = namesByYear.get(year) ?? new Set<string>();
        names.add(name);
        namesByYear.set(year, names);
      }
    }
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years = [...namesByYear]
    .filter(([, names]) => names.has('春节') && names.has('国庆节'))
    .map(([year]) => year)
    .sort((a, b) => a - b);
  return { rows, years };
}
