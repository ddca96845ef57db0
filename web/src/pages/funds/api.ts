/** Calls of the money pages (src/funds/routes.ts; the public 公示: src/publication/routes.ts). */
import { type ApiResponse, api } from '../../api/client.ts';
import type {
  DisbursementDetail,
  FundsView,
  NoticeDetail,
  PublicNoticeDetail,
  ReviewInput,
} from './types.ts';

const F = (id: string) => `/api/funds/projects/${encodeURIComponent(id)}`;
const D = (id: string) => `/api/funds/disbursements/${encodeURIComponent(id)}`;

export const getFunds = (id: string, signal?: AbortSignal) => api.get<FundsView>(F(id), { signal });
export const recordReview = (id: string, body: ReviewInput) =>
  api.post<ApiResponse<'/api/funds/projects/{id}/budget-review', 'post'>>(`${F(id)}/budget-review`, body);
export const budgetOpinionUrl = (id: string) => `${F(id)}/budget-review/document`;
export const decideBudgetStep = (id: string, stepId: string, opinion: string) =>
  api.post<FundsView>(`${F(id)}/budget-steps/${encodeURIComponent(stepId)}`, { opinion });

export const listNotices = (query: Record<string, string | number>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/funds/notices', 'get'>>('/api/funds/notices', { signal, query });
export const getNotice = (id: string, signal?: AbortSignal) =>
  api.get<NoticeDetail>(`/api/funds/notices/${encodeURIComponent(id)}`, { signal });
export const createNotice = (body: {
  title: string;
  year: number;
  startsOn: string;
  endsOn: string;
  items: { projectId: string; amount: string }[];
}) => api.post<ApiResponse<'/api/funds/notices', 'post'>>('/api/funds/notices', body);
export const publishNotice = (id: string, version: number) =>
  api.post<NoticeDetail>(`/api/funds/notices/${encodeURIComponent(id)}/publish`, { version });
export const answerObjection = (id: string, answer: string) =>
  api.post<null>(`/api/funds/objections/${encodeURIComponent(id)}/answer`, { answer });

export const listDisbursements = (query: Record<string, string | number>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/funds/disbursements', 'get'>>('/api/funds/disbursements', { signal, query });
export const requestDisbursement = (body: {
  projectId: string;
  year: number;
  kind: string;
  amount: string;
  purpose: string;
}) => api.post<ApiResponse<'/api/funds/disbursements', 'post'>>('/api/funds/disbursements', body);
export const getDisbursement = (id: string, signal?: AbortSignal) =>
  api.get<DisbursementDetail>(D(id), { signal });
export const decideDisbursement = (
  id: string,
  body: { decision: string; opinion: string; version: number },
) => api.post<DisbursementDetail>(`${D(id)}/decision`, body);
export const recordConsent = (id: string, body: { decision: string; opinion: string }) =>
  api.post<DisbursementDetail>(`${D(id)}/consent`, body);
export const requestOverride = (id: string, body: { gateId: string; reason: string }) =>
  api.post<ApiResponse<'/api/funds/disbursements/{id}/overrides', 'post'>>(`${D(id)}/overrides`, body);
export const approveOverride = (id: string) =>
  api.post<null>(`/api/funds/overrides/${encodeURIComponent(id)}/approve`);

export const publicNotices = (phase: 'current' | 'ended', signal: AbortSignal) =>
  api.get<ApiResponse<'/api/public/notices', 'get'>>('/api/public/notices', {
    signal,
    query: { phase, limit: 50 },
  });
export const publicNotice = (id: string, signal?: AbortSignal) =>
  api.get<PublicNoticeDetail>(`/api/public/notices/${encodeURIComponent(id)}`, { signal });
export const fileObjection = (id: string, content: string) =>
  api.post<ApiResponse<'/api/public/notices/{id}/objections', 'post'>>(
    `/api/public/notices/${encodeURIComponent(id)}/objections`,
    { content },
  );
