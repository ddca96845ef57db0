/** Calls of the workflow (src/workflow): decide, find, return, reassign, urge a step; withdraw; comment. */
import { type ApiResponse, api } from '../../api/client.ts';
import type { ProjectDetail } from '../projects/types.ts';

const P = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const decideStep = (
  id: string,
  stepId: string,
  body: { outcome: string; opinion: string; reasons?: string[] },
) => api.post<ProjectDetail>(`${P(id)}/steps/${stepId}/decision`, body);
/** 认定: a fact the step may establish, with the reason; `value: null` withdraws the finding. */
export const recordFinding = (
  id: string,
  stepId: string,
  body: { fact: string; value: boolean | null; reason: string },
) => api.put<ProjectDetail>(`${P(id)}/steps/${stepId}/findings`, body);
export const returnStep = (
  id: string,
  stepId: string,
  body: { to: 'previous' | 'applicant'; reason: string },
) => api.post<ProjectDetail>(`${P(id)}/steps/${stepId}/return`, body);
export const withdrawProject = (id: string, reason: string) =>
  api.post<ProjectDetail>(`${P(id)}/withdraw`, { reason });
export const reassignStep = (id: string, stepId: string, body: { userId: string; note: string }) =>
  api.post<ProjectDetail>(`${P(id)}/steps/${stepId}/reassign`, body);
export const colleaguesOf = (id: string, stepId: string, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/projects/{id}/steps/{stepId}/colleagues', 'get'>>(
    `${P(id)}/steps/${stepId}/colleagues`,
    { signal },
  );
export const urgeStep = (id: string, stepId: string, message: string) =>
  api.post<ApiResponse<'/api/projects/{id}/steps/{stepId}/urge', 'post'>>(`${P(id)}/steps/${stepId}/urge`, {
    message,
  });
export const addComment = (id: string, text: string) =>
  api.post<ApiResponse<'/api/projects/{id}/comments', 'post'>>(`${P(id)}/comments`, { text });
