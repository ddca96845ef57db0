/**
 * Types (generated from the server's schemas, web/src/api/schema.ts) and calls of the 年度考核 pages
 * (src/evaluation).
 */
import { type ApiBody, type ApiResponse, call } from '../../api/client.ts';

const E = '/api/evaluation';

export type Round = ApiResponse<'/api/evaluation/rounds', 'get'>['items'][number];
/** GET /api/evaluation/rounds/:id */
export type RoundDetail = ApiResponse<'/api/evaluation/rounds/{id}', 'get'>;
export type Indicator = NonNullable<RoundDetail['indicatorSet']>['indicators'][number];
export type RoundProject = RoundDetail['projects'][number];
export type Rectification = RoundDetail['rectifications'][number];
export type DepartmentResult = RoundDetail['results'][number];
export type RectificationSource = Rectification['source'];
export type PublicRound = ApiResponse<'/api/public/evaluation-results', 'get'>['items'][number];

export const evaluation = {
  rounds: (signal?: AbortSignal) => call('get', '/api/evaluation/rounds', { signal }),
  round: (id: string, signal?: AbortSignal) =>
    call('get', '/api/evaluation/rounds/{id}', { params: { id }, signal }),
  open: (body: ApiBody<'/api/evaluation/rounds', 'post'>) => call('post', '/api/evaluation/rounds', { body }),
  selfEvaluate: (id: string, body: ApiBody<'/api/evaluation/rounds/{id}/self-evaluations', 'post'>) =>
    call('post', '/api/evaluation/rounds/{id}/self-evaluations', { params: { id }, body }),
  spotCheck: (
    selfEvaluationId: string,
    body: ApiBody<'/api/evaluation/self-evaluations/{id}/spot-check', 'post'>,
  ) =>
    call('post', '/api/evaluation/self-evaluations/{id}/spot-check', {
      params: { id: selfEvaluationId },
      body,
    }),
  indicatorSet: (id: string, body: ApiBody<'/api/evaluation/rounds/{id}/indicator-sets', 'post'>) =>
    call('post', '/api/evaluation/rounds/{id}/indicator-sets', { params: { id }, body }),
  score: (id: string, body: ApiBody<'/api/evaluation/rounds/{id}/scores', 'post'>) =>
    call('post', '/api/evaluation/rounds/{id}/scores', { params: { id }, body }),
  efficacy: (id: string, body: ApiBody<'/api/evaluation/rounds/{id}/efficacy', 'post'>) =>
    call('post', '/api/evaluation/rounds/{id}/efficacy', { params: { id }, body }),
  rollUp: (id: string, version: number) =>
    call('post', '/api/evaluation/rounds/{id}/roll-up', { params: { id }, body: { version } }),
  publish: (id: string, version: number) =>
    call('post', '/api/evaluation/rounds/{id}/publish', { params: { id }, body: { version } }),
  rectify: (id: string, body: ApiBody<'/api/evaluation/rounds/{id}/rectifications', 'post'>) =>
    call('post', '/api/evaluation/rounds/{id}/rectifications', { params: { id }, body }),
  reportRectification: (id: string, report: string, version: number) =>
    call('post', '/api/evaluation/rectifications/{id}/report', { params: { id }, body: { report, version } }),
  closeRectification: (id: string, version: number) =>
    call('post', '/api/evaluation/rectifications/{id}/close', { params: { id }, body: { version } }),
  publicResults: (signal?: AbortSignal) => call('get', '/api/public/evaluation-results', { signal }),
};

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
export const RECTIFICATION_STATES: Record<Rectification['state'], string> = {
  open: '整改中',
  reported: '已报告整改',
  closed: '已核销',
};
export const SOURCES: Record<RectificationSource, string> = {
  self_evaluation: '项目自评价',
  spot_check: '财政抽查',
  assessment: '绩效考核',
  efficacy: '应用效能评估',
};
