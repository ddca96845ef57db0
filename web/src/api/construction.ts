/** Hand-written types and calls of the construction routes (src/construction). */
import { api } from './client.ts';

export interface Deliverable {
  id: string;
  kind: string;
  kindName: string;
  name: string;
  deliveredOn: string | null;
}

export interface Contract {
  id: string;
  number: string;
  procurementMethod: string;
  procurementMethodName: string;
  procurementResult: string;
  contractorName: string;
  amount: string;
  signedOn: string;
  ownershipClause: boolean;
  filedOn: string | null;
  version: number;
  deliverables: Deliverable[];
}

export interface SignContractBody {
  number: string;
  procurementMethod: string;
  procurementResult: string;
  contractorName: string;
  amount: string;
  signedOn: string;
  ownershipClause: boolean;
  deliverables: { kind: string; name: string }[];
}

export interface Rectification {
  id: string;
  problemKind: string;
  problemKindName: string;
  description: string;
  orderedOn: string;
  workingDays: number;
  state: 'ordered' | 'reported' | 'rectified' | 'failed' | 'refused';
  report: string | null;
  reportedOn: string | null;
  decidedOn: string | null;
  decisionNote: string | null;
  version: number;
}

export interface FundsGate {
  gateId: string;
  name: string;
  action: string;
  passed: boolean;
  reason: string;
  article: string;
}

export const PROCUREMENT_OPTIONS = [
  { value: 'public_tender', label: '公开招标' },
  { value: 'invited_tender', label: '邀请招标' },
  { value: 'competitive_negotiation', label: '竞争性谈判' },
  { value: 'competitive_consultation', label: '竞争性磋商' },
  { value: 'inquiry', label: '询价' },
  { value: 'single_source', label: '单一来源采购' },
];
export const DELIVERABLE_OPTIONS = [
  { value: 'design_documents', label: '设计文件' },
  { value: 'source_code', label: '源代码' },
  { value: 'test_documents', label: '测试文档' },
  { value: 'other', label: '其他成果' },
];
export const PROBLEM_OPTIONS = [
  { value: 'approval_violation', label: '违反审批要求' },
  { value: 'unauthorised_change', label: '擅自调整建设内容' },
  { value: 'serious_delay', label: '工程严重逾期' },
  { value: 'major_loss', label: '投资重大损失' },
];
export const RECTIFICATION_STATES: Record<Rectification['state'], { text: string; color: string }> = {
  ordered: { text: '待整改', color: 'blue' },
  reported: { text: '待认定', color: 'gold' },
  rectified: { text: '整改合格', color: 'green' },
  failed: { text: '整改不合格', color: 'red' },
  refused: { text: '拒不整改', color: 'red' },
};

export const listContracts = (projectId: string, signal?: AbortSignal) =>
  api.get<{ items: Contract[] }>(`/api/projects/${projectId}/contracts`, { signal });
export const signContract = (projectId: string, body: SignContractBody) =>
  api.post<{ id: string }>(`/api/projects/${projectId}/contracts`, body);
export const fileContract = (projectId: string, contractId: string, version: number) =>
  api.post<{ late: boolean }>(`/api/projects/${projectId}/contracts/${contractId}/file`, { version });
export const markDelivered = (projectId: string, contractId: string, deliverableId: string) =>
  api.post<{ ok: boolean }>(
    `/api/projects/${projectId}/contracts/${contractId}/deliverables/${deliverableId}/delivered`,
  );
export const listRectifications = (projectId: string, signal?: AbortSignal) =>
  api.get<{ items: Rectification[]; fundsGates: FundsGate[] }>(`/api/projects/${projectId}/rectifications`, {
    signal,
  });
export const orderRectification = (
  projectId: string,
  body: { problemKind: string; description: string; workingDays: number },
) => api.post<{ id: string }>(`/api/projects/${projectId}/rectifications`, body);
export const reportRectification = (
  projectId: string,
  id: string,
  body: { report: string; version: number },
) => api.post<{ ok: boolean }>(`/api/projects/${projectId}/rectifications/${id}/report`, body);
export const decideRectification = (
  projectId: string,
  id: string,
  body: { outcome: 'rectified' | 'failed' | 'refused'; note: string; version: number },
) => api.post<{ ok: boolean }>(`/api/projects/${projectId}/rectifications/${id}/decision`, body);

/** 延期验收 (DT-26b, SC-20c): the extensible deadlines with their obligation, and the requests. */
export interface ExtensibleDeadline {
  deadlineId: string;
  name: string;
  articles: string[];
  decidedByName: string;
  plannedDateAnchor: boolean;
  limitsNote: string | null;
  maxRequests: number | null;
  maxCalendarMonths: number | null;
  obligation: {
    id: string;
    state: 'open' | 'extended' | 'overdue' | 'met' | 'waived';
    anchorDate: string;
    dueDate: string | null;
    extendedFrom: string | null;
    remainingWorkingDays: number | null;
    calendarUnknown: boolean;
  } | null;
}
export interface ExtensionRequest {
  id: string;
  deadlineId: string;
  reason: string;
  requestedUntil: string;
  dueDateBefore: string | null;
  requestedOn: string;
  state: 'requested' | 'granted' | 'refused';
  decidedOn: string | null;
  decisionNote: string | null;
  version: number;
}
export const EXTENSION_STATES: Record<ExtensionRequest['state'], { text: string; color: string }> = {
  requested: { text: '待审批', color: 'gold' },
  granted: { text: '已同意', color: 'green' },
  refused: { text: '不同意', color: 'red' },
};
export const listExtensions = (projectId: string, signal?: AbortSignal) =>
  api.get<{ deadlines: ExtensibleDeadline[]; items: ExtensionRequest[] }>(
    `/api/projects/${projectId}/acceptance-extensions`,
    { signal },
  );
export const requestExtension = (
  projectId: string,
  body: { deadlineId: string; until: string; reason: string },
) => api.post<{ id: string }>(`/api/projects/${projectId}/acceptance-extensions`, body);
export const decideExtension = (
  projectId: string,
  id: string,
  body: { decision: 'grant' | 'refuse'; note: string; version: number },
) =>
  api.post<{ ok: boolean; dueDate: string | null }>(
    `/api/projects/${projectId}/acceptance-extensions/${id}/decision`,
    body,
  );
export const recordPlannedAcceptance = (projectId: string, body: { deadlineId: string; plannedOn: string }) =>
  api.post<{ id: string }>(`/api/projects/${projectId}/acceptance-plan`, body);
