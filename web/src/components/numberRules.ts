/**
 * Number fields are checked, never clamped (issue 17 item 10): antd's InputNumber `min`/`max`/
 * `precision` silently rewrite 7 to 5 or 150 to 100 on blur. Give the field no bounds and this rule
 * instead, so out-of-range input stays as typed and is an error at the field.
 */
import type { FormRule } from 'antd';

export interface NumberRange {
  label: string;
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Most decimal places allowed (money: 2). */
  decimals?: number;
}

/** The problem with `value`, or null when it is fine (empty is fine: `required` is a separate rule). */
export function numberProblem(value: unknown, range: NumberRange): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return `${range.label}须为数字`;
  if (range.integer && !Number.isInteger(n)) return `${range.label}须为整数`;
  if (range.decimals !== undefined) {
    const [, frac = ''] = String(value).split('.');
    if (frac.length > range.decimals) return `${range.label}最多 ${range.decimals} 位小数`;
  }
  const between =
    range.min !== undefined && range.max !== undefined ? `须在 ${range.min}–${range.max} 之间` : null;
  if (range.min !== undefined && n < range.min) return `${range.label}${between ?? `不得小于 ${range.min}`}`;
  if (range.max !== undefined && n > range.max) return `${range.label}${between ?? `不得大于 ${range.max}`}`;
  return null;
}

export function numberRule(range: NumberRange): FormRule {
  return {
    validator: (_, value) => {
      const problem = numberProblem(value, range);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
