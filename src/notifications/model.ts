/**
 * Pure parts of notifications (issue 17): the kinds of notice a user may mute on the outbound
 * channels, the checks of a preference change, and which rulebook steps are filing steps (their
 * decision is announced to the submitter in every jurisdiction).
 */
import { invalid } from '../platform/errors.ts';
import type { Outcome, Stage, Step } from '../rules/index.ts';

/** Every kind of in-app notice, with its Chinese name (the 通知设置 page lists them). */
export const NOTICE_KINDS = [
  { code: 'task_arrived', name: '待办到达' },
  { code: 'returned', name: '被退回' },
  { code: 'filed', name: '备案 / 审查通过' },
  { code: 'filing_refused', name: '不予备案 / 审查不予通过' },
  { code: 'established', name: '已立项' },
  { code: 'urged', name: '催办' },
  { code: 'reassigned', name: '转办' },
  { code: 'expert_assigned', name: '评审指派' },
  { code: 'obligation_before', name: '期限即将到期' },
  { code: 'obligation_due', name: '期限今日到期' },
  { code: 'obligation_overdue', name: '期限已逾期' },
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number]['code'];
const KIND_CODES = new Set<string>(NOTICE_KINDS.map((k) => k.code));

export const noticeKindName = (kind: string): string =>
  NOTICE_KINDS.find((k) => k.code === kind)?.name ?? '通知';

/** Outbound channels a user may switch on (in-app is always on). */
export const USER_CHANNELS = ['smtp', 'webhook'] as const;

/** A plain mailbox address: local@domain.tld, no spaces, no display name. */
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export interface PreferenceInput {
  email: string | null;
  emailEnabled: boolean;
  webhookEnabled: boolean;
  mutedKinds: string[];
}

/**
 * Refuses a change that cannot be honoured: a malformed address, the group bot switched on where the
 * platform has none (switched on now: one left on stays), an unknown or repeated kind. Nothing is corrected. (E-mail on without an address
 * is allowed: it sends nothing until an address is given, and the page says so.)
 */
export function checkPreferences(
  input: PreferenceInput,
  configured: readonly string[],
  before: { webhookEnabled: boolean },
): void {
  if (input.email !== null && (input.email.length > 254 || !EMAIL.test(input.email))) {
    throw invalid('NOTIFY_EMAIL_INVALID', '邮箱地址格式不正确，如 zhangsan@example.gov.cn', {
      field: 'email',
    });
  }
  if (input.webhookEnabled && !before.webhookEnabled && !configured.includes('webhook')) {
    throw invalid('NOTIFY_CHANNEL_NOT_CONFIGURED', '平台未配置群机器人，不能开启该通知方式', {
      field: 'webhookEnabled',
    });
  }
  const seen = new Set<string>();
  for (const kind of input.mutedKinds) {
    if (!KIND_CODES.has(kind) || seen.has(kind)) {
      throw invalid('NOTIFY_KIND_INVALID', `未知或重复的通知类型：${kind}`, { field: 'mutedKinds' });
    }
    seen.add(kind);
  }
}

/**
 * A filing step, read from the rulebook: the DT 备案 action, a step whose outcomes record 备案 or its
 * refusal (SC 记录在案, XZ 市政务信息管理局审查), or the 立项/立项备案 stage (JC 立项备案). Its
 * decision reaches the submitter.
 */
export function isFilingStep(stage: Stage['code'], step: Step): boolean {
  return (
    step.action === 'file_review' ||
    stage === 'filing_approval' ||
    step.outcomes.some((o) => o.event === 'filed' || o.event === 'filing_refused')
  );
}

/**
 * The notice kind of a filing decision: `filed` for the step's normal outcome (or any outcome that
 * is not a refusal), `filing_refused` for a refusal; null for an approval of 立项 itself, which the
 * `established` notice already announces.
 */
export function filingNoticeKind(step: Step, outcome: Outcome): 'filed' | 'filing_refused' | null {
  if (outcome.result === 'refused') return 'filing_refused';
  if (step.action === 'approve_establishment') return null;
  return 'filed';
}
