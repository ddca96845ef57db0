/** Calls of the project pages (src/projects/routes.ts, src/review/routes.ts, src/projects/plan-routes.ts). */
import {
  ApiError,
  type ApiResponse,
  api,
  getCsrfToken,
  type QueryValue,
  toApiError,
} from '../../api/client.ts';
import type {
  ApplicationInput,
  ExpertPool,
  Plan,
  ProjectDetail,
  ReviewView,
  SubmissionDetail,
} from './types.ts';

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

export const listPlans = (query: Record<string, QueryValue>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/plans', 'get'>>('/api/plans', { query, signal });
export const getPlan = (id: string, signal?: AbortSignal) => api.get<Plan>(`/api/plans/${id}`, { signal });
export const createPlan = (body: {
  kind: string;
  title: string;
  year: number;
  endYear?: number;
  summary: string;
}) => api.post<Plan>('/api/plans', body);
export const addPlanEntry = (
  id: string,
  body: {
    organisationId: string;
    projectName: string;
    estimatedBudget: string;
    year: number;
    summary: string;
  },
) => api.post<Plan>(`/api/plans/${id}/entries`, body);
export const removePlanEntry = (id: string, entryId: string) =>
  api.delete<Plan>(`/api/plans/${id}/entries/${entryId}`);
export const submitPlan = (id: string) => api.post<Plan>(`/api/plans/${id}/submit`);
export const decidePlan = (
  id: string,
  body: { decision: 'approve' | 'return' | 'refuse'; opinion: string },
) => api.post<Plan>(`/api/plans/${id}/decision`, body);
export const listLinkableEntries = (signal: AbortSignal) =>
  api.get<ApiResponse<'/api/plan-entries', 'get'>>('/api/plan-entries', { signal });

export type OrganisationOption = ApiResponse<'/api/organisations', 'get'>['items'][number];
export const listOrganisations = (signal: AbortSignal) =>
  api.get<ApiResponse<'/api/organisations', 'get'>>('/api/organisations', { signal });

export type CatalogResourceOption = Pick<
  ApiResponse<'/api/catalog/resources', 'get'>['items'][number],
  'id' | 'code' | 'name' | 'providerName'
>;
/** Resources of the catalog the caller may see (src/catalog); empty when the catalog is not reachable. */
export const listCatalogResources = (signal: AbortSignal) =>
  api
    .get<ApiResponse<'/api/catalog/resources', 'get'>>('/api/catalog/resources', {
      signal,
      query: { limit: 500 },
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { items: [] };
      throw error;
    });

export type CatalogSystemOption = Pick<
  ApiResponse<'/api/catalog/systems', 'get'>['items'][number],
  'id' | 'code' | 'name' | 'status'
>;
/** Systems of the catalog the caller may see (src/catalog); empty when the catalog is not reachable. */
export const listCatalogSystems = (signal: AbortSignal) =>
  api
    .get<ApiResponse<'/api/catalog/systems', 'get'>>('/api/catalog/systems', {
      signal,
      query: { limit: 500 },
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { items: [] };
      throw error;
    });
