/**
 * Calls and response types of the 年度考核 pages (src/evaluation). Hand-written like the other
 * pages' types (web/src/api is not generated yet).
 */
import { ApiError, api, buildUrl, NETWORK_ERROR, toApiError } from '../../api/client.ts';

const E = '/api/evaluation';

export interface Round {
  id: string;
  year: number;
  dueDate: string;
  jurisdictionId: string;
  jurisdictionName: string;
  rolledUpAt: string | null;
  publishedAt: string | null;
  version: number;
  manage: boolean;
}

export interface Indicator {
  code: string;
  name: string;
  weight: number;
  phases: ('construction' | 'operation')[];
}

export interface RoundProject {
  id: string;
  code: string;
  name: string;
  organisationId: string;
  organisationName: string;
  selfEvaluation: {
    id: string;
    targets: { indicator: string; target: string; achieved: string }[];
    fundsUsed: string;
    outputs: string;
    effects: string;
    problems: string;
    submittedAt: string;
    spotCheck: { conclusion: 'consistent' | 'issues'; keyProject: boolean; findings: string } | null;
  } | null;
  obligation: { state: string; dueDate: string | null; overdue: boolean } | null;
  score: {
    phase: 'construction' | 'operation';
    scores: { code: string; score: number }[];
    total: number;
    version: number;
  } | null;
}

export interface Rectification {
  id: string;
  organisationId: string;
  organisationName: string;
  projectId: string | null;
  systemId: string | null;
  source: string;
  finding: string;
  opinion: string;
  deadline: string;
  state: 'open' | 'reported' | 'closed';
  report: string | null;
  reportedOn: string | null;
  closedOn: string | null;
  version: number;
  obligationState: string | null;
  late: boolean;
  overdue: boolean;
}

export interface DepartmentResult {
  organisationId: string;
  organisationName: string;
  score: number;
  grade: string;
  gradeName: string;
  summary: string;
}

export interface RoundDetail extends Round {
  spotCheck: { financeName: string; articles: string[] } | null;
  articles: Record<'selfEvaluation' | 'assessment' | 'efficacy' | 'rectification' | 'publication', string[]>;
  indicatorSet: { id: string; version: number; indicators: Indicator[]; note: string } | null;
  projects: RoundProject[];
  efficacy: {
    id: string;
    systemId: string;
    systemName: string;
    organisationName: string;
    dimensions: { code: string; name: string; score: number | null }[];
    questionnaire: number | null;
    total: number | null;
  }[];
  rectifications: Rectification[];
  results: DepartmentResult[];
}

export interface PublicRound {
  id: string;
  year: number;
  jurisdictionName: string;
  publishedAt: string;
  departments: { organisationName: string; score: number; grade: string; gradeName: string }[];
}

export const evaluation = {
  rounds: (signal?: AbortSignal) => api.get<{ items: Round[] }>(`${E}/rounds`, { signal }),
  round: (id: string, signal?: AbortSignal) => api.get<RoundDetail>(`${E}/rounds/${id}`, { signal }),
  open: (body: { year: number; dueDate: string }) =>
    api.post<{ id: string; obligations: number }>(`${E}/rounds`, body),
  selfEvaluate: (id: string, body: unknown) =>
    api.post<{ id: string }>(`${E}/rounds/${id}/self-evaluations`, body),
  spotCheck: (selfEvaluationId: string, body: unknown) =>
    api.post<{ id: string }>(`${E}/self-evaluations/${selfEvaluationId}/spot-check`, body),
  indicatorSet: (id: string, body: unknown) =>
    api.post<{ id: string; version: number }>(`${E}/rounds/${id}/indicator-sets`, body),
  score: (id: string, body: unknown) =>
    api.post<{ id: string; total: number }>(`${E}/rounds/${id}/scores`, body),
  efficacy: (id: string, body: unknown) =>
    api.post<{ id: string; total: number | null }>(`${E}/rounds/${id}/efficacy`, body),
  rollUp: (id: string, version: number) =>
    api.post<{ departments: number }>(`${E}/rounds/${id}/roll-up`, { version }),
  publish: (id: string, version: number) => api.post<{ ok: true }>(`${E}/rounds/${id}/publish`, { version }),
  rectify: (id: string, body: unknown) => api.post<{ id: string }>(`${E}/rounds/${id}/rectifications`, body),
  reportRectification: (id: string, report: string, version: number) =>
    api.post<{ ok: true }>(`${E}/rectifications/${id}/report`, { report, version }),
  closeRectification: (id: string, version: number) =>
    api.post<{ late: boolean }>(`${E}/rectifications/${id}/close`, { version }),
  publicResults: (signal?: AbortSignal) =>
    api.get<{ total: number; items: PublicRound[] }>('/api/public/evaluation-results', { signal }),
};

/** Downloads a generated file (report, compilation, summary) under `fileName`. */
export async function download(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: NETWORK_ERROR, message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body, response.headers.get('x-request-id'));
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export const reportUrl = (roundId: string, organisationId: string) =>
  `${E}/rounds/${roundId}/reports/${organisationId}`;
export const compilationUrl = (roundId: string) => `${E}/rounds/${roundId}/compilation`;
export const summaryUrl = (roundId: string) => `${E}/rounds/${roundId}/compilation/summary`;

export const PHASES = { construction: '建设中', operation: '运行中' } as const;
export const EFFICACY_DIMENSIONS = [
  { code: 'support', name: '计算、存储、网络等支撑和适配能力' },
  { code: 'satisfaction', name: '用户满意度' },
  { code: 'efficiency_gain', name: '政务效能提升程度' },
  { code: 'sustainability', name: '应用可持续发展水平' },
  { code: 'security', name: '系统安全可靠程度' },
] as const;
export const RECTIFICATION_STATES: Record<string, string> = {
  open: '整改中',
  reported: '已报告整改',
  closed: '已核销',
};
export const SOURCES: Record<string, string> = {
  self_evaluation: '项目自评价',
  spot_check: '财政抽查',
  assessment: '绩效考核',
  efficacy: '应用效能评估',
};
