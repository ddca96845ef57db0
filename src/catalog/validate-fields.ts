/**
 * The building blocks of the catalog entry checks (validate.ts, validate-resource.ts), pure: the
 * result type, the limits, date and price tests, and `Fields`, which reads one draft object and
 * collects every problem with its field path, stable code, Chinese message and article.
 */
import { type CatalogProblem, type CodeOf, type EnumList, labelsOf } from './model.ts';

export interface CheckResult<T> {
  /** The typed, trimmed value; null when there is a problem. */
  value: T | null;
  problems: CatalogProblem[];
}

/** Length limits (characters). */
export const LIMITS = {
  code: 64,
  name: 200,
  department: 100,
  jurisdiction: 50,
  longText: 2000,
  shortText: 500,
  reference: 100,
  listItems: 200,
  dataItems: 1000,
  dataItemLength: 1_000_000,
  unitPrice: 1_000_000_000,
} as const;

export const SYSTEM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` between 1950 and 2100. */
export function isCatalogDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1950 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `price` is a finite number ≥ 0 that is exactly a value with at most 2 decimals. */
export function isPrice(price: number): boolean {
  return Number.isFinite(price) && price >= 0 && Number(price.toFixed(2)) === price;
}

/** The price in 分 (integer), for storage. */
export function toCents(price: number): number {
  return Math.round(price * 100);
}

export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export interface FieldOptions {
  required?: boolean;
  article?: string;
}

/** Reads the fields of one draft object, collecting problems under `prefix` (e.g. `dataItems[2].`). */
export class Fields {
  constructor(
    private readonly draft: Readonly<Record<string, unknown>>,
    private readonly labels: Readonly<Record<string, string>>,
    readonly problems: CatalogProblem[],
    private readonly prefix = '',
  ) {}

  path(field: string): string {
    return this.prefix + field;
  }

  label(field: string): string {
    return this.labels[field] ?? field;
  }

  add(field: string, code: string, message: string, article?: string): void {
    this.problems.push({ field: this.path(field), code, message, ...(article ? { article } : {}) });
  }

  has(field: string): boolean {
    return !isBlank(this.draft[field]);
  }

  private missing(field: string, options: FieldOptions): undefined {
    if (options.required) this.add(field, 'REQUIRED', `${this.label(field)}未填写`, options.article);
    return undefined;
  }

  text(field: string, max: number, options: FieldOptions = {}): string | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    if (typeof value !== 'string') {
      this.add(field, 'INVALID_TYPE', `${this.label(field)}应为文字`, options.article);
      return undefined;
    }
    const text = value.trim();
    if ([...text].length > max) {
      this.add(field, 'TOO_LONG', `${this.label(field)}不能超过 ${max} 个字`, options.article);
    }
    return text;
  }

  oneOf<L extends EnumList>(field: string, list: L, options: FieldOptions = {}): CodeOf<L> | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    const hit = list.find((entry) => entry.code === value);
    if (!hit) {
      this.add(
        field,
        'INVALID_OPTION',
        `${this.label(field)}“${String(value)}”无效，应为：${labelsOf(list).join('、')}`,
        options.article,
      );
      return undefined;
    }
    return hit.code;
  }

  /** A list of codes of `list`, duplicates removed, in the order given. */
  someOf<L extends EnumList>(field: string, list: L, options: FieldOptions = {}): CodeOf<L>[] {
    const values = this.array(field, options);
    const codes: CodeOf<L>[] = [];
    for (const value of values) {
      const hit = list.find((entry) => entry.code === value);
      if (!hit) {
        this.add(
          field,
          'INVALID_OPTION',
          `${this.label(field)}“${String(value)}”无效，应为：${labelsOf(list).join('、')}`,
          options.article,
        );
      } else if (!codes.includes(hit.code)) {
        codes.push(hit.code);
      }
    }
    return codes;
  }

  /** A list of non-empty texts, trimmed, duplicates removed. */
  texts(field: string, max: number, options: FieldOptions = {}): string[] {
    const result: string[] = [];
    for (const value of this.array(field, options)) {
      if (typeof value !== 'string') {
        this.add(field, 'INVALID_TYPE', `${this.label(field)}应为文字`, options.article);
        continue;
      }
      const text = value.trim();
      if (text === '' || result.includes(text)) continue;
      if ([...text].length > max) {
        this.add(field, 'TOO_LONG', `${this.label(field)}中的“${text}”超过 ${max} 个字`, options.article);
      }
      result.push(text);
    }
    return result;
  }

  array(field: string, options: FieldOptions = {}): readonly unknown[] {
    const value = this.draft[field];
    if (value === undefined || value === null) {
      this.missing(field, options);
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(field, 'INVALID_TYPE', `${this.label(field)}应为列表`, options.article);
      return [];
    }
    if (value.length > LIMITS.dataItems) {
      this.add(field, 'TOO_MANY', `${this.label(field)}不能超过 ${LIMITS.dataItems} 项`, options.article);
      return value.slice(0, LIMITS.dataItems);
    }
    if (options.required && value.length === 0) this.missing(field, options);
    return value;
  }

  bool(field: string, options: FieldOptions = {}): boolean | undefined {
    const value = this.draft[field];
    if (value === undefined || value === null || value === '') return this.missing(field, options);
    if (typeof value !== 'boolean') {
      this.add(field, 'INVALID_OPTION', `${this.label(field)}应为“是”或“否”`, options.article);
      return undefined;
    }
    return value;
  }

  number(
    field: string,
    range: { min: number; max: number; integer: boolean },
    options: FieldOptions = {},
  ): number | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(field, 'INVALID_NUMBER', `${this.label(field)}“${String(value)}”不是数字`, options.article);
      return undefined;
    }
    if (range.integer && !Number.isInteger(value)) {
      this.add(field, 'INVALID_NUMBER', `${this.label(field)}应为整数`, options.article);
      return undefined;
    }
    if (value < range.min || value > range.max) {
      this.add(
        field,
        'OUT_OF_RANGE',
        `${this.label(field)}应在 ${range.min} 到 ${range.max} 之间`,
        options.article,
      );
      return undefined;
    }
    return value;
  }

  date(field: string, options: FieldOptions = {}): string | undefined {
    const value = this.draft[field];
    if (isBlank(value)) return this.missing(field, options);
    if (typeof value !== 'string' || !isCatalogDate(value.trim())) {
      this.add(
        field,
        'INVALID_DATE',
        `${this.label(field)}“${String(value)}”不是有效日期（应为 YYYY-MM-DD）`,
        options.article,
      );
      return undefined;
    }
    return value.trim();
  }
}

export function notAnObject(): CatalogProblem[] {
  return [{ field: '', code: 'INVALID_TYPE', message: '数据应为一个对象' }];
}

export const result = <T>(value: T, problems: CatalogProblem[]): CheckResult<T> =>
  problems.length === 0 ? { value, problems } : { value: null, problems };
