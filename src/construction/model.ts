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
