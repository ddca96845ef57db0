/**
 * Authorization-matrix cases of the money routes (issue 13), picked up by
 * test/access/matrix.test.ts. Objects belong to 大同市教育局 (dt.staff) in DT; the other
 * side is 朔城区 (sc.*) or another DT department (dt.staff2). `reached` marks a domain answer behind
 * the role check (e.g. 409 BUDGET_ALREADY_REVIEWED): the matrix let the role through.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { establishedDt, fundedDt, REVIEW_BODY, reviewedDt } from '../factories/funds.ts';
import { expectStatus, ProjectFixtures, Sessions } from '../factories/projects.ts';
import type { TestContext } from '../support/helper.ts';
import type { Call, RelationCase, RouteCase } from './types.ts';

const reached = (res: LightMyRequestResponse) =>
  res.statusCode < 300 ||
  [400, 404, 409, 422].includes(res.statusCode) ||
  (res.statusCode === 403 && res.json().code !== 'FORBIDDEN');

interface Shared {
  sessions: Sessions;
  fixtures: ProjectFixtures;
  /** A DT project with its budget review (dt.evaluator commissioned). */
  projectId: string;
  /** A DT project whose budget stage is complete (funds arranged): payments may be requested. */
  fundedId: string;
  /** A pending construction disbursement on it. */
  disbursementId: string;
  /** A pending O&M disbursement on it (blocked by the absolute DT-12c gate). */
  omDisbursementId: string;
  /** A draft notice of dt.reviewer's authority with the project. */
  noticeId: string;
  /** A published notice that runs today. */
  publishedId: string;
}

let shared: Promise<Shared> | undefined;
const today = (ctx: TestContext, days = 0) =>
  new Date(ctx.clock.now().getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

function objects(ctx: TestContext): Promise<Shared> {
  shared ??= (async () => {
    const sessions = new Sessions(ctx);
    const fixtures = new ProjectFixtures(ctx, sessions);
    const projectId = await reviewedDt(fixtures, sessions);
    const fundedId = await fundedDt(ctx, fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const request = async (kind: string, amount: string) => {
      const res = await staff.request('POST', '/api/funds/disbursements', {
        projectId: fundedId,
        year: 2026,
        kind,
        amount,
        purpose: '矩阵测试',
      });
      expectStatus(res, 201, 'disbursement');
      return res.json().id as string;
    };
    const disbursementId = await request('construction', '1000');
    const omDisbursementId = await request('om', '1000');
    const reviewer = await sessions.as('dt.reviewer');
    const notice = async () => {
      const res = await reviewer.request('POST', '/api/funds/notices', noticeBody(ctx, projectId));
      expectStatus(res, 201, 'notice');
      return res.json().id as string;
    };
    const noticeId = await notice();
    const publishedId = await notice();
    expectStatus(
      await reviewer.request('POST', `/api/funds/notices/${publishedId}/publish`, { version: 1 }),
      200,
      'publish',
    );
    return {
      sessions,
      fixtures,
      projectId,
      fundedId,
      disbursementId,
      omDisbursementId,
      noticeId,
      publishedId,
    };
  })();
  return shared;
}

const noticeBody = (ctx: TestContext, projectId: string) => ({
  title: '矩阵测试公示',
  year: 2026,
  startsOn: today(ctx),
  endsOn: today(ctx, 10),
  items: [{ projectId, amount: '1000' }],
});

/** Own side as `own`, other side as `other` (another jurisdiction or department), same call. */
const sides = (
  own: string,
  other: string,
  call: (ctx: TestContext, seq: number) => Promise<Call>,
  kind: 'jurisdiction' | 'department' = 'jurisdiction',
  allowed?: (res: LightMyRequestResponse) => boolean,
): RelationCase[] => [
  { side: kind === 'jurisdiction' ? 'own_jurisdiction' : 'own_department', as: own, call, allowed },
  { side: kind === 'jurisdiction' ? 'other_jurisdiction' : 'other_department', as: other, call },
];

const onProject = (path: string) => async (ctx: TestContext) => ({
  url: `/api/funds/projects/${(await objects(ctx)).projectId}${path}`,
});

async function freshDisbursement(ctx: TestContext): Promise<string> {
  const o = await objects(ctx);
  const res = await (await o.sessions.as('dt.staff')).request('POST', '/api/funds/disbursements', {
    projectId: o.fundedId,
    year: 2026,
    kind: 'construction',
    amount: '1',
    purpose: '矩阵测试',
  });
  expectStatus(res, 201, 'fresh disbursement');
  return res.json().id;
}

async function freshObjection(ctx: TestContext, seq: number): Promise<string> {
  const o = await objects(ctx);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/notices/${o.publishedId}/objections`,
    payload: { content: `矩阵异议${seq}` },
    remoteAddress: `10.77.${(seq >> 8) & 255}.${seq & 255}`,
  });
  expectStatus(res, 201, 'objection');
  return res.json().id;
}

export const CASES: Record<string, RouteCase> = {
  'GET /api/funds/projects/:id': {
    call: onProject(''),
    relations: sides('dt.reviewer', 'sc.reviewer', onProject('')),
  },
  'POST /api/funds/projects/:id/budget-review': {
    // The evaluator meets the recorded review (409), finance is not DT's reviewing body (403 STEP_ACTOR_MISMATCH).
    call: async (ctx) => ({ ...(await onProject('/budget-review')(ctx)), body: REVIEW_BODY }),
    allowed: reached,
    relations: sides('dt.evaluator', 'sc.finance', async (ctx) => {
      const o = await objects(ctx);
      const id = await establishedDt(o.fixtures, o.sessions, { commission: true });
      return { url: `/api/funds/projects/${id}/budget-review`, body: REVIEW_BODY };
    }),
  },
  'GET /api/funds/projects/:id/budget-review/document': {
    call: onProject('/budget-review/document'),
    relations: sides('dt.staff', 'sc.reviewer', onProject('/budget-review/document')),
  },
  'POST /api/funds/projects/:id/budget-steps/:stepId': {
    // 安排经费 waits for the publicity: 409 STEP_NOT_OPEN behind the role check.
    call: async (ctx) => ({
      ...(await onProject('/budget-steps/dt.budget.funds')(ctx)),
      body: { opinion: '安排' },
    }),
    allowed: reached,
    relations: sides(
      'dt.finance',
      'sc.finance',
      async (ctx) => ({
        ...(await onProject('/budget-steps/dt.budget.funds')(ctx)),
        body: { opinion: '安排' },
      }),
      'jurisdiction',
      (res) => res.statusCode === 409 && res.json().code === 'STEP_NOT_OPEN',
    ),
  },
  'GET /api/funds/notices': { call: () => ({ url: '/api/funds/notices' }) },
  'POST /api/funds/notices': {
    call: async (ctx) => ({
      url: '/api/funds/notices',
      body: noticeBody(ctx, (await objects(ctx)).projectId),
    }),
    relations: sides('dt.reviewer', 'sc.reviewer', async (ctx) => ({
      url: '/api/funds/notices',
      body: noticeBody(ctx, (await objects(ctx)).projectId),
    })),
  },
  'GET /api/funds/notices/:id': {
    call: async (ctx) => ({ url: `/api/funds/notices/${(await objects(ctx)).noticeId}` }),
    relations: sides(
      'dt.reviewer',
      'sc.reviewer',
      async (ctx) => ({ url: `/api/funds/notices/${(await objects(ctx)).noticeId}` }),
      'department',
    ),
  },
  'POST /api/funds/notices/:id/publish': {
    call: async (ctx) => {
      const o = await objects(ctx);
      const res = await (await o.sessions.as('dt.reviewer')).request(
        'POST',
        '/api/funds/notices',
        noticeBody(ctx, o.projectId),
      );
      return { url: `/api/funds/notices/${res.json().id}/publish`, body: { version: 1 } };
    },
    relations: sides(
      'dt.reviewer',
      'sc.reviewer',
      async (ctx) => {
        const o = await objects(ctx);
        const res = await (await o.sessions.as('dt.reviewer')).request(
          'POST',
          '/api/funds/notices',
          noticeBody(ctx, o.projectId),
        );
        return { url: `/api/funds/notices/${res.json().id}/publish`, body: { version: 1 } };
      },
      'department',
    ),
  },
  'POST /api/funds/objections/:id/answer': {
    call: async (ctx, seq) => ({
      url: `/api/funds/objections/${await freshObjection(ctx, seq)}/answer`,
      body: { answer: '已核实。' },
    }),
    relations: sides(
      'dt.reviewer',
      'sc.reviewer',
      async (ctx, seq) => ({
        url: `/api/funds/objections/${await freshObjection(ctx, seq + 5000)}/answer`,
        body: { answer: '已核实。' },
      }),
      'department',
    ),
  },
  'GET /api/funds/disbursements': { call: () => ({ url: '/api/funds/disbursements' }) },
  'POST /api/funds/disbursements': {
    call: async (ctx) => ({
      url: '/api/funds/disbursements',
      body: {
        projectId: (await objects(ctx)).fundedId,
        year: 2026,
        kind: 'construction',
        amount: '1',
        purpose: '矩阵',
      },
    }),
    relations: sides(
      'dt.staff',
      'dt.staff2',
      async (ctx) => ({
        url: '/api/funds/disbursements',
        body: {
          projectId: (await objects(ctx)).fundedId,
          year: 2026,
          kind: 'construction',
          amount: '1',
          purpose: '矩阵',
        },
      }),
      'department',
    ),
  },
  'GET /api/funds/disbursements/:id': {
    call: async (ctx) => ({ url: `/api/funds/disbursements/${(await objects(ctx)).disbursementId}` }),
    relations: sides('dt.finance', 'sc.finance', async (ctx) => ({
      url: `/api/funds/disbursements/${(await objects(ctx)).disbursementId}`,
    })),
  },
  'POST /api/funds/disbursements/:id/consent': {
    // DT asks no per-payment consent: 409 CONSENT_NOT_REQUIRED behind the role check (XZ in funds-xz.test.ts).
    call: async (ctx) => ({
      url: `/api/funds/disbursements/${(await objects(ctx)).disbursementId}/consent`,
      body: { decision: 'consent', opinion: '同意' },
    }),
    allowed: reached,
    relations: sides(
      'dt.gov',
      'sc.gov',
      async (ctx) => ({
        url: `/api/funds/disbursements/${(await objects(ctx)).disbursementId}/consent`,
        body: { decision: 'consent', opinion: '同意' },
      }),
      'jurisdiction',
      (res) => res.statusCode === 409 && res.json().code === 'CONSENT_NOT_REQUIRED',
    ),
  },
  'POST /api/funds/disbursements/:id/decision': {
    call: async (ctx) => ({
      url: `/api/funds/disbursements/${await freshDisbursement(ctx)}/decision`,
      body: { decision: 'approve', opinion: '同意', version: 1 },
    }),
    relations: sides('dt.finance', 'sc.finance', async (ctx) => ({
      url: `/api/funds/disbursements/${await freshDisbursement(ctx)}/decision`,
      body: { decision: 'approve', opinion: '同意', version: 1 },
    })),
  },
  'POST /api/funds/disbursements/:id/overrides': {
    // The O&M payment is blocked by an absolute gate: 422 GATE_ABSOLUTE behind the role check.
    call: async (ctx) => ({
      url: `/api/funds/disbursements/${(await objects(ctx)).omDisbursementId}/overrides`,
      body: { gateId: 'dt.gate.sharing_om', reason: '矩阵测试' },
    }),
    allowed: reached,
    relations: sides(
      'dt.finance',
      'sc.finance',
      async (ctx) => ({
        url: `/api/funds/disbursements/${(await objects(ctx)).omDisbursementId}/overrides`,
        body: { gateId: 'dt.gate.sharing_om', reason: '矩阵测试' },
      }),
      'jurisdiction',
      (res) => res.statusCode === 422 && res.json().code === 'GATE_ABSOLUTE',
    ),
  },
  'POST /api/funds/overrides/:id/approve': {
    // No built-in rulebook softens a disbursement gate; the override test derives one.
    call: () => ({ url: `/api/funds/overrides/${randomUUID()}/approve` }),
    allowed: reached,
    relationsTestedIn: [
      'test/api/funds/funds-override.test.ts: needs a reason, a second and different finance user, and shows in the audit log and on the project',
    ],
  },
};
