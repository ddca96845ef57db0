/** Calls of the project pages (src/projects). */
import { ApiError, type ApiResponse, api, getCsrfToken, toApiError } from '../../api/client.ts';
import type { ApplicationInput, ProjectDetail, SubmissionDetail } from './types.ts';

const P = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const listProjects = (signal: AbortSignal, query: Record<string, string | boolean | undefined> = {}) =>
  api.get<ApiResponse<'/api/projects', 'get'>>('/api/projects', {
    signal,
    query: { limit: 200, ...query },
  });
export const getProject = (id: string, signal?: AbortSignal) => api.get<ProjectDetail>(P(id), { signal });
export const createProject = (body: Partial<ApplicationInput>) =>
  api.post<ProjectDetail>('/api/projects', body);
export const updateProject = (id: string, body: Partial<ApplicationInput> & { version: number }) =>
  api.patch<ProjectDetail>(P(id), body);
export const submitProject = (id: string) => api.post<ProjectDetail>(`${P(id)}/submit`);
export const getTimeline = (id: string, signal?: AbortSignal) =>
  api.get<ApiResponse<'/api/projects/{id}/timeline', 'get'>>(`${P(id)}/timeline`, { signal });
export const listSubmissions = (id: string, signal?: AbortSignal) =>
  api.get<ApiResponse<'/api/projects/{id}/submissions', 'get'>>(`${P(id)}/submissions`, { signal });
export const getSubmission = (id: string, seq: number, signal?: AbortSignal) =>
  api.get<SubmissionDetail>(`${P(id)}/submissions/${seq}`, { signal });
export const removeMaterial = (id: string, materialId: string) =>
  api.delete<ProjectDetail>(`${P(id)}/materials/${materialId}`);
export const materialUrl = (id: string, materialId: string) => `${P(id)}/materials/${materialId}/download`;

/** Multipart upload (the JSON client does not send files). */
export async function uploadMaterial(
  id: string,
  materialCode: string,
  file: File,
  stepId?: string,
): Promise<string> {
  const form = new FormData();
  form.append('materialCode', materialCode);
  if (stepId) form.append('stepId', stepId);
  form.append('file', file, file.name);
  const headers = new Headers({ Accept: 'application/json' });
  const token = getCsrfToken();
  if (token) headers.set('x-csrf-token', token);
  let response: Response;
  try {
    response = await fetch(`${P(id)}/materials`, {
      method: 'POST',
      body: form,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body, response.headers.get('x-request-id'));
  return (body as { id: string }).id;
}
