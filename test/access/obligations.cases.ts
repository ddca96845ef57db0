/** Authorization-matrix cases of the obligations and notification routes (issue 12). */
import type { LightMyRequestResponse } from 'fastify';
import type { RouteCase } from './types.ts';

const NONE = '00000000-0000-4000-8000-000000000000';
const reached = (res: LightMyRequestResponse) => res.statusCode < 300 || res.statusCode === 404;
const BOARD_TEST =
  'test/api/obligations/obligations.test.ts: the supervision board and the export show the overdue obligation by department; a department sees only its own';
const DECISION_TEST =
  'test/api/obligations/obligations.test.ts: met after the due date stays visible as late; extend and waive are the authority’s, never on its own';

export const CASES: Record<string, RouteCase> = {
  'GET /api/notifications/unread-count': { call: () => ({ url: '/api/notifications/unread-count' }) },
  'POST /api/notifications/read-all': { call: () => ({ url: '/api/notifications/read-all' }) },
  'GET /api/obligations': { call: () => ({ url: '/api/obligations' }), relationsTestedIn: [BOARD_TEST] },
  'GET /api/obligations/board': {
    call: () => ({ url: '/api/obligations/board' }),
    relationsTestedIn: [BOARD_TEST],
  },
  'GET /api/obligations/export': {
    call: () => ({ url: '/api/obligations/export' }),
    relationsTestedIn: [BOARD_TEST],
  },
  'POST /api/obligations/:id/extend': {
    call: () => ({
      url: `/api/obligations/${NONE}/extend`,
      body: { until: '2027-01-29', reason: '矩阵测试', version: 1 },
    }),
    allowed: reached,
    relationsTestedIn: [DECISION_TEST],
  },
  'POST /api/obligations/:id/waive': {
    call: () => ({ url: `/api/obligations/${NONE}/waive`, body: { reason: '矩阵测试', version: 1 } }),
    allowed: reached,
    relationsTestedIn: [DECISION_TEST],
  },
};
