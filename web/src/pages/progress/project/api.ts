/** Types (generated, web/src/api/schema.ts) and calls of the progress routes (src/progress). */
import { type ApiBody, type ApiResponse, call } from '../../../api/client.ts';

const PROGRESS = '/api/projects/{id}/progress';
const CHANGES = '/api/projects/{id}/change-requests';

export type ProgressPage = ApiResponse<typeof PROGRESS, 'get'>;
export type Baseline = ProgressPage['baselines'][number];
export type Milestone = Baseline['milestones'][number];
export type PeriodFunds = Baseline['plannedFunds'][number];
export type ProgressReport = ProgressPage['reports'][number];
export type Variance = NonNullable<ProgressReport['variance']>;
export type ChangeRequest = ProgressPage['changes'][number];
export type PlanBody = Pick<
  ApiBody<'/api/projects/{id}/progress/baseline', 'post'>,
  'milestones' | 'plannedFunds'
>;

export const CHANGE_KIND_OPTIONS = [
  { value: 'content', label: '建设内容' },
  { value: 'budget', label: '投资预算' },
  { value: 'schedule', label: '建设进度' },
  { value: 'systems', label: '涉及系统' },
];
/** By risk level (the server's schema types it as a string: low, medium, high). */
export const RISK_COLORS: Record<string, string> = {
  low: 'green',
  medium: 'gold',
  high: 'red',
};
/** By change request state (the server's schema types it as a string). */
export const CHANGE_STATE_COLORS: Record<string, string> = {
  submitted: 'blue',
  evaluated: 'gold',
  approved: 'green',
  rejected: 'red',
  completed: 'green',
};

export const getProgress = (projectId: string, signal?: AbortSignal) =>
  call('get', PROGRESS, { params: { id: projectId }, signal });
export const createBaseline = (
  projectId: string,
  body: ApiBody<'/api/projects/{id}/progress/baseline', 'post'>,
) => call('post', '/api/projects/{id}/progress/baseline', { params: { id: projectId }, body });
export const submitReport = (
  projectId: string,
  body: ApiBody<'/api/projects/{id}/progress/reports', 'post'>,
) => call('post', '/api/projects/{id}/progress/reports', { params: { id: projectId }, body });
export const requestChange = (projectId: string, body: ApiBody<typeof CHANGES, 'post'>) =>
  call('post', CHANGES, { params: { id: projectId }, body });
export const evaluateChange = (
  projectId: string,
  requestId: string,
  body: ApiBody<'/api/projects/{id}/change-requests/{requestId}/evaluate', 'post'>,
) =>
  call('post', '/api/projects/{id}/change-requests/{requestId}/evaluate', {
    params: { id: projectId, requestId },
    body,
  });
export const decideChange = (
  projectId: string,
  requestId: string,
  body: ApiBody<'/api/projects/{id}/change-requests/{requestId}/decision', 'post'>,
) =>
  call('post', '/api/projects/{id}/change-requests/{requestId}/decision', {
    params: { id: projectId, requestId },
    body,
  });
