/**
 * Codes of the resource catalog.
 *
 * 资源代码 (after the national 政务信息资源目录编制指南, classification as in GB/T 21063.4): a 前段码
 * of 类 + 项 + 目 + 细目 and a 后段码 (顺序码) after a slash. The accepted grammar, applied after NFKC
 * folding (full-width digits and ／ become ASCII) and removal of all whitespace:
 *
 *   code       = prefix [ "/" sequence ]
 *   prefix     = class item heading subheading        ; 9 digits
 *   class      = "1" | "2" | "3"                      ; 1 基础, 2 主题, 3 部门 (must agree with 资源分类)
 *   item       = 2 DIGIT, not "00"                    ; 项
 *   heading    = 3 DIGIT, not "000"                   ; 目
 *   subheading = 3 DIGIT                              ; 细目; "000" = catalogued at the 目 level
 *   sequence   = 6 DIGIT, not "000000"                ; 顺序码 within the prefix
 *
 * so `3 01 001 001/000123` is written and stored as `301001001/000123`. Nothing else is accepted (no
 * hyphens, no letters, no shorter segments). A code without sequence is a 前段码 only: accepted for a
 * new resource, whose 顺序码 the platform then assigns with `nextSequenceCode`.
 *
 * 提供方代码: the provider's 统一社会信用代码 (GB 32100-2015): 18 characters from
 * `0-9 A-H J-N P-R T U W-Y` (no I, O, S, V, Z); characters 3–8 are the 行政区划码 (digits); the 18th is
 * the check character computed from the first 17 with weights 3^(i) mod 31.
 */
import {
  CATEGORY_DIGITS,
  type CatalogProblem,
  labelOf,
  RESOURCE_CATEGORIES,
  type ResourceCategory,
} from './model.ts';

export interface ResourceCode {
  category: ResourceCategory;
  classDigit: '1' | '2' | '3';
  /** 项, 2 digits */
  item: string;
  /** 目, 3 digits */
  heading: string;
  /** 细目, 3 digits */
  subheading: string;
  /** 前段码, 9 digits */
  prefix: string;
  /** 顺序码, 6 digits; null when only the 前段码 was given. */
  sequence: string | null;
  /** The canonical text: `prefix` or `prefix/sequence`. */
  text: string;
}

export type ResourceCodeParse =
  | { ok: true; code: ResourceCode }
  | { ok: false; code: 'RESOURCE_CODE_INVALID'; message: string };

const CODE_PATTERN = /^([123])(\d{2})(\d{3})(\d{3})(?:\/(\d{6}))?$/;
const DIGIT_CATEGORY: Readonly<Record<string, ResourceCategory>> = {
  1: 'basic',
  2: 'subject',
  3: 'department',
};
const GRAMMAR_HINT =
  '资源代码应为 9 位前段码（类 1 位 + 项 2 位 + 目 3 位 + 细目 3 位）加“/”及 6 位顺序码，如 301001001/000123';

/** NFKC folding and whitespace removal, the first step of every code check. */
export function foldCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

export function parseResourceCode(raw: string): ResourceCodeParse {
  const text = foldCode(raw);
  const fail = (why: string): ResourceCodeParse => ({
    ok: false,
    code: 'RESOURCE_CODE_INVALID',
    message: `资源代码“${raw.trim()}”无效：${why}`,
  });
  if (text === '') return fail('未填写');
  const match = CODE_PATTERN.exec(text);
  if (!match) return fail(GRAMMAR_HINT);
  const [, classDigit, item, heading, subheading, sequence] = match;
  if (item === '00') return fail('“项”不能为 00');
  if (heading === '000') return fail('“目”不能为 000');
  if (sequence === '000000') return fail('顺序码不能为 000000');
  const digit = classDigit === '1' ? '1' : classDigit === '2' ? '2' : '3';
  const prefix = `${classDigit}${item}${heading}${subheading}`;
  return {
    ok: true,
    code: {
      category: DIGIT_CATEGORY[classDigit],
      classDigit: digit,
      item,
      heading,
      subheading,
      prefix,
      sequence: sequence ?? null,
      text: sequence ? `${prefix}/${sequence}` : prefix,
    },
  };
}

const pad = (value: string | number, width: number, what: string): string => {
  const text = String(value);
  if (!/^\d+$/.test(text) || text.length > width)
    throw new RangeError(`${what}“${text}”超出 ${width} 位数字`);
  return text.padStart(width, '0');
};

export interface ResourceCodeParts {
  category: ResourceCategory;
  item: string | number;
  heading: string | number;
  subheading?: string | number;
  sequence?: string | number | null;
}

/** Builds the canonical code text from its parts; throws RangeError when the result is not a valid code. */
export function formatResourceCode(parts: ResourceCodeParts): string {
  const prefix =
    CATEGORY_DIGITS[parts.category] +
    pad(parts.item, 2, '项') +
    pad(parts.heading, 3, '目') +
    pad(parts.subheading ?? 0, 3, '细目');
  const text =
    parts.sequence === undefined || parts.sequence === null
      ? prefix
      : `${prefix}/${pad(parts.sequence, 6, '顺序码')}`;
  const parsed = parseResourceCode(text);
  if (!parsed.ok) throw new RangeError(parsed.message);
  return parsed.code.text;
}

/**
 * The next free 顺序码 (6 digits) under `prefix`: one more than the highest sequence among `existing`
 * codes with that prefix (codes of other prefixes and unparsable codes are ignored), `000001` when
 * none. Throws RangeError when the prefix is invalid or the 999999 sequences are used up.
 */
export function nextSequenceCode(prefix: string, existing: readonly string[]): string {
  const parsed = parseResourceCode(prefix);
  if (!parsed.ok || parsed.code.sequence !== null) throw new RangeError(`前段码“${prefix}”无效`);
  let highest = 0;
  for (const code of existing) {
    const other = parseResourceCode(code);
    if (other.ok && other.code.prefix === parsed.code.prefix && other.code.sequence !== null) {
      highest = Math.max(highest, Number(other.code.sequence));
    }
  }
  if (highest >= 999_999) throw new RangeError(`前段码 ${parsed.code.prefix} 下的顺序码已用完`);
  return String(highest + 1).padStart(6, '0');
}

/**
 * Problems of a resource code as entered with its declared 资源分类: grammar, and the 类 digit
 * agreeing with the category. `requireSequence` for codes that must be complete (关联资源代码).
 */
export function checkResourceCode(
  raw: string,
  field: string,
  options: { category?: ResourceCategory; requireSequence?: boolean; article?: string } = {},
): CatalogProblem[] {
  const article = options.article ? { article: options.article } : {};
  const parsed = parseResourceCode(raw);
  if (!parsed.ok) return [{ field, code: parsed.code, message: parsed.message, ...article }];
  const problems: CatalogProblem[] = [];
  if (options.requireSequence && parsed.code.sequence === null) {
    problems.push({
      field,
      code: 'RESOURCE_CODE_SEQUENCE_REQUIRED',
      message: `资源代码“${parsed.code.text}”缺少“/”后的 6 位顺序码`,
      ...article,
    });
  }
  if (options.category && parsed.code.category !== options.category) {
    problems.push({
      field,
      code: 'RESOURCE_CODE_CATEGORY_MISMATCH',
      message: `资源代码首位“${parsed.code.classDigit}”表示${labelOf(RESOURCE_CATEGORIES, parsed.code.category)}，与资源分类“${labelOf(RESOURCE_CATEGORIES, options.category)}”不一致（1 基础、2 主题、3 部门）`,
      ...article,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Upper-cased, NFKC-folded, whitespace removed. */
export function foldUscc(raw: string): string {
  return foldCode(raw).toUpperCase();
}

/** The check character (18th) of the first 17 characters; throws RangeError on a bad character. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码本体应为 17 位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`统一社会信用代码含非法字符“${first17[i]}”`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(raw: string): boolean {
  const text = foldUscc(raw);
  return USCC_SHAPE.test(text) && usccCheckChar(text.slice(0, 17)) === text[17];
}

/** Problems of a 统一社会信用代码 as entered: length, characters, region digits, check character. */
export function checkUscc(raw: string, field: string): CatalogProblem[] {
  const text = foldUscc(raw);
  const problem = (code: string, why: string): CatalogProblem[] => [
    { field, code, message: `统一社会信用代码“${raw.trim()}”无效：${why}` },
  ];
  if (text.length !== 18) return problem('USCC_INVALID', `应为 18 位，实为 ${text.length} 位`);
  if (!USCC_SHAPE.test(text)) {
    return problem(
      'USCC_INVALID',
      '第 3–8 位应为行政区划数字，其余位只能是数字或除 I、O、S、V、Z 外的大写字母',
    );
  }
  const expected = usccCheckChar(text.slice(0, 17));
  if (expected !== text[17]) return problem('USCC_CHECKSUM', `校验码应为“${expected}”，实为“${text[17]}”`);
  return [];
}
