/**
 * The code lists of the rulebook model (src/rules/model.ts re-exports them): organisation kinds,
 * lifecycle stages, gated actions, deadline units, project events and the types a fact may have.
 */
import { ORGANISATION_KINDS, type OrganisationKind } from '../../platform/vocabulary.ts';

/** The kinds of organisation a rulebook may name: every kind but the platform's own (src/platform/vocabulary.ts). */
export const ORG_KINDS = ORGANISATION_KINDS.filter(
  (kind): kind is Exclude<OrganisationKind, 'platform'> => kind !== 'platform',
);
export type OrgKind = (typeof ORG_KINDS)[number];

/** The lifecycle stages, in order (PRODUCT.md "The lifecycle"). */
export const STAGE_CODES = [
  'plan',
  'application',
  'review',
  'filing_approval',
  'budget',
  'construction',
  'acceptance',
  'operation',
  'retired',
] as const;
export type StageCode = (typeof STAGE_CODES)[number];

/** Actions a gate can block. */
export const GATE_ACTIONS = [
  /** 录入管理平台 / 列入系统目录 — the applicant's registration step (DT-11, SC-10, XZ-08a). */
  'register',
  /** 备案 — the authority files the reviewed project (DT 合理性审查意见备案). */
  'file_review',
  /** 立项 — approval or 立项备案 of the project. */
  'approve_establishment',
  /** 安排建设投资 / 预算 — arranging construction investment in the budget. */
  'allocate_budget',
  /** 预算评审 — the budget review records the amounts and, for co-built projects, each level's share. */
  'review_budget',
  /** 招标投标、政府采购、签订合同 — procurement and contract signing. */
  'procure',
  /** 拨付建设资金 — disbursing construction funds. */
  'disburse_construction',
  /** 拨付运维经费 — disbursing operation and maintenance funds. */
  'disburse_om',
] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];

export const DEADLINE_UNITS = ['working_days', 'calendar_days', 'calendar_months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Things that happen to a project; events are recorded with the date they happened. */
export const EVENT_TYPES = [
  'registered',
  'proposal_submitted',
  'submitted',
  'pre_review_passed',
  'pre_review_failed',
  'government_approved',
  'government_refused',
  'consent_given',
  'consent_refused',
  'review_completed',
  'filed',
  'filing_refused',
  'finance_opinion_issued',
  'finance_guarantee_refused',
  'establishment_approved',
  'establishment_refused',
  'budget_decided',
  'budget_reported',
  'funds_arranged',
  'allocation_published',
  'contract_signed',
  'contract_filed',
  'supervisor_filed',
  'deliverables_submitted',
  'construction_completed',
  'acceptance_applied',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'acceptance_passed',
  'acceptance_failed',
  'acceptance_report_filed',
  'self_evaluation_submitted',
  'evaluation_result_issued',
  'rectification_ordered',
  'rectification_completed',
  'terminated',
  'retired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type FactType = 'boolean' | 'string' | 'number' | 'date';
