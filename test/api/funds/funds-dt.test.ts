/**
 * Money on DT projects (issue 13): the budget review by the commissioned third party (DT-14) with
 * yearly split and cuts, the 预算审定意见; the fund-allocation publicity (DT-15) with the public page
 * and anonymous objections; the ledger and disbursements checked against DT's gates on stored
 * facts (DT-11, DT-12c), absolute gates refusing every override.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import {
  establishedDt,
  fundedDt,
  isoDay,
  REVIEW_BODY,
  requestDisbursement,
  reviewedDt,
} from '../../factories/funds.ts';
import {
  decide,
  expectStatus,
  ProjectFixtures,
  Sessions,
  setupProjects,
  upload,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let fixtures: ProjectFixtures;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  fixtures = new ProjectFixtures(ctx, sessions);
});

/** Moves the clock; sessions idle out over days, so everyone logs in again. */
function moveClock(to: string): void {
  ctx.clock.set(to);
  sessions = new Sessions(ctx);
  fixtures = new ProjectFixtures(ctx, sessions);
}
after(async () => {
  await ctx.close();
});

describe('budget review (DT-14, DT-09a)', () => {
  test('the commissioned third party records requested vs approved per year and cost item, cuts with reasons, and issues the 预算审定意见', async () => {
    const evaluator = await sessions.as('dt.evaluator');
    // Not commissioned: the project does not exist for the third party.
    const other = await establishedDt(fixtures, sessions);
    expectStatus(
      await evaluator.request('POST', `/api/funds/projects/${other}/budget-review`, REVIEW_BODY),
      404,
      'uncommissioned',
    );
    const id = await establishedDt(fixtures, sessions, { commission: true });
    const url = `/api/funds/projects/${id}/budget-review`;
    // Finance is not the body DT names for the budget review.
    const finance = await sessions.as('dt.finance');
    const wrong = await finance.request('POST', url, REVIEW_BODY);
    expectStatus(wrong, 403, 'finance');
    assert.equal(wrong.json().code, 'STEP_ACTOR_MISMATCH');
    assert.equal(wrong.json().article, 'DT-14');

    const noReason = structuredClone(REVIEW_BODY);
    noReason.lines[0].cutReason = '';
    const r1 = await evaluator.request('POST', url, noReason);
    expectStatus(r1, 400, 'cut without reason');
    assert.equal(r1.json().field, 'lines[0].cutReason');
    const above = structuredClone(REVIEW_BODY);
    above.lines[1].approved = '100000.01';
    const r2 = await evaluator.request('POST', url, above);
    expectStatus(r2, 400, 'approved above request');
    assert.equal(r2.json().field, 'lines[1].approved');
    const mismatch = structuredClone(REVIEW_BODY);
    mismatch.lines[2].requested = '450000';
    mismatch.lines[2].approved = '450000';
    const r3 = await evaluator.request('POST', url, mismatch);
    expectStatus(r3, 400, 'yearly split');
    assert.equal(r3.json().code, 'REQUEST_MISMATCH');
    const wrongYear = structuredClone(REVIEW_BODY);
    wrongYear.lines[2].year = 2028;
    const r4 = await evaluator.request('POST', url, wrongYear);
    expectStatus(r4, 400, 'year not applied');
    assert.equal(r4.json().field, 'lines[2].year');

    const ok = await evaluator.request('POST', url, REVIEW_BODY);
    expectStatus(ok, 201, 'review');
    assert.match(ok.json().number, /^大同预审〔2026〕\d+号$/);
    expectStatus(await evaluator.request('POST', url, REVIEW_BODY), 409, 'twice');

    const view = (await (await sessions.as('dt.staff')).request('GET', `/api/funds/projects/${id}`)).json();
    assert.equal(view.review.requested, '1200000.00');
    assert.equal(view.review.approved, '1100000.00');
    assert.equal(view.review.cut, '100000.00');
    assert.deepEqual(
      view.review.lines.map((l: { year: number; cut: string; cutReason: string | null }) => [
        l.year,
        l.cut,
        l.cutReason,
      ]),
      [
        [2026, '50000.00', '开发工作量偏高，按功能点核减'],
        [2026, '0.00', null],
        [2027, '50000.00', '服务器单价高于政府采购均价'],
      ],
    );
    assert.equal(view.steps.find((s: { stepId: string }) => s.stepId === 'dt.budget.review').status, 'done');
    assert.equal(
      view.steps.find((s: { stepId: string }) => s.stepId === 'dt.budget.publicity').status,
      'open',
    );
    assert.deepEqual(
      view.ledger.map(
        (r: { year: number; budgeted: string; approvedConstruction: string; approvedOm: string }) => [
          r.year,
          r.budgeted,
          r.approvedConstruction,
          r.approvedOm,
        ],
      ),
      [
        [2026, '700000.00', '550000.00', '100000.00'],
        [2027, '500000.00', '450000.00', '0.00'],
      ],
    );
    const doc = await (await sessions.as('dt.staff')).request('GET', `${url}/document`);
    expectStatus(doc, 200, 'document');
    assert.equal(doc.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    // Another department does not see the project's funds.
    expectStatus(
      await (await sessions.as('dt.staff2')).request('GET', `/api/funds/projects/${id}`),
      404,
      'other dept',
    );
  });
});

describe('fund-allocation publicity (DT-15)', () => {
  let reviewed: string;
  let unreviewed: string;
  before(async () => {
    reviewed = await reviewedDt(fixtures, sessions);
    unreviewed = await establishedDt(fixtures, sessions);
  });

  test('publishing is refused while a project in the notice has no approved budget', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const created = await reviewer.request('POST', '/api/funds/notices', {
      title: '2026年政务信息化项目资金拟分配计划（第一批）',
      year: 2026,
      startsOn: isoDay(ctx, 1),
      endsOn: isoDay(ctx, 7),
      items: [
        { projectId: reviewed, amount: '550000' },
        { projectId: unreviewed, amount: '300000' },
      ],
    });
    expectStatus(created, 201, 'notice');
    const res = await reviewer.request('POST', `/api/funds/notices/${created.json().id}/publish`, {
      version: 1,
    });
    expectStatus(res, 422, 'publish');
    assert.equal(res.json().code, 'BUDGET_NOT_APPROVED');
    assert.equal(res.json().article, 'DT-15');
    const bad = await reviewer.request('POST', '/api/funds/notices', {
      title: '日期颠倒',
      year: 2026,
      startsOn: isoDay(ctx, 7),
      endsOn: isoDay(ctx, 1),
      items: [{ projectId: reviewed, amount: '1' }],
    });
    expectStatus(bad, 400, 'dates');
    assert.equal(bad.json().field, 'endsOn');
  });

  test('a notice is public only between its dates; an anonymous objection is filed, answered and published; a burst is refused', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const startsOn = isoDay(ctx, 2);
    const endsOn = isoDay(ctx, 9);
    const created = await reviewer.request('POST', '/api/funds/notices', {
      title: '2026年政务信息化项目资金拟分配计划（第二批）',
      year: 2026,
      startsOn,
      endsOn,
      items: [{ projectId: reviewed, amount: '550000' }],
    });
    expectStatus(created, 201, 'notice');
    const noticeId = created.json().id;
    const published = await reviewer.request('POST', `/api/funds/notices/${noticeId}/publish`, {
      version: 1,
    });
    expectStatus(published, 200, 'publish');
    const view = (await reviewer.request('GET', `/api/funds/projects/${reviewed}`)).json();
    assert.equal(
      view.steps.find((s: { stepId: string }) => s.stepId === 'dt.budget.publicity').status,
      'done',
    );

    const anon = (method: 'GET' | 'POST', url: string, payload?: unknown, remoteAddress = '203.0.113.7') =>
      ctx.app.inject({ method, url, payload: payload as never, remoteAddress });
    const listed = async (phase: string) =>
      (await anon('GET', `/api/public/notices?phase=${phase}`)).json().items.map((n: { id: string }) => n.id);
    // Before the start: nowhere, and no detail.
    assert.ok(!(await listed('current')).includes(noticeId));
    assert.ok(!(await listed('ended')).includes(noticeId));
    expectStatus(await anon('GET', `/api/public/notices/${noticeId}`), 404, 'before start');

    moveClock(`${startsOn}T01:00:00.000Z`);
    const reviewerNow = await sessions.as('dt.reviewer');
    assert.ok((await listed('current')).includes(noticeId));
    const detail = (await anon('GET', `/api/public/notices/${noticeId}`)).json();
    assert.equal(detail.phase, 'current');
    assert.equal(detail.items[0].amount, '550000.00');
    assert.equal(detail.items[0].department, '大同市教育局');
    assert.ok(!JSON.stringify(detail).includes(reviewed), 'no internal project id');

    const filed = await anon('POST', `/api/public/notices/${noticeId}/objections`, {
      content: '该项目与已建的教育云平台功能重复，建议核实。',
    });
    expectStatus(filed, 201, 'objection');
    // Unanswered objections are not public yet.
    assert.equal((await anon('GET', `/api/public/notices/${noticeId}`)).json().objections.length, 0);
    const internal = (await reviewerNow.request('GET', `/api/funds/notices/${noticeId}`)).json();
    assert.equal(internal.objections.length, 1);
    const objectionId = internal.objections[0].id;
    expectStatus(
      await (await sessions.as('sc.reviewer')).request(
        'POST',
        `/api/funds/objections/${objectionId}/answer`,
        {
          answer: '越权答复',
        },
      ),
      404,
      'other authority',
    );
    expectStatus(
      await reviewerNow.request('POST', `/api/funds/objections/${objectionId}/answer`, {
        answer: '经核实，本项目为原平台升级改造，不重复建设。',
      }),
      204,
      'answer',
    );
    const answered = (await anon('GET', `/api/public/notices/${noticeId}`)).json();
    assert.deepEqual(
      answered.objections.map((o: { content: string; answer: string }) => [o.content, o.answer]),
      [['该项目与已建的教育云平台功能重复，建议核实。', '经核实，本项目为原平台升级改造，不重复建设。']],
    );
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'funds.objection_file'), eq(auditEvents.objectId, noticeId)));
    assert.equal(audit.actorUserId, null);

    // A burst from one client: the limit is 3 objections in 10 minutes per address.
    for (let i = 0; i < 2; i++)
      expectStatus(
        await anon('POST', `/api/public/notices/${noticeId}/objections`, { content: `补充意见${i}` }),
        201,
        `objection ${i}`,
      );
    const burst = await anon('POST', `/api/public/notices/${noticeId}/objections`, { content: '第四条' });
    expectStatus(burst, 429, 'burst');
    assert.equal(burst.json().code, 'RATE_LIMITED');
    // Another client is not affected.
    expectStatus(
      await anon(
        'POST',
        `/api/public/notices/${noticeId}/objections`,
        { content: '他人意见' },
        '198.51.100.4',
      ),
      201,
      'other client',
    );

    moveClock(`${isoDay(ctx, 8)}T01:00:00.000Z`);
    assert.ok(!(await listed('current')).includes(noticeId));
    assert.ok((await listed('ended')).includes(noticeId));
    const late = await anon(
      'POST',
      `/api/public/notices/${noticeId}/objections`,
      { content: '逾期' },
      '192.0.2.9',
    );
    expectStatus(late, 409, 'ended');
    assert.equal(late.json().code, 'PUBLICITY_ENDED');
  });
});

describe('ledger and disbursements (DT-11, DT-12c)', () => {
  test('DT-14 no payment is requested before the 财政局 has arranged the funds: refused after the review and after the 公示, accepted once arranged', async () => {
    const id = await reviewedDt(fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const body = { projectId: id, year: 2026, kind: 'construction', amount: '100000', purpose: '进度款' };
    const early = await staff.request('POST', '/api/funds/disbursements', body);
    expectStatus(early, 422, 'before the funds are arranged');
    assert.equal(early.json().code, 'FUNDS_NOT_ARRANGED');
    assert.equal(early.json().article, 'DT-14');
    assert.match(early.json().message, /统筹安排建设及运维经费/);
    const reviewer = await sessions.as('dt.reviewer');
    const notice = await reviewer.request('POST', '/api/funds/notices', {
      title: '大同市政务信息化项目资金拟分配计划',
      year: 2026,
      startsOn: isoDay(ctx, 0),
      endsOn: isoDay(ctx, 7),
      items: [{ projectId: id, amount: '650000' }],
    });
    expectStatus(notice, 201, 'notice');
    expectStatus(
      await reviewer.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publicity',
    );
    const afterPublicity = await staff.request('POST', '/api/funds/disbursements', body);
    expectStatus(afterPublicity, 422, 'publicized, not yet arranged');
    assert.equal(afterPublicity.json().code, 'FUNDS_NOT_ARRANGED');
    expectStatus(
      await (await sessions.as('dt.finance')).request(
        'POST',
        `/api/funds/projects/${id}/budget-steps/dt.budget.funds`,
        {
          opinion: '已安排建设及运维经费',
        },
      ),
      200,
      'funds arranged',
    );
    expectStatus(await staff.request('POST', '/api/funds/disbursements', body), 201, 'arranged');
  });

  test('a construction disbursement within the approved budget passes every gate on stored facts and shows in the ledger', async () => {
    const id = await fundedDt(ctx, fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const body = {
      projectId: id,
      year: 2026,
      kind: 'construction',
      amount: '550000.01',
      purpose: '第一期进度款',
    };
    const over = await staff.request('POST', '/api/funds/disbursements', body);
    expectStatus(over, 400, 'over budget');
    assert.equal(over.json().field, 'amount');
    const foreign = await (await sessions.as('dt.staff2')).request('POST', '/api/funds/disbursements', {
      ...body,
      amount: '1',
    });
    expectStatus(foreign, 404, 'other department');
    const created = await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '300000' });
    expectStatus(created, 201, 'request');
    const disbursementId = created.json().id;

    const queue = (await finance.request('GET', '/api/funds/disbursements?status=pending')).json();
    assert.ok(queue.items.some((d: { id: string }) => d.id === disbursementId));
    const scQueue = (
      await (await sessions.as('sc.finance')).request('GET', '/api/funds/disbursements')
    ).json();
    assert.ok(!scQueue.items.some((d: { id: string }) => d.id === disbursementId));
    expectStatus(
      await (await sessions.as('sc.finance')).request('GET', `/api/funds/disbursements/${disbursementId}`),
      404,
      'other jurisdiction',
    );

    const detail = (await finance.request('GET', `/api/funds/disbursements/${disbursementId}`)).json();
    assert.equal(detail.action, 'disburse_construction');
    assert.equal(detail.blocked, false);
    const byId = Object.fromEntries(
      detail.gates.map((g: { gateId: string; passed: boolean; applicable: boolean }) => [g.gateId, g]),
    );
    assert.equal(byId['dt.gate.platform_entry'].passed, true);
    assert.equal(byId['dt.gate.no_build_before_approval'].passed, true);
    assert.equal(byId['dt.gate.acceptance_report'].applicable, false);
    assert.equal(byId['dt.gate.rectification'].passed, true);

    const open = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'dt.gate.platform_entry',
      reason: '无需',
    });
    expectStatus(open, 409, 'override of an open gate');
    const stale = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
      decision: 'approve',
      opinion: '同意',
      version: detail.disbursement.version + 1,
    });
    expectStatus(stale, 409, 'stale');
    const approved = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
      decision: 'approve',
      opinion: '同意拨付',
      version: detail.disbursement.version,
    });
    expectStatus(approved, 200, 'approve');
    assert.equal(approved.json().disbursement.status, 'approved');
    expectStatus(
      await finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
        decision: 'approve',
        opinion: '再次',
        version: approved.json().disbursement.version,
      }),
      409,
      'twice',
    );

    // A refusal needs its reason and leaves the budget available.
    const second = await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '250000' });
    expectStatus(second, 201, 'second');
    const secondId = second.json().id;
    const noReason = await finance.request('POST', `/api/funds/disbursements/${secondId}/decision`, {
      decision: 'refuse',
      opinion: ' ',
      version: 1,
    });
    expectStatus(noReason, 400, 'refuse without reason');
    expectStatus(
      await finance.request('POST', `/api/funds/disbursements/${secondId}/decision`, {
        decision: 'refuse',
        opinion: '进度未达到合同约定的付款节点',
        version: 1,
      }),
      200,
      'refuse',
    );
    const ledger = (await staff.request('GET', `/api/funds/projects/${id}`)).json().ledger;
    assert.deepEqual(
      ledger.map((r: { year: number; disbursedConstruction: string; pending: string }) => [
        r.year,
        r.disbursedConstruction,
        r.pending,
      ]),
      [
        [2026, '300000.00', '0.00'],
        [2027, '0.00', '0.00'],
      ],
    );
    // 250000 is still within what remains of 2026's approved construction budget (550000 − 300000).
    expectStatus(
      await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '250000' }),
      201,
      'again',
    );
    expectStatus(
      await staff.request('POST', '/api/funds/disbursements', { ...body, amount: '0.01' }),
      400,
      'nothing left',
    );
  });

  test('O&M funds are blocked with DT-12c while the system does not share data; the absolute gate refuses an override; sharing in the catalog unblocks', async () => {
    const id = await fundedDt(ctx, fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      kind: 'om',
      amount: '100000',
      purpose: '年度运维费',
    });
    const disbursementId = payment.id;
    const detail = await payment.detail();
    assert.equal(detail.action, 'disburse_om');
    assert.equal(detail.blocked, true);
    const sharing = await payment.gate('dt.gate.sharing_om');
    assert.equal(sharing.blocking, true);
    assert.equal(sharing.article, 'DT-12c');
    assert.equal(sharing.strength, 'absolute');

    const blocked = await payment.decide('approve', '同意', detail.disbursement.version);
    expectStatus(blocked, 422, 'blocked');
    assert.equal(blocked.json().code, 'GATE_BLOCKED');
    assert.equal(blocked.json().article, 'DT-12c');
    assert.match(blocked.json().message, /不再拨付运维经费/);

    const override = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'dt.gate.sharing_om',
      reason: '系统正在对接共享平台',
    });
    expectStatus(override, 422, 'absolute override');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'DT-12c');
    const refusals = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'funds.override_request'), eq(auditEvents.objectId, disbursementId)));
    assert.deepEqual(
      refusals.map((r) => [r.outcome, (r.details as { article?: string }).article]),
      [['refused', 'DT-12c']],
    );

    // The department connects its system to the sharing platform in the catalog.
    const project = (await staff.request('GET', `/api/projects/${id}`)).json();
    const systemId = project.systems[0].systemId;
    const { system } = (await staff.request('GET', `/api/catalog/systems/${systemId}`)).json();
    expectStatus(
      await staff.request('PATCH', `/api/catalog/systems/${systemId}`, {
        version: system.version,
        sharedOnPlatform: true,
      }),
      200,
      'catalog update',
    );
    const after = await payment.detail();
    assert.equal(after.blocked, false);
    const approved = await payment.decide('approve', '已接入共享平台，同意拨付', after.disbursement.version);
    expectStatus(approved, 200, 'approve');
    const stored = approved.json().gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.sharing_om');
    assert.equal(stored.passed, true);
    const ledger = (await staff.request('GET', `/api/funds/projects/${id}`)).json().ledger;
    assert.equal(ledger[0].disbursedOm, '100000.00');
  });

  test('no consent decision is asked of DT: the rulebook has no such gate', async () => {
    const id = await fundedDt(ctx, fixtures, sessions);
    const created = await (await sessions.as('dt.staff')).request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2027,
      kind: 'construction',
      amount: '1000',
      purpose: '尾款',
    });
    expectStatus(created, 201, 'request');
    const res = await (await sessions.as('dt.gov')).request(
      'POST',
      `/api/funds/disbursements/${created.json().id}/consent`,
      { decision: 'consent', opinion: '同意' },
    );
    expectStatus(res, 409, 'consent');
    assert.equal(res.json().code, 'CONSENT_NOT_REQUIRED');
  });
});

describe('co-built shares (DT-16)', () => {
  test('DT-16 each level’s share and the budget carrying it add up to the approved amounts', async () => {
    const id = await establishedDt(fixtures, sessions, { commission: true });
    const evaluator = await sessions.as('dt.evaluator');
    const url = `/api/funds/projects/${id}/budget-review`;
    const shares = [
      { level: 'city', kind: 'construction', amount: '700000', carriedBy: '市级财政预算' },
      { level: 'county', kind: 'construction', amount: '300000', carriedBy: '云冈区财政预算' },
      { level: 'county', kind: 'om', amount: '100000', carriedBy: '云冈区财政预算' },
    ];
    const wrong = await evaluator.request('POST', url, {
      ...REVIEW_BODY,
      shares: [{ ...shares[0], amount: '650000' }, shares[1], shares[2]],
    });
    expectStatus(wrong, 400, 'shares mismatch');
    assert.equal(wrong.json().code, 'SHARES_MISMATCH');
    assert.equal(wrong.json().field, 'shares');
    const noCarrier = await evaluator.request('POST', url, {
      ...REVIEW_BODY,
      shares: [shares[0], { ...shares[1], carriedBy: ' ' }, shares[2]],
    });
    expectStatus(noCarrier, 400, 'carrier');
    assert.equal(noCarrier.json().field, 'shares[1].carriedBy');
    expectStatus(await evaluator.request('POST', url, { ...REVIEW_BODY, shares }), 201, 'review');
    const view = (await (await sessions.as('dt.staff')).request('GET', `/api/funds/projects/${id}`)).json();
    assert.deepEqual(
      view.review.shares.map((s: { levelLabel: string; kind: string; amount: string; carriedBy: string }) => [
        s.levelLabel,
        s.kind,
        s.amount,
        s.carriedBy,
      ]),
      [
        ['市级', 'construction', '700000.00', '市级财政预算'],
        ['县（区）级', 'construction', '300000.00', '云冈区财政预算'],
        ['县（区）级', 'om', '100000.00', '云冈区财政预算'],
      ],
    );
  });
});

describe('rectification and funds (DT-29), through the construction module', () => {
  test('DT-29 a refused rectification suspends construction and O&M funds; no override of the absolute gate', async () => {
    const id = await fundedDt(ctx, fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const reviewer = await sessions.as('dt.reviewer');
    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      amount: '100000',
      purpose: '进度款',
    });
    const rectificationGate = () => payment.gate('dt.gate.rectification');
    assert.equal((await rectificationGate()).passed, true);

    const ordered = await reviewer.request('POST', `/api/projects/${id}/rectifications`, {
      problemKind: 'unauthorised_change',
      description: '擅自调整建设内容，未报批',
      workingDays: 10,
    });
    expectStatus(ordered, 201, 'order');
    // An open order does not suspend funds; only a refusal or a failure does.
    assert.equal((await rectificationGate()).passed, true);
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/rectifications/${ordered.json().id}/decision`, {
        outcome: 'refused',
        note: '经督促仍拒不整改',
        version: 1,
      }),
      200,
      'refused',
    );
    const closed = await rectificationGate();
    assert.equal(closed.blocking, true);
    assert.equal(closed.article, 'DT-29');
    const res = await payment.decide('approve', '同意');
    expectStatus(res, 422, 'suspended');
    assert.equal(res.json().article, 'DT-29');
    const override = await finance.request('POST', `/api/funds/disbursements/${payment.id}/overrides`, {
      gateId: 'dt.gate.rectification',
      reason: '项目急需',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'DT-29');
    // O&M funds are suspended too.
    const om = await staff.request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2026,
      kind: 'om',
      amount: '1000',
      purpose: '运维',
    });
    const omGate = (await finance.request('GET', `/api/funds/disbursements/${om.json().id}`))
      .json()
      .gates.find((g: { gateId: string }) => g.gateId === 'dt.gate.rectification');
    assert.equal(omGate.blocking, true);
  });
});

describe('acceptance report and funds (DT-26c), through the construction and acceptance steps', () => {
  test('DT-26c after acceptance no further funds until the acceptance report is filed', async () => {
    const id = await reviewedDt(fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    const finance = await sessions.as('dt.finance');
    const reviewer = await sessions.as('dt.reviewer');
    // Budget stage: publicity (DT-15), then 市财政局 arranges the funds (DT-14).
    const notice = await reviewer.request('POST', '/api/funds/notices', {
      title: '资金拟分配计划（验收测试）',
      year: 2026,
      startsOn: isoDay(ctx, 0),
      endsOn: isoDay(ctx, 7),
      items: [{ projectId: id, amount: '550000' }],
    });
    expectStatus(
      await reviewer.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publish',
    );
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-steps/dt.budget.funds`, {
        opinion: '已安排',
      }),
      200,
      'funds arranged',
    );
    // Construction (the construction module records the contract), completion and acceptance.
    const contract = await staff.request('POST', `/api/projects/${id}/contracts`, {
      number: 'DTJY-2026-007',
      procurementMethod: 'public_tender',
      procurementResult: '山西云数科技有限公司中标',
      contractorName: '山西云数科技有限公司',
      amount: '1000000.00',
      signedOn: isoDay(ctx, 0),
      ownershipClause: true,
      deliverables: [
        { kind: 'design_documents', name: '设计文件' },
        { kind: 'source_code', name: '源代码' },
        { kind: 'test_documents', name: '测试文档' },
      ],
    });
    expectStatus(contract, 201, 'contract');
    expectStatus(await decide(staff, id, 'dt.construction.build', { opinion: '项目建成' }), 200, 'built');
    for (const code of ['resource_catalog_registration', 'controllable_products', 'security_controllability'])
      expectStatus(await upload(staff, id, code, { stepId: 'dt.acceptance.accept' }), 201, code);
    expectStatus(await decide(staff, id, 'dt.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');

    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      amount: '200000',
      purpose: '验收后尾款',
    });
    const gate = await payment.gate('dt.gate.acceptance_report');
    assert.equal(gate.blocking, true);
    assert.equal(gate.article, 'DT-26c');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'report not filed');
    assert.equal(refused.json().article, 'DT-26c');

    // The department files the acceptance report with the authority: funds flow again.
    expectStatus(
      await upload(staff, id, 'acceptance_report', { stepId: 'dt.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(
      await decide(staff, id, 'dt.acceptance.report_filing', { opinion: '报备' }),
      200,
      'report filed',
    );
    const after = await payment.detail();
    assert.equal(after.blocked, false);
    expectStatus(
      await payment.decide('approve', '验收报告已备案，同意拨付', after.disbursement.version),
      200,
      'approve',
    );
  });
});
