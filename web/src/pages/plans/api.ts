/** Calls of the plan pages and the project form's plan-entry picker (src/plans). */
import { type ApiResponse, api, type QueryValue } from '../../api/client.ts';
import type { Plan } from './types.ts';

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
