/** Types (generated, web/src/api/schema.ts) and calls of the construction routes (src/construction). */
import { type ApiBody, type ApiResponse, call } from '../../../api/client.ts';

const CONTRACTS = '/api/projects/{id}/contracts';
const RECTIFICATIONS = '/api/projects/{id}/rectifications';
const EXTENSIONS = '/api/projects/{id}/acceptance-extensions';

export type Contract = ApiResponse<typeof CONTRACTS, 'get'>['items'][number];
export type Deliverable = Contract['deliverables'][number];
export type SignContractBody = ApiBody<typeof CONTRACTS, 'post'>;
type RectificationList = ApiResponse<typeof RECTIFICATIONS, 'get'>;
export type Rectification = RectificationList['items'][number];
export type FundsGate = RectificationList['fundsGates'][number];

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
  call('get', CONTRACTS, { params: { id: projectId }, signal });
export const signContract = (projectId: string, body: SignContractBody) =>
  call('post', CONTRACTS, { params: { id: projectId }, body });
export const fileContract = (projectId: string, contractId: string, version: number) =>
  call('post', '/api/projects/{id}/contracts/{contractId}/file', {
    params: { id: projectId, contractId },
    body: { version },
  });
export const markDelivered = (projectId: string, contractId: string, deliverableId: string) =>
  call('post', '/api/projects/{id}/contracts/{contractId}/deliverables/{deliverableId}/delivered', {
    params: { id: projectId, contractId, deliverableId },
  });
export const listRectifications = (projectId: string, signal?: AbortSignal) =>
  call('get', RECTIFICATIONS, { params: { id: projectId }, signal });
export const orderRectification = (projectId: string, body: ApiBody<typeof RECTIFICATIONS, 'post'>) =>
  call('post', RECTIFICATIONS, { params: { id: projectId }, body });
export const reportRectification = (
  projectId: string,
  rectificationId: string,
  body: ApiBody<'/api/projects/{id}/rectifications/{rectificationId}/report', 'post'>,
) =>
  call('post', '/api/projects/{id}/rectifications/{rectificationId}/report', {
    params: { id: projectId, rectificationId },
    body,
  });
export const decideRectification = (
  projectId: string,
  rectificationId: string,
  body: ApiBody<'/api/projects/{id}/rectifications/{rectificationId}/decision', 'post'>,
) =>
  call('post', '/api/projects/{id}/rectifications/{rectificationId}/decision', {
    params: { id: projectId, rectificationId },
    body,
  });

/** 延期验收 (DT-26b, SC-20c): the extensible deadlines with their obligation, and the requests. */
type ExtensionList = ApiResponse<typeof EXTENSIONS, 'get'>;
export type ExtensibleDeadline = ExtensionList['deadlines'][number];
export type ExtensionRequest = ExtensionList['items'][number];
export const EXTENSION_STATES: Record<ExtensionRequest['state'], { text: string; color: string }> = {
  requested: { text: '待审批', color: 'gold' },
  granted: { text: '已同意', color: 'green' },
  refused: { text: '不同意', color: 'red' },
};
export const listExtensions = (projectId: string, signal?: AbortSignal) =>
  call('get', EXTENSIONS, { params: { id: projectId }, signal });
export const requestExtension = (projectId: string, body: ApiBody<typeof EXTENSIONS, 'post'>) =>
  call('post', EXTENSIONS, { params: { id: projectId }, body });
export const decideExtension = (
  projectId: string,
  extensionId: string,
  body: ApiBody<'/api/projects/{id}/acceptance-extensions/{extensionId}/decision', 'post'>,
) =>
  call('post', '/api/projects/{id}/acceptance-extensions/{extensionId}/decision', {
    params: { id: projectId, extensionId },
    body,
  });
export const recordPlannedAcceptance = (
  projectId: string,
  body: ApiBody<'/api/projects/{id}/acceptance-plan', 'post'>,
) => call('post', '/api/projects/{id}/acceptance-plan', { params: { id: projectId }, body });
