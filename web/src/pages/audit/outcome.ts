/**
 * Audit outcomes as a value enum. The contract types `outcome` as a string; these are the values
 * the server is expected to write. Anything else is shown as sent.
 */
export const OUTCOMES = {
  success: { text: '成功', color: 'success' },
  failure: { text: '失败', color: 'error' },
  denied: { text: '拒绝', color: 'warning' },
  error: { text: '异常', color: 'error' },
} as const;

type Outcome = keyof typeof OUTCOMES;

const isOutcome = (value: string): value is Outcome => Object.hasOwn(OUTCOMES, value);

export function outcomeDisplay(outcome: string): { text: string; color: string } {
  return isOutcome(outcome) ? OUTCOMES[outcome] : { text: outcome, color: 'default' };
}
