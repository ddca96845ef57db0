/** Calls of the questionnaire pages (src/questionnaire/routes.ts). */
import { type ApiResponse, api } from '../../api/client.ts';
import type {
  AnswerInput,
  DesignInput,
  PublicQuestionnaire,
  QuestionnaireDetail,
  QuestionnaireResults,
} from './types.ts';

const Q = (id: string) => `/api/questionnaires/${encodeURIComponent(id)}`;

export const listQuestionnaires = (query: Record<string, string | number>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/questionnaires', 'get'>>('/api/questionnaires', { signal, query });
export const getQuestionnaire = (id: string, signal?: AbortSignal) =>
  api.get<QuestionnaireDetail>(Q(id), { signal });
export const createQuestionnaire = (body: DesignInput & { systemId: string; year: number }) =>
  api.post<ApiResponse<'/api/questionnaires', 'post'>>('/api/questionnaires', body);
export const updateQuestionnaire = (id: string, body: DesignInput & { version: number }) =>
  api.put<ApiResponse<'/api/questionnaires/{id}', 'put'>>(Q(id), body);
export const publishQuestionnaire = (
  id: string,
  body: { startsOn: string; endsOn: string; version: number },
) => api.post<ApiResponse<'/api/questionnaires/{id}/publish', 'post'>>(`${Q(id)}/publish`, body);
export const closeQuestionnaire = (id: string, version: number) =>
  api.post<ApiResponse<'/api/questionnaires/{id}/close', 'post'>>(`${Q(id)}/close`, { version });
export const getResults = (id: string, signal?: AbortSignal) =>
  api.get<QuestionnaireResults>(`${Q(id)}/results`, { signal });
export const qrcodeUrl = (id: string) => `${Q(id)}/qrcode`;

const P = (slug: string) => `/api/public/questionnaires/${encodeURIComponent(slug)}`;
export const getPublicQuestionnaire = (slug: string, signal?: AbortSignal) =>
  api.get<PublicQuestionnaire>(P(slug), { signal });
export const submitAnswers = (slug: string, body: { deviceId: string; answers: AnswerInput[] }) =>
  api.post<ApiResponse<'/api/public/questionnaires/{slug}/responses', 'post'>>(`${P(slug)}/responses`, body);
