/** Calls of the questionnaire pages (src/questionnaire/routes.ts). */
import { api } from '../../api/client.ts';
import type {
  AnswerInput,
  DesignInput,
  PublicQuestionnaire,
  QuestionnaireDetail,
  QuestionnaireResults,
  QuestionnaireSummary,
} from './types.ts';

const Q = (id: string) => `/api/questionnaires/${encodeURIComponent(id)}`;

export const listQuestionnaires = (signal: AbortSignal) =>
  api.get<{ items: QuestionnaireSummary[]; total: number }>('/api/questionnaires', {
    signal,
    query: { limit: 200 },
  });
export const getQuestionnaire = (id: string, signal?: AbortSignal) =>
  api.get<QuestionnaireDetail>(Q(id), { signal });
export const createQuestionnaire = (body: DesignInput & { systemId: string; year: number }) =>
  api.post<{ id: string }>('/api/questionnaires', body);
export const updateQuestionnaire = (id: string, body: DesignInput & { version: number }) =>
  api.put<{ ok: true }>(Q(id), body);
export const publishQuestionnaire = (
  id: string,
  body: { startsOn: string; endsOn: string; version: number },
) => api.post<{ slug: string }>(`${Q(id)}/publish`, body);
export const closeQuestionnaire = (id: string, version: number) =>
  api.post<{ ok: true }>(`${Q(id)}/close`, { version });
export const getResults = (id: string, signal?: AbortSignal) =>
  api.get<QuestionnaireResults>(`${Q(id)}/results`, { signal });
export const qrcodeUrl = (id: string) => `${Q(id)}/qrcode`;

const P = (slug: string) => `/api/public/questionnaires/${encodeURIComponent(slug)}`;
export const getPublicQuestionnaire = (slug: string, signal?: AbortSignal) =>
  api.get<PublicQuestionnaire>(P(slug), { signal });
export const submitAnswers = (slug: string, body: { deviceId: string; answers: AnswerInput[] }) =>
  api.post<{ ok: true }>(`${P(slug)}/responses`, body);
