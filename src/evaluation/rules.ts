/** The evaluation module's pure rules that are not in the rulebook (src/rules/evaluation.ts has those). */
import { invalid } from '../platform/errors.ts';

/** "1234.56" yuan → fen; refused (never rounded) when it has more than two decimals. */
export function parseYuan(value: string): bigint {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m)
    throw invalid('EVAL_AMOUNT_INVALID', '金额须为不超过两位小数的非负数（元）', { field: 'fundsUsed' });
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}
