/**
 * Factories for the money API tests (issue 13): DT projects taken to 立项 through the project
 * routes, the third party commissioned for the budget review, a budget review with a cut, the
 * remaining budget steps. Everything goes through the API.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestContext } from '../support/helper.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  type ProjectFixtures,
  type Sessions,
  upload,
  uploadMissing,
} from './projects.ts';

/**
 * A DT project of 大同市教育局 taken to 立项 (established); its catalog system is on the city cloud.
 * With `commission`, the authority commissions the third party (dt.evaluator) for the budget review
 * (DT-14) while its review is open — the platform assigns evaluators on the review step.
 */
export async function establishedDt(
  fixtures: ProjectFixtures,
  sessions: Sessions,
  options: { commission?: boolean } = {},
): Promise<string> {
  const id = await fixtures.reviewed();
  if (options.commission) await commissionEvaluator(sessions, id);
  expectStatus(await decide(await sessions.as('dt.reviewer'), id, 'dt.review.assessment'), 200, 'assessment');
  expectStatus(await decide(await sessions.as('dt.authlead'), id, 'dt.review.filing'), 200, 'filing');
  const res = await decide(await sessions.as('dt.approver'), id, 'dt.filing_approval.establishment', {
    opinion: '同意立项',
  });
  expectStatus(res, 200, 'establishment');
  assert.equal(res.json().state, 'established');
  return id;
}

/**
 * An SC project of a district department (default 朔城区教育科技局) taken to 立项 by the 区政务信息管理局 through the API: a plan entry,
 * a catalog system it builds, submission, the five-dimension review with the sharing-analysis opinion
 * (SC-09a), every high 查重 hit acknowledged with how it is handled, the assessment, the approval
 * document and 立项. The project is called `name` (default `${topic}建设项目`).
 */
export async function establishedSc(
  ctx: TestContext,
  sessions: Sessions,
  options: {
    topic: string;
    name?: string;
    /** The applying department (default 朔城区教育科技局) and its staff member (default sc.staff). */
    department?: string;
    staff?: Session;
    systemStatus?: 'under_construction' | 'in_operation';
    declarations?: Record<string, boolean>;
    findings?: Record<string, boolean>;
  },
): Promise<string> {
  const { topic } = options;
  const department = options.department ?? '朔城区教育科技局';
  const entryId = await approvedPlanEntry(sessions, 'sc.reviewer', 'sc.gov', department, topic);
  const staff = options.staff ?? (await sessions.as('sc.staff'));
  const systemId = await catalogSystem(ctx, staff, 'SC', department, options.systemStatus);
  const { id } = await draftProject(staff, {
    name: options.name ?? `${topic}建设项目`,
    type: 'new',
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'builds' }],
    ...(options.declarations
      ? { declarations: { interoperable: true, onExtranet: true, onCloud: true, ...options.declarations } }
      : {}),
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await sessions.as('sc.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, {
      opinions: FIVE_OPINIONS,
      ...(options.findings ? { findings: options.findings } : {}),
      sharingAnalysisOpinion: '共享分析篇可行。',
    }),
    200,
    'review',
  );
  const dedup = (await reviewer.request('GET', `/api/projects/${id}/dedup`)).json();
  for (const hit of dedup.checks[0].hits.filter((h: { level: string }) => h.level === 'high')) {
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/dedup/hits/${hit.id}/acknowledge`, {
        note: '复用现有系统的数据和资源，不重复建设',
        version: hit.version,
      }),
      204,
      'acknowledge',
    );
  }
  expectStatus(await decide(reviewer, id, 'sc.review.assessment'), 200, 'assessment');
  const approver = await sessions.as('sc.approver');
  expectStatus(
    await upload(approver, id, 'approval_document', { stepId: 'sc.filing_approval.establishment' }),
    201,
    'approval document',
  );
  expectStatus(await decide(approver, id, 'sc.filing_approval.establishment'), 200, '立项');
  return id;
}

/** The authority commissions the third party (dt.evaluator) on the project (DT-14). */
export async function commissionEvaluator(sessions: Sessions, projectId: string): Promise<void> {
  const evaluator = await sessions.as('dt.evaluator');
  const res = await (await sessions.as('dt.reviewer')).request('POST', `/api/projects/${projectId}/experts`, {
    userId: evaluator.userId,
    kind: 'evaluator',
    field: null,
  });
  expectStatus(res, 201, 'commission evaluator');
}

/** The application of factories/projects (2026: 700000, 2027: 500000) reviewed with two cuts. */
export const REVIEW_BODY = {
  opinion: '经评审，项目预算基本合理，软件开发和硬件购置费用按市场询价核减。',
  lines: [
    {
      year: 2026,
      costItem: '软件开发',
      kind: 'construction',
      requested: '600000',
      approved: '550000',
      cutReason: '开发工作量偏高，按功能点核减',
    },
    { year: 2026, costItem: '运维服务', kind: 'om', requested: '100000', approved: '100000' },
    {
      year: 2027,
      costItem: '硬件购置',
      kind: 'construction',
      requested: '500000',
      approved: '450000',
      cutReason: '服务器单价高于政府采购均价',
    },
  ],
  shares: [],
};

/** An established DT project with its budget review recorded by the third party. */
export async function reviewedDt(fixtures: ProjectFixtures, sessions: Sessions): Promise<string> {
  const id = await establishedDt(fixtures, sessions, { commission: true });
  const res = await (await sessions.as('dt.evaluator')).request(
    'POST',
    `/api/funds/projects/${id}/budget-review`,
    REVIEW_BODY,
  );
  expectStatus(res, 201, 'budget review');
  return id;
}

/**
 * The rest of a project's budget stage through the funds routes after its budget review: the
 * authority publicizes the allocation (DT-15, SC-13) and finance arranges the funds (安排经费), the
 * step after which payments may be requested.
 */
export async function publicizeAndArrange(
  ctx: TestContext,
  sessions: Sessions,
  id: string,
  options: { authority: string; finance: Session; fundsStep: string; year: number; amount: string },
): Promise<void> {
  const authority = await sessions.as(options.authority);
  const notice = await authority.request('POST', '/api/funds/notices', {
    title: '政务信息化项目资金拟分配计划',
    year: options.year,
    startsOn: isoDay(ctx, 0),
    endsOn: isoDay(ctx, 7),
    items: [{ projectId: id, amount: options.amount }],
  });
  expectStatus(notice, 201, 'notice');
  expectStatus(
    await authority.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
    200,
    'publicity',
  );
  expectStatus(
    await options.finance.request('POST', `/api/funds/projects/${id}/budget-steps/${options.fundsStep}`, {
      opinion: '已安排建设及运维经费',
    }),
    200,
    'funds arranged',
  );
}

/** An established DT project whose budget stage is complete: reviewed, publicized, funds arranged. */
export async function fundedDt(
  ctx: TestContext,
  fixtures: ProjectFixtures,
  sessions: Sessions,
): Promise<string> {
  const id = await reviewedDt(fixtures, sessions);
  await publicizeAndArrange(ctx, sessions, id, {
    authority: 'dt.reviewer',
    finance: await sessions.as('dt.finance'),
    fundsStep: 'dt.budget.funds',
    year: 2026,
    amount: '650000',
  });
  return id;
}

export const isoDay = (ctx: TestContext, days = 0) =>
  new Date(ctx.clock.now().getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The SC budget of an established project through the funds routes, each step with its data (SC-13):
 * the 财政评审中心 reviews (1,200,000 over two years), the authority publishes the 公示, the
 * 区财政局 arranges the funds. No bare decision.
 */
export async function scBudgetThroughFunds(ctx: TestContext, sessions: Sessions, id: string): Promise<void> {
  const reviewCentre = await sessions.as('sc.finance');
  expectStatus(
    await reviewCentre.request('POST', `/api/funds/projects/${id}/budget-review`, {
      opinion: '预算合理，予以审定。',
      lines: [
        { year: 2026, costItem: '平台开发', kind: 'construction', requested: '700000', approved: '700000' },
        { year: 2027, costItem: '设备购置', kind: 'construction', requested: '500000', approved: '500000' },
      ],
      shares: [],
    }),
    201,
    'budget',
  );
  const { username } = await extraUser(ctx, sessions, 'finance_officer', '朔城区财政局');
  await publicizeAndArrange(ctx, sessions, id, {
    authority: 'sc.reviewer',
    finance: await sessions.as(username, EXTRA_PASSWORD),
    fundsStep: 'sc.budget.funds',
    year: 2026,
    amount: '700000',
  });
}

/** A payment gate as the disbursement view shows it. */
export interface GateView {
  gateId: string;
  passed: boolean;
  blocking: boolean;
  article: string;
  reason: string;
  [field: string]: unknown;
}

/** The finance officer's view of one disbursement. */
export interface DisbursementView {
  disbursement: { version: number; [field: string]: unknown };
  gates: GateView[];
  blocked: boolean;
  [field: string]: unknown;
}

/** One disbursement request as the tests use it: created by the department, read and decided by finance. */
export interface DisbursementHandle {
  id: string;
  /** The finance officer's view (disbursement, gates, blocked). */
  detail(): Promise<DisbursementView>;
  /** One gate of the view, by rulebook gate id (fails the test when the view has no such gate). */
  gate(gateId: string): Promise<GateView>;
  /** Finance decides at the current version (or the one given). */
  decide(decision: 'approve' | 'refuse', opinion: string, version?: number): Promise<LightMyRequestResponse>;
}

/** The department requests a disbursement (201 expected); finance reads and decides it. */
export async function requestDisbursement(
  staff: Session,
  finance: Session,
  body: { projectId: string; amount: string; purpose: string; year?: number; kind?: 'construction' | 'om' },
): Promise<DisbursementHandle> {
  const created = await staff.request('POST', '/api/funds/disbursements', {
    year: 2026,
    kind: 'construction',
    ...body,
  });
  expectStatus(created, 201, 'request');
  const id: string = created.json().id;
  const url = `/api/funds/disbursements/${id}`;
  const detail = async (): Promise<DisbursementView> => (await finance.request('GET', url)).json();
  return {
    id,
    detail,
    gate: async (gateId) => {
      const gate = (await detail()).gates.find((g) => g.gateId === gateId);
      assert.ok(gate, `no gate ${gateId}`);
      return gate;
    },
    decide: async (decision, opinion, version) =>
      finance.request('POST', `${url}/decision`, {
        decision,
        opinion,
        version: version ?? (await detail()).disbursement.version,
      }),
  };
}

/**
 * The body the rulebook names orders a rectification on the project and finds it refused (拒不整改):
 * the rectification gate closes for good (SC-23, XZ-24, DT-31 …).
 */
export async function refusedRectification(
  orderer: Session,
  projectId: string,
  description: string,
): Promise<void> {
  const ordered = await orderer.request('POST', `/api/projects/${projectId}/rectifications`, {
    problemKind: 'unauthorised_change',
    description,
    workingDays: 10,
  });
  expectStatus(ordered, 201, 'order');
  expectStatus(
    await orderer.request('POST', `/api/projects/${projectId}/rectifications/${ordered.json().id}/decision`, {
      outcome: 'refused',
      note: '拒不整改',
      version: 1,
    }),
    200,
    'refused',
  );
}

/** The 区财政评审中心's budget review of an SC project, with a cut (SC-13). */
export const SC_REVIEW = {
  opinion: '经区财政评审中心评审，核减部分设备购置费。',
  lines: [
    {
      year: 2026,
      costItem: '设备购置',
      kind: 'construction',
      requested: '700000',
      approved: '640000',
      cutReason: '摄像设备单价高于同类采购',
    },
    { year: 2027, costItem: '平台开发', kind: 'construction', requested: '500000', approved: '500000' },
  ],
  shares: [],
};

/** A finance officer of the 区财政局 (no demo account holds that role there). */
export async function scDistrictFinance(ctx: TestContext, sessions: Sessions): Promise<Session> {
  const { username } = await extraUser(ctx, sessions, 'finance_officer', '朔城区财政局');
  return sessions.as(username, EXTRA_PASSWORD);
}

/** The 公示 and the 区财政局's 安排经费 after the budget review (SC-13): payments may be requested. */
export const arrangeScFunds = async (ctx: TestContext, sessions: Sessions, id: string, amount: string) =>
  publicizeAndArrange(ctx, sessions, id, {
    authority: 'sc.reviewer',
    finance: await scDistrictFinance(ctx, sessions),
    fundsStep: 'sc.budget.funds',
    year: 2026,
    amount,
  });

/** The body the rulebook names records the project's budget review (201). */
export async function recordBudgetReview(reviewer: Session, id: string, body: object): Promise<void> {
  expectStatus(
    await reviewer.request('POST', `/api/funds/projects/${id}/budget-review`, body),
    201,
    'budget',
  );
}
