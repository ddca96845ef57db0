/**
 * Authorization-matrix cases (see harness.ts) of src/publication: everything public without an
 * account. Each route answers an anonymous caller on its success path (the matrix's `public: true`
 * rows need no role calls). The objects are published DT objects: a 公示 of dt.reviewer's authority
 * that runs today (on a project with its budget review), a questionnaire of a 大同市教育局 system
 * open today, and the demo seed's open resource 311001001/000001.
 */

import { reviewedDt } from '../factories/funds.ts';
import { expectStatus, ProjectFixtures, Sessions } from '../factories/projects.ts';
import { chinaDay, deviceId, operatingSystem, published } from '../factories/questionnaire.ts';
import type { TestContext } from '../support/helper.ts';
import type { RouteCase } from './types.ts';

interface Published {
  /** A published 公示 that runs today. */
  noticeId: string;
  /** A published questionnaire open today, with its question ids. */
  slug: string;
  questionIds: string[];
}

const objects = new WeakMap<TestContext, Promise<Published>>();

/** The published objects, made once per test database. */
function publishedObjects(ctx: TestContext): Promise<Published> {
  let found = objects.get(ctx);
  if (!found) {
    found = (async () => {
      const sessions = new Sessions(ctx);
      const projectId = await reviewedDt(new ProjectFixtures(ctx, sessions), sessions);
      const reviewer = await sessions.as('dt.reviewer');
      const created = await reviewer.request('POST', '/api/funds/notices', {
        title: '矩阵测试公示',
        year: 2026,
        startsOn: chinaDay(ctx),
        endsOn: chinaDay(ctx, 10),
        items: [{ projectId, amount: '1000' }],
      });
      expectStatus(created, 201, 'notice');
      const noticeId = created.json().id as string;
      expectStatus(
        await reviewer.request('POST', `/api/funds/notices/${noticeId}/publish`, { version: 1 }),
        200,
        'publish',
      );
      const systemId = await operatingSystem(await sessions.as('dt.staff'));
      const q = await published(ctx, reviewer, systemId, 0, 30);
      return { noticeId, slug: q.slug, questionIds: q.questionIds };
    })();
    objects.set(ctx, found);
  }
  return found;
}

export const CASES: Record<string, RouteCase> = {
  'GET /api/public/login-info': { call: () => ({ url: '/api/public/login-info' }) },
  'GET /api/public/resources': { call: () => ({ url: '/api/public/resources' }) },
  'GET /api/public/resources/:code': { call: () => ({ url: '/api/public/resources/311001001%2F000001' }) },
  'GET /api/public/notices': { call: () => ({ url: '/api/public/notices' }) },
  'GET /api/public/notices/:id': {
    call: async (ctx) => ({ url: `/api/public/notices/${(await publishedObjects(ctx)).noticeId}` }),
  },
  'POST /api/public/notices/:id/objections': {
    call: async (ctx) => ({
      url: `/api/public/notices/${(await publishedObjects(ctx)).noticeId}/objections`,
      body: { content: '匿名异议' },
    }),
  },
  'GET /api/public/questionnaires/:slug': {
    call: async (ctx) => ({ url: `/api/public/questionnaires/${(await publishedObjects(ctx)).slug}` }),
  },
  'POST /api/public/questionnaires/:slug/responses': {
    call: async (ctx) => {
      const o = await publishedObjects(ctx);
      return {
        url: `/api/public/questionnaires/${o.slug}/responses`,
        body: {
          deviceId: deviceId(),
          answers: [
            { questionId: o.questionIds[0], choice: 0 },
            { questionId: o.questionIds[2], rating: 4 },
          ],
        },
      };
    },
  },
  'GET /api/public/evaluation-results': { call: () => ({ url: '/api/public/evaluation-results' }) },
};
