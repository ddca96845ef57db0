/** Hand-written types and calls of the progress routes (src/progress). */
import { api } from './client.ts';

export interface Milestone {
  name: string;
  plannedOn: string;
}
export interface PeriodFunds {
  period: string;
  amount: string;
}
export interface Baseline {
  baselineVersion: number;
  startOn: string;
  milestones: Milestone[];
  plannedFunds: PeriodFunds[];
  totalBudget: string;
  changeRequestId: string | null;
  createdAt: string;
}
export interface Variance {
  plannedPercent: number;
  scheduleVariancePoints: number;
  lateMilestones: string[];
  plannedFundsToDate: string;
  earnedValue: string;
  costVariance: string;
  costVariancePercent: number | null;
  fundsVsPlan: string;
}
export interface ProgressReport {
  id: string;
  period: string;
  asOf: string;
  baselineVersion: number;
  milestones: { name: string; doneOn: string | null }[];
  percentDone: number;
  fundsUsed: string;
  note: string;
  reportedByName: string;
  reportedOn: string;
  variance: Variance | null;
}
export type ChangeState = 'submitted' | 'evaluated' | 'approved' | 'rejected' | 'completed';
export interface ChangeRequest {
  id: string;
  kinds: string[];
  kindNames: string[];
  description: string;
  reason: string;
  proposedMilestones: Milestone[];
  proposedFunds: PeriodFunds[];
  proposedBudget: string;
  state: ChangeState;
  stateName: string;
  requestedByName: string;
  requestedOn: string;
  evaluatedByName: string | null;
  evaluatedOn: string | null;
  evaluationOpinion: string | null;
  evaluationParticipants: string | null;
  decidedByName: string | null;
  decidedOn: string | null;
  decisionOpinion: string | null;
  baselineVersion: number | null;
  version: number;
}
export interface ProgressPage {
  rules: {
    periodMonths: number;
    periodFromText: boolean;
    reportObligation: boolean;
    dueWorkingDays: number;
    reportArticles: string[];
    reportWording: string;
    changeArticles: string[];
    changeOrder: 'evaluate_then_decide' | 'decide_then_evaluate';
    changeWording: string;
    applicantName: string;
    evaluatorName: string;
    deciderName: string;
    evaluationParticipants: boolean;
  };
  established: boolean;
  can: { report: boolean; request: boolean; evaluate: boolean; decide: boolean };
  baselines: Baseline[];
  currentBaselineVersion: number | null;
  reports: ProgressReport[];
  periods: { period: string; state: string; dueDate: string | null; late: boolean }[];
  changes: ChangeRequest[];
  risk: {
    level: 'low' | 'medium' | 'high';
    label: string;
    reasons: string[];
    overdueObligations: number;
    openRectifications: number;
  };
}

export interface PlanBody {
  milestones: Milestone[];
  plannedFunds: PeriodFunds[];
}

export const CHANGE_KIND_OPTIONS = [
  { value: 'content', label: '建设内容' },
  { value: 'budget', label: '投资预算' },
  { value: 'schedule', label: '建设进度' },
  { value: 'systems', label: '涉及系统' },
];
export const RISK_COLORS: Record<ProgressPage['risk']['level'], string> = {
  low: 'green',
  medium: 'gold',
  high: 'red',
};
export const CHANGE_STATE_COLORS: Record<ChangeState, string> = {
  submitted: 'blue',
  evaluated: 'gold',
  approved: 'green',
  rejected: 'red',
  completed: 'green',
};

export const getProgress = (projectId: string, signal?: AbortSignal) =>
  api.get<ProgressPage>(`/api/projects/${projectId}/progress`, { signal });
export const createBaseline = (projectId: string, body: PlanBody & { startOn: string }) =>
  api.post<{ baselineVersion: number }>(`/api/projects/${projectId}/progress/baseline`, body);
export const submitReport = (
  projectId: string,
  body: {
    period: string;
    milestones: { name: string; doneOn: string | null }[];
    percentDone: number;
    fundsUsed: string;
    note: string;
  },
) => api.post<{ id: string; late: boolean }>(`/api/projects/${projectId}/progress/reports`, body);
export const requestChange = (
  projectId: string,
  body: PlanBody & { kinds: string[]; description: string; reason: string; totalBudget: string },
) => api.post<{ id: string }>(`/api/projects/${projectId}/change-requests`, body);
export const evaluateChange = (
  projectId: string,
  id: string,
  body: { opinion: string; participants: string; version: number },
) => api.post<{ ok: boolean }>(`/api/projects/${projectId}/change-requests/${id}/evaluate`, body);
export const decideChange = (
  projectId: string,
  id: string,
  body: { decision: 'approved' | 'rejected'; opinion: string; version: number },
) =>
  api.post<{ baselineVersion: number | null }>(
    `/api/projects/${projectId}/change-requests/${id}/decision`,
    body,
  );
