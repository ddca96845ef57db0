/**
 * Authorization-matrix cases of src/evaluation (issue 14). Allowed roles reach the handler (success,
 * or the object relation's 404 / a rule's refusal — anything but the matrix's own 403 FORBIDDEN);
 * both sides of each relation are tested in test/api/evaluation/evaluation.test.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import { login, type TestContext } from '../support/helper.ts';
import type { Call, RouteCase } from './types.ts';

const RELATIONS = [
  'test/api/evaluation/evaluation.test.ts: evaluation routes: a department reaches its own projects and reports, not another department’s; another jurisdiction gets 404',
];
const MISSING = '00000000-0000-4000-8000-000000000000';

const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 ||
  [400, 404, 409, 422].includes(res.statusCode) ||
  (res.statusCode === 403 && res.json().code !== 'FORBIDDEN');

const rounds = new WeakMap<TestContext, Promise<string>>();

/** A DT round of the year before the test clock's (opened once per test database). */
function round(ctx: TestContext): Promise<string> {
  let found = rounds.get(ctx);
  if (!found) {
    found = (async () => {
      const reviewer = await login(ctx, 'dt.reviewer');
      const year = Number(ctx.clock.now().toISOString().slice(0, 4)) - 1;
      const res = await reviewer.request('POST', '/api/evaluation/rounds', { year, dueDate: '2099-12-31' });
      if (res.statusCode === 201) return res.json().id as string;
      const list = await reviewer.request('GET', '/api/evaluation/rounds');
      return list.json().items.find((r: { year: number }) => r.year === year).id as string;
    })();
    rounds.set(ctx, found);
  }
  return found;
}

const on =
  (build: (roundId: string, seq: number) => Call) =>
  async (ctx: TestContext, seq: number): Promise<Call> =>
    build(await round(ctx), seq);

const routeCase = (call: RouteCase['call']): RouteCase => ({
  call,
  allowed: reached,
  relationsTestedIn: RELATIONS,
});

export const CASES: Record<string, RouteCase> = {
  'GET /api/evaluation/rounds': routeCase(() => ({ url: '/api/evaluation/rounds' })),
  'GET /api/evaluation/rounds/:id': routeCase(on((id) => ({ url: `/api/evaluation/rounds/${id}` }))),
  'POST /api/evaluation/rounds': routeCase((_ctx, seq) => ({
    url: '/api/evaluation/rounds',
    body: { year: 2000 + (seq % 20), dueDate: '2099-12-31' },
  })),
  'POST /api/evaluation/rounds/:id/self-evaluations': routeCase(
    on((id) => ({
      url: `/api/evaluation/rounds/${id}/self-evaluations`,
      body: {
        projectId: MISSING,
        targets: [{ indicator: '指标', target: '目标', achieved: '完成' }],
        fundsUsed: '1.00',
        outputs: '产出',
        effects: '效果',
        problems: '',
      },
    })),
  ),
  'POST /api/evaluation/self-evaluations/:id/spot-check': routeCase(() => ({
    url: `/api/evaluation/self-evaluations/${MISSING}/spot-check`,
    body: { conclusion: 'consistent', keyProject: false, findings: '属实' },
  })),
  'POST /api/evaluation/rounds/:id/indicator-sets': routeCase(
    on((id) => ({
      url: `/api/evaluation/rounds/${id}/indicator-sets`,
      body: {
        indicators: [{ code: 'funds', name: '资金使用', weight: 100, phases: ['operation'] }],
        note: '',
      },
    })),
  ),
  'POST /api/evaluation/rounds/:id/scores': routeCase(
    on((id) => ({
      url: `/api/evaluation/rounds/${id}/scores`,
      body: { projectId: MISSING, phase: 'operation', scores: [{ code: 'funds', score: 80 }], comment: '' },
    })),
  ),
  'POST /api/evaluation/rounds/:id/efficacy': routeCase(
    on((id) => ({
      url: `/api/evaluation/rounds/${id}/efficacy`,
      body: { systemId: MISSING, documentReview: { support: 80 }, thirdParty: {} },
    })),
  ),
  'POST /api/evaluation/rounds/:id/roll-up': routeCase(
    on((id) => ({ url: `/api/evaluation/rounds/${id}/roll-up`, body: { version: 1 } })),
  ),
  'POST /api/evaluation/rounds/:id/publish': routeCase(
    on((id) => ({ url: `/api/evaluation/rounds/${id}/publish`, body: { version: 1 } })),
  ),
  'POST /api/evaluation/rounds/:id/rectifications': routeCase(
    on((id) => ({
      url: `/api/evaluation/rounds/${id}/rectifications`,
      body: {
        projectId: MISSING,
        source: 'assessment',
        finding: '问题',
        opinion: '意见',
        deadline: '2099-01-01',
      },
    })),
  ),
  'POST /api/evaluation/rectifications/:id/report': routeCase(() => ({
    url: `/api/evaluation/rectifications/${MISSING}/report`,
    body: { report: '已整改', version: 1 },
  })),
  'POST /api/evaluation/rectifications/:id/close': routeCase(() => ({
    url: `/api/evaluation/rectifications/${MISSING}/close`,
    body: { version: 1 },
  })),
  'GET /api/evaluation/rounds/:id/reports/:organisationId': routeCase(
    on((id) => ({ url: `/api/evaluation/rounds/${id}/reports/${MISSING}` })),
  ),
  'GET /api/evaluation/rounds/:id/compilation': routeCase(
    on((id) => ({ url: `/api/evaluation/rounds/${id}/compilation` })),
  ),
  'GET /api/evaluation/rounds/:id/compilation/summary': routeCase(
    on((id) => ({ url: `/api/evaluation/rounds/${id}/compilation/summary` })),
  ),
};
