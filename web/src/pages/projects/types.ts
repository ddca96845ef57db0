/**
 * Types of the project, review and plan API (src/projects/responses.ts, src/projects/schemas.ts).
 * They mirror the server's OpenAPI document field for field; when web/src/api/types.ts is generated
 * from /api/docs/json they move there. Keep them free of logic.
 */

export interface Named {
  id: string;
  name: string;
}

export interface OpenStep {
  stepId: string;
  name: string;
  stage: string;
  stageName: string;
  applicant: boolean;
  actorName: string;
  articles: string[];
  citation: string;
  action: string | null;
  actionName: string | null;
  canAct: boolean;
  /** When the current work arrived; working days waited (null: holiday table lacks a year). */
  since: string;
  waitedWorkdays: number | null;
  dueDate: string | null;
  deadlineName: string | null;
  deadlineArticles: string[];
  calendarKnown: boolean;
  remainingWorkdays: number | null;
  overdue: boolean;
  holder: { userId: string; name: string } | null;
  outcomes: { event: string; name: string; normal: boolean; refuses: boolean }[];
  gates: {
    gateId: string;
    name: string;
    passed: boolean;
    applicable: boolean;
    severity: 'block' | 'warn' | string;
    reason: string;
    article: string;
    citation: string;
  }[];
  materials: {
    code: string;
    name: string;
    requirement: string;
    provided: boolean;
    issued: boolean;
    article: string;
  }[];
  missingMaterials: { code: string; name: string; article: string; citation: string }[];
  /** 认定 the step's actor may record (晋城城区 五.1、五.2), with the value in force. */
  findings: { fact: string; label: string; value: boolean | null; found: boolean; reason: string | null }[];
}

export interface WorkflowStep {
  stepId: string;
  name: string;
  stage: string;
  stageName: string;
  status: 'done' | 'open' | 'skipped' | 'not_reached' | 'closed' | string;
  actorName: string;
  outcome: { event: string; name: string; at: string } | null;
  articles: string[];
  inScope: boolean;
}

export interface MaterialItem {
  id: string;
  materialCode: string;
  materialName: string;
  stepId: string | null;
  originalName: string;
  kind: string;
  size: number;
  sha256: string;
  sm3: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ProjectDetail {
  id: string;
  code: string;
  name: string;
  type: string;
  typeName: string;
  category: string;
  categoryName: string;
  fundingMode: string;
  fundingModeName: string;
  summary: string;
  jurisdiction: { id: string; code: string; name: string };
  rulebook: { code: string; version: number; name: string; title: string };
  owner: Named;
  coBuilders: Named[];
  plan: {
    entryId: string;
    planId: string;
    planTitle: string;
    planApproved: boolean;
    projectName: string;
    year: number;
    estimatedBudget: string;
  } | null;
  planned: boolean;
  parent: { id: string; code: string; name: string } | null;
  shareOfParent: string | null;
  children: {
    id: string;
    code: string;
    name: string;
    jurisdictionName: string;
    shareOfParent: string | null;
  }[];
  totalBudget: string;
  budgetByYear: { year: number; amount: string }[];
  systems: {
    systemId: string | null;
    code: string | null;
    name: string;
    relation: string;
    relationName: string;
    status: string | null;
    inCatalog: boolean;
  }[];
  resources: { resourceId: string; code: string; name: string; relation: string; relationName: string }[];
  cloudServices: { serviceId: string | null; name: string }[];
  dedicatedNetwork: boolean;
  dedicatedNetworkBasis: string | null;
  /** 涉密项目: 朔城区、城区、忻州交通运输局的办法只适用于非涉密项目. */
  classified: boolean;
  projectOwner: { name: string; title: string; phone: string | null } | null;
  performanceTargets: { indicator: string; target: string }[];
  declarations: Record<string, boolean>;
  state: string;
  stateName: string;
  submissionCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  workflow: {
    status: string;
    steps: WorkflowStep[];
    openSteps: OpenStep[];
    reviewStepId: string | null;
    filingStepId: string | null;
    requiresSharingOpinion: boolean;
  };
  materials: MaterialItem[];
  applicationMaterials: {
    code: string;
    name: string;
    required: boolean;
    provided: boolean;
    article: string | null;
  }[];
  certificates: {
    id: string;
    kind: string;
    number: string;
    issuedOn: string;
    revoked: boolean;
    verified: boolean;
  }[];
  permissions: {
    canEdit: boolean;
    canSubmit: boolean;
    canWithdraw: boolean;
    canSeeReview: boolean;
    canReview: boolean;
    canAssignExperts: boolean;
    canGiveExpertOpinion: boolean;
  };
}

export interface ProjectListItem {
  id: string;
  code: string;
  name: string;
  typeName: string;
  jurisdictionName: string;
  ownerName: string;
  totalBudget: string;
  state: string;
  stateName: string;
  planned: boolean;
  openSteps: { stepId: string; name: string }[];
  updatedAt: string;
}

export interface TimelineItem {
  id: number;
  at: string;
  kind: string;
  kindName: string;
  stepId: string | null;
  stepName: string | null;
  event: string | null;
  outcomeName: string | null;
  targetStepId: string | null;
  targetStepName: string | null;
  actorName: string;
  roleName: string;
  organisationName: string;
  opinion: string | null;
  details: Record<string, unknown> | null;
  voided: boolean;
  signed: boolean;
  verified: boolean | null;
}

export interface SubmissionSummary {
  seq: number;
  submittedAt: string;
  submittedBy: string;
  snapshotHash: string;
}

export interface SubmissionDetail extends SubmissionSummary {
  snapshot: Record<string, unknown>;
  previousSeq: number | null;
  changes: {
    path: string;
    label: string;
    kind: 'added' | 'removed' | 'changed';
    before?: unknown;
    after?: unknown;
  }[];
}

export interface TaskItem {
  projectId: string;
  projectCode: string;
  projectName: string;
  ownerName: string;
  kind: 'step' | 'application' | 'review' | 'expert_opinion' | string;
  /** The page where the task is done (the five-dimension review opens the review page). */
  workPath: string;
  stepId: string | null;
  stepName: string;
  stageName: string;
  /** When the task arrived (催办 does not move it). */
  since: string;
  /** Working days waited; null when the holiday table lacks a year. */
  waitedWorkdays: number | null;
  dueDate: string | null;
  deadlineName: string | null;
  deadlineArticles: string[];
  calendarKnown: boolean;
  /** Negative when overdue. */
  remainingWorkdays: number | null;
  overdue: boolean;
  urged: number;
  /** The step's results (the first is the normal one); none is preselected. */
  outcomes: { event: string; name: string; normal: boolean; refuses: boolean }[];
}

export interface NotificationItem {
  id: string;
  projectId: string | null;
  stepId: string | null;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export type Dimension = 'need' | 'consolidation' | 'feasibility' | 'budget' | 'targets';

export interface ReviewView {
  stepId: string | null;
  stepName: string | null;
  stepOpen: boolean;
  requiresSharingOpinion: boolean;
  review: {
    opinions: Partial<Record<Dimension, { score?: number; opinion: string }>>;
    sharingAnalysisOpinion: string | null;
    findings: Record<string, boolean>;
    reviewerName: string;
    updatedAt: string;
    version: number;
  } | null;
  lastAssessment: { year: number; score: number; grade: string; gradeName: string; summary: string } | null;
}

export interface ExpertAssignment {
  id: string;
  userId: string;
  name: string;
  kind: string;
  kindName: string;
  field: string | null;
  fieldName: string | null;
  assignedAt: string;
  opinion: string | null;
  conclusion: string | null;
  conclusionName: string | null;
  opinionAt: string | null;
  verified: boolean | null;
}

export interface ExpertPool {
  items: {
    userId: string;
    name: string;
    username: string;
    fields: string[];
    fieldNames: string[];
    employerOrganisationId: string | null;
    employerName: string | null;
    title: string;
    jurisdictionName: string;
  }[];
  candidates: { userId: string; name: string; username: string; role: string }[];
}

export interface CertificateItem {
  id: string;
  kind: string;
  kindName: string;
  number: string;
  issuedOn: string;
  revoked: boolean;
  verified: boolean;
  keyId: string;
}

export interface AssessmentItem {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number;
  score: number;
  grade: string;
  gradeName: string;
  summary: string;
}

export interface PlanEntry {
  id: string;
  organisationId: string;
  organisationName: string;
  projectName: string;
  estimatedBudget: string;
  year: number;
  summary: string;
  linkedProjects: { id: string; code: string; name: string }[];
}

export interface Plan {
  id: string;
  jurisdictionId: string;
  jurisdictionName: string;
  organisationId: string;
  organisationName: string;
  scope: 'jurisdiction' | 'department' | string;
  scopeName: string;
  kind: string;
  kindName: string;
  title: string;
  year: number;
  endYear: number;
  summary: string;
  status: string;
  statusName: string;
  decidedAt: string | null;
  decisionOpinion: string | null;
  /** The pending step of the rulebook's chain (XZ 第六条, DT 第八条); null outside it. */
  currentStep: string | null;
  chain: {
    steps: {
      id: string;
      name: string;
      deciderName: string;
      roles: string[];
      organisationIds: string[];
      articles: string[];
      canRefuse: boolean;
      state: 'pending' | 'approved' | 'refused' | 'waiting' | string;
    }[];
    decisions: {
      stepId: string;
      stepName: string;
      decision: string;
      decisionName: string;
      opinion: string;
      organisationName: string;
      at: string;
    }[];
  };
  version: number;
  entries: PlanEntry[];
}

export interface LinkableEntry {
  id: string;
  planId: string;
  planTitle: string;
  planKindName: string;
  organisationId: string;
  projectName: string;
  estimatedBudget: string;
  year: number;
}

/** The application as the form edits it (POST /api/projects, PATCH /api/projects/:id). */
export interface ApplicationInput {
  name: string;
  type: string;
  category: string;
  fundingMode: string;
  summary: string;
  planEntryId: string | null;
  parentProjectId: string | null;
  shareOfParent: string | null;
  coBuilderIds: string[];
  totalBudget: string;
  budgetByYear: { year: number; amount: string }[];
  systems: { systemId: string | null; name: string | null; relation: string }[];
  resources: { resourceId: string; relation: string }[];
  cloudServices: { serviceId: string | null; name: string }[];
  dedicatedNetwork: boolean;
  dedicatedNetworkBasis: string | null;
  /** 涉密项目: 朔城区、城区、忻州交通运输局的办法只适用于非涉密项目. */
  classified: boolean;
  projectOwner: { name: string; title: string; phone: string } | null;
  performanceTargets: { indicator: string; target: string }[];
  declarations: Record<string, boolean>;
}
