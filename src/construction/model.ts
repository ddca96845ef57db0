/** Construction vocabulary (pure): the value lists the tables check and the routes accept. */

export const PROCUREMENT_METHODS = [
  'public_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'inquiry',
  'single_source',
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export const DELIVERABLE_KINDS = ['design_documents', 'source_code', 'test_documents', 'other'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

/** The four kinds of problem the texts name (DT-26a, SC-23, JC-05-7, XZ-24). */
export const PROBLEM_KINDS = [
  'approval_violation',
  'unauthorised_change',
  'serious_delay',
  'major_loss',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export const RECTIFICATION_STATES = ['ordered', 'reported', 'rectified', 'failed', 'refused'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export const PROCUREMENT_LABELS: Record<ProcurementMethod, string> = {
  public_tender: '公开招标',
  invited_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  inquiry: '询价',
  single_source: '单一来源采购',
};

/** Methods in which suppliers compete (DT-17 市场化竞争, SC-16, XZ-12 竞争确定). */
export const COMPETITIVE_METHODS: readonly ProcurementMethod[] = PROCUREMENT_METHODS.filter(
  (m) => m !== 'single_source',
);

export const DELIVERABLE_LABELS: Record<DeliverableKind, string> = {
  design_documents: '设计文件',
  source_code: '源代码',
  test_documents: '测试文档',
  other: '其他成果',
};

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  approval_violation: '违反审批要求',
  unauthorised_change: '擅自调整建设内容',
  serious_delay: '工程严重逾期',
  major_loss: '投资重大损失',
};
