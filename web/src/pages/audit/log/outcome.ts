/**
 * Audit outcomes as a value enum: the values the server writes (shared/audit-actions.ts AuditOutcome,
 * the `outcome` filter of GET /api/audit). `denied`: no permission or no such object; `refused`: a
 * rule, a state or a concurrent change refused the action. Anything else is shown as sent.
 */
export const OUTCOMES = {
  success: { text: '成功', color: 'success' },
  failure: { text: '失败', color: 'error' },
  denied: { text: '拒绝', color: 'warning' },
  refused: { text: '不符合规则', color: 'warning' },
} as const;

type Outcome = keyof typeof OUTCOMES;

const isOutcome = (value: string): value is Outcome => Object.hasOwn(OUTCOMES, value);

export function outcomeDisplay(outcome: string): { text: string; color: string } {
  return isOutcome(outcome) ? OUTCOMES[outcome] : { text: outcome, color: 'default' };
}
