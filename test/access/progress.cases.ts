/** Authorization-matrix cases of the progress routes (issue 12): unknown objects answer 404 to allowed roles. */
import type { LightMyRequestResponse } from 'fastify';
import type { RouteCase } from './types.ts';

const NONE = '00000000-0000-4000-8000-000000000000';
const reached = (res: LightMyRequestResponse) => res.statusCode < 300 || res.statusCode === 404;
const RELATIONS = [
  'test/api/progress/progress.test.ts: SC-17 another department and another jurisdiction do not see the progress',
];
const PLAN = {
  milestones: [{ name: '矩阵里程碑', plannedOn: '2026-12-31' }],
  plannedFunds: [{ period: '2026-12', amount: '1.00' }],
};

export const CASES: Record<string, RouteCase> = {
  'GET /api/projects/:id/progress': {
    call: () => ({ url: `/api/projects/${NONE}/progress` }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/progress/baseline': {
    call: () => ({
      url: `/api/projects/${NONE}/progress/baseline`,
      body: { startOn: '2026-12-01', ...PLAN },
    }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/progress/reports': {
    call: () => ({
      url: `/api/projects/${NONE}/progress/reports`,
      body: { period: '2026-12', milestones: [], percentDone: 0, fundsUsed: '0', note: '' },
    }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/change-requests': {
    call: () => ({
      url: `/api/projects/${NONE}/change-requests`,
      body: {
        kinds: ['schedule'],
        description: '矩阵测试',
        reason: '矩阵测试',
        totalBudget: '1.00',
        ...PLAN,
      },
    }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/change-requests/:requestId/evaluate': {
    call: () => ({
      url: `/api/projects/${NONE}/change-requests/${NONE}/evaluate`,
      body: { opinion: '矩阵测试', participants: '', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
  'POST /api/projects/:id/change-requests/:requestId/decision': {
    call: () => ({
      url: `/api/projects/${NONE}/change-requests/${NONE}/decision`,
      body: { decision: 'rejected', opinion: '矩阵测试', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: RELATIONS,
  },
};
