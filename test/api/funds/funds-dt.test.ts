/**
 * Money on DT projects (issue 13): the budget review by the commissioned third party (DT-14) with
 * yearly split and cuts, the 预算审定意见; the fund-allocation publicity (DT-15) with the public page
 * and anonymous objections. The ledger and disbursements: funds-dt-ledger.test.ts; the gates set by
 * the construction module: funds-dt-construction.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { isoDay, REVIEW_BODY } from '../../factories/funds.ts';
import { dtFundsHelpers } from '../../factories/funds-helpers.ts';
import { expectStatus, Sessions, setupProjects } from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});

/** Moves the clock; sessions idle out over days, so everyone logs in again. */
function moveClock(to: string): void {
  ctx.clock.set(to);
  sessions = new Sessions(ctx);
}
after(async () => {
  await ctx.close();
});

const { establishedDt, reviewedDt } = dtFundsHelpers(() => ({ ctx, sessions }));

describe('budget review (DT-14, DT-09a)', () => {
  test('the commissioned third party records requested vs approved per year and cost item, cuts with reasons, and issues the 预算审定意见', async () => {
    const evaluator = await sessions.as('dt.evaluator');
    // Not commissioned: the project does not exist for the third party.
    const other = await establishedDt();
    expectStatus(
      await evaluator.request('POST', `/api/funds/projects/${other}/budget-review`, REVIEW_BODY),
      404,
      'uncommissioned',
    );
    const id = await establishedDt({ commission: true });
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
    reviewed = await reviewedDt();
    unreviewed = await establishedDt();
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
