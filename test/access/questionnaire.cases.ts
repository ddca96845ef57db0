/**
 * Authorization-matrix cases of the questionnaire routes (issue 14), picked up by
 * test/access/matrix.test.ts. Objects belong to DT (a system of 大同市教育局 and
 * questionnaires of DT's authority); the other jurisdiction's side is tested in
 * test/api/questionnaire/questionnaire.test.ts. `reached` marks a domain answer behind the role check.
 */
import type { LightMyRequestResponse } from 'fastify';
import { Sessions } from '../factories/projects.ts';
import { chinaDay, DESIGN, designed, operatingSystem, published } from '../factories/questionnaire.ts';
import type { TestContext } from '../support/helper.ts';
import type { Call, RouteCase } from './types.ts';

const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 || [400, 404, 409].includes(res.statusCode);

const RELATIONS = [
  'test/api/questionnaire/questionnaire.test.ts: anonymous cannot read results or the designer; another jurisdiction cannot see or design',
];

interface Fixture {
  systemId: string;
  /** A published questionnaire (open today). */
  id: string;
  slug: string;
  questionIds: string[];
}

const fixtures = new WeakMap<TestContext, Promise<Fixture>>();

function fixture(ctx: TestContext): Promise<Fixture> {
  let found = fixtures.get(ctx);
  if (!found) {
    found = (async () => {
      const sessions = new Sessions(ctx);
      const systemId = await operatingSystem(await sessions.as('dt.staff'));
      const q = await published(ctx, await sessions.as('dt.reviewer'), systemId, 0, 30);
      return { systemId, ...q };
    })();
    fixtures.set(ctx, found);
  }
  return found;
}

/** A fresh draft per call (writes change it). */
async function draft(ctx: TestContext): Promise<string> {
  const f = await fixture(ctx);
  return designed(await new Sessions(ctx).as('dt.reviewer'), f.systemId);
}

const on =
  (build: (f: Fixture, ctx: TestContext) => Call | Promise<Call>) =>
  async (ctx: TestContext): Promise<Call> =>
    build(await fixture(ctx), ctx);

const routeCase = (call: RouteCase['call']): RouteCase => ({
  call,
  allowed: reached,
  relationsTestedIn: RELATIONS,
});

export const CASES: Record<string, RouteCase> = {
  'GET /api/questionnaires': { call: () => ({ url: '/api/questionnaires' }) },
  'POST /api/questionnaires': routeCase(
    on((f) => ({ url: '/api/questionnaires', body: { systemId: f.systemId, year: 2026, ...DESIGN } })),
  ),
  'GET /api/questionnaires/:id': routeCase(on((f) => ({ url: `/api/questionnaires/${f.id}` }))),
  'PUT /api/questionnaires/:id': routeCase(async (ctx) => ({
    url: `/api/questionnaires/${await draft(ctx)}`,
    body: { ...DESIGN, version: 1 },
  })),
  'POST /api/questionnaires/:id/publish': routeCase(async (ctx) => ({
    url: `/api/questionnaires/${await draft(ctx)}/publish`,
    body: { startsOn: chinaDay(ctx), endsOn: chinaDay(ctx, 7), version: 1 },
  })),
  'POST /api/questionnaires/:id/close': routeCase(async (ctx) => {
    const f = await fixture(ctx);
    const q = await published(ctx, await new Sessions(ctx).as('dt.reviewer'), f.systemId);
    return { url: `/api/questionnaires/${q.id}/close`, body: { version: 2 } };
  }),
  'GET /api/questionnaires/:id/results': routeCase(
    on((f) => ({ url: `/api/questionnaires/${f.id}/results` })),
  ),
  'GET /api/questionnaires/:id/qrcode': routeCase(on((f) => ({ url: `/api/questionnaires/${f.id}/qrcode` }))),
};
