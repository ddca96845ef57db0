/** Calls of the review pages (src/review): review, experts, certificates, assessments. */
import { type ApiResponse, api, type QueryValue } from '../../api/client.ts';
import type { ExpertPool, ReviewView } from './types.ts';

const P = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const getReview = (id: string, signal?: AbortSignal) =>
  api.get<ReviewView>(`${P(id)}/review`, { signal });
export const saveReview = (
  id: string,
  body: {
    opinions: Partial<Record<string, { score?: number; opinion: string }>>;
    sharingAnalysisOpinion?: string | null;
    findings?: Record<string, boolean | null>;
    version?: number;
  },
) => api.put<ReviewView>(`${P(id)}/review`, body);
export const listAssignments = (id: string, signal?: AbortSignal) =>
  api.get<ApiResponse<'/api/projects/{id}/experts', 'get'>>(`${P(id)}/experts`, { signal });
export const assignExpert = (
  id: string,
  body: { userId: string; kind: 'expert' | 'evaluator'; field: string | null },
) => api.post<ApiResponse<'/api/projects/{id}/experts', 'post'>>(`${P(id)}/experts`, body);
export const giveExpertOpinion = (id: string, body: { opinion: string; conclusion: string }) =>
  api.post<ApiResponse<'/api/projects/{id}/expert-opinion', 'post'>>(`${P(id)}/expert-opinion`, body);
export const listCertificates = (id: string, signal?: AbortSignal) =>
  api.get<ApiResponse<'/api/projects/{id}/certificates', 'get'>>(`${P(id)}/certificates`, { signal });
export const certificateUrl = (id: string, certificateId: string, format: 'docx' | 'pdf') =>
  `${P(id)}/certificates/${certificateId}/download?format=${format}`;

/** The whole library and its candidates (the assignment selector); with `limit`, one page of it. */
export const getExpertPool = (signal: AbortSignal) => api.get<ExpertPool>('/api/experts', { signal });
/** One page of the library (q, field, limit/offset in the query) with `total`. */
export const pageExperts = async (query: Record<string, QueryValue>, signal: AbortSignal) => {
  const page = await api.get<ExpertPool>('/api/experts', { query, signal });
  return { ...page, total: page.total ?? page.items.length };
};
export const registerExpert = (body: {
  userId: string;
  fields: string[];
  employerOrganisationId: string | null;
  title: string;
}) => api.post<ApiResponse<'/api/experts', 'post'>>('/api/experts', body);
export const listAssessments = (query: Record<string, QueryValue>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/department-assessments', 'get'>>('/api/department-assessments', {
    query,
    signal,
  });
export const recordAssessment = (body: {
  organisationId: string;
  year: number;
  score: number;
  grade: string;
  summary: string;
}) => api.post<ApiResponse<'/api/department-assessments', 'post'>>('/api/department-assessments', body);
