/**
 * The operations rules that are not in the rulebook: a rule-dependent record needs the rules of its
 * jurisdiction's rulebook, and a date or time entered for something that happened is not in the future.
 */
import { chinaDate } from '../platform/clock.ts';
import { invalid, refused } from '../platform/errors.ts';
import type { OperationsRules } from '../rules/index.ts';

/** Operations rules are required to record anything rule-dependent. */
export function requireRules(rules: OperationsRules | null): OperationsRules {
  if (!rules) {
    throw refused('OPS_NO_RULEBOOK', '本辖区尚未适用规则集，不能登记运行安全记录', 'DT-37');
  }
  return rules;
}

/** A date the caller enters for something that happened: not in the future (China time). */
export function notFuture(date: string, now: Date, field: string): void {
  if (date > chinaDate(now)) throw invalid('OPS_DATE_IN_FUTURE', '日期不能晚于今天', { field });
}

export function notFutureInstant(at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime()) throw invalid('OPS_TIME_IN_FUTURE', '时间不能晚于当前时间', { field });
}
