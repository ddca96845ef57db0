/** Hand-written types of the money API (src/funds/schemas.ts). Amounts are yuan decimal strings. */
export interface FundsStep {
  stepId: string;
  name: string;
  status: string;
  actor: string;
  articles: string[];
  canAct: boolean;
}
export interface ReviewLine {
  year: number;
  costItem: string;
  kind: string;
  requested: string;
  approved: string;
  cut: string;
  cutReason: string | null;
}
export interface Share {
  level: string;
  levelLabel: string;
  kind: string;
  amount: string;
  carriedBy: string;
}
export interface LedgerRow {
  year: number;
  budgeted: string;
  approvedConstruction: string;
  approvedOm: string;
  disbursedConstruction: string;
  disbursedOm: string;
  pending: string;
}
export interface Disbursement {
  id: string;
  year: number;
  kind: string;
  kindLabel: string;
  amount: string;
  purpose: string;
  status: string;
  requestedAt: string;
  requestedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionOpinion: string | null;
  version: number;
}
export interface Override {
  id: string;
  disbursementId: string;
  gateId: string;
  article: string;
  reason: string;
  requestedByName: string;
  requestedAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
}
export interface FundsView {
  project: {
    id: string;
    code: string;
    name: string;
    rulebook: string;
    department: string;
    totalBudget: string;
    budgetYears: { year: number; amount: string }[];
    coBuilt: boolean;
  };
  steps: FundsStep[];
  review: {
    id: string;
    stepId: string;
    number: string;
    opinion: string;
    decidedOn: string;
    reviewerName: string;
    reviewerOrganisation: string;
    requested: string;
    approved: string;
    cut: string;
    lines: ReviewLine[];
    shares: Share[];
  } | null;
  ledger: LedgerRow[];
  disbursements: Disbursement[];
  overrides: Override[];
}
export interface Gate {
  gateId: string;
  name: string;
  applicable: boolean;
  passed: boolean;
  severity: string;
  strength: string;
  overridden: boolean;
  blocking: boolean;
  reason: string;
  article: string;
  citation: string;
}
export interface DisbursementDetail {
  disbursement: Disbursement;
  project: { id: string; code: string; name: string; rulebook: string };
  action: string;
  gates: Gate[];
  blocked: boolean;
  consentRequired: boolean;
  consent: {
    decision: string;
    opinion: string;
    decidedAt: string;
    decidedByName: string;
    organisation: string;
  } | null;
  overrides: Override[];
}
export interface QueueItem extends Omit<Disbursement, 'decidedByName' | 'decisionOpinion'> {
  projectId: string;
  projectCode: string;
  projectName: string;
  department: string;
}
export interface NoticeSummary {
  id: string;
  title: string;
  year: number;
  startsOn: string;
  endsOn: string;
  phase: string;
  authority: string;
  itemCount: number;
  itemTotal: string;
}
export interface NoticeListItem extends NoticeSummary {
  status: string;
  version: number;
  objectionCount: number;
  openObjections: number;
}
export interface NoticeDetail extends NoticeSummary {
  status: string;
  version: number;
  items: {
    projectId: string;
    projectCode: string;
    projectName: string;
    department: string;
    amount: string;
  }[];
  objections: {
    id: string;
    content: string;
    createdAt: string;
    answer: string | null;
    answeredAt: string | null;
  }[];
}
export interface PublicNoticeDetail extends NoticeSummary {
  items: { projectCode: string; projectName: string; department: string; amount: string }[];
  objections: { content: string; createdAt: string; answer: string; answeredAt: string }[];
}
export interface ReviewInput {
  opinion: string;
  lines: {
    year: number;
    costItem: string;
    kind: string;
    requested: string;
    approved: string;
    cutReason?: string;
  }[];
  shares: { level: string; kind: string; amount: string; carriedBy: string }[];
}

export const PHASE_LABELS: Record<string, string> = {
  draft: '草稿',
  scheduled: '待公示',
  current: '公示中',
  ended: '已结束',
};
export const STATUS_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已拨付',
  refused: '不予拨付',
};
export const KIND_OPTIONS = [
  { value: 'construction', label: '建设资金' },
  { value: 'om', label: '运维经费' },
];
export const LEVEL_OPTIONS = [
  { value: 'national', label: '国家' },
  { value: 'province', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县（区）级' },
  { value: 'district', label: '区级' },
];
