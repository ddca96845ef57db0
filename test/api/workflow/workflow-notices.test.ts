/**
 * Issue 17: the workflow notifies — a task arriving at a reviewing or approving body reaches the
 * users holding the step's role there, a 退回 reaches the one whose submission was returned, 备案
 * and 立项 reach the applying department — and nobody in another department hears of it. A decision
 * names its result (no default 通过) and a result other than the normal one states an opinion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  decide,
  expectStatus,
  FIVE_OPINIONS,
  ProjectFixtures,
  Sessions,
  setupProjects,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let fx: ProjectFixtures;

interface Notice {
  kind: string;
  projectId: string | null;
  stepId: string | null;
  message: string;
  link: string | null;
}

async function noticesOf(username: string, projectId: string): Promise<Notice[]> {
  const res = await (await sessions.as(username)).request('GET', '/api/notifications?limit=200');
  expectStatus(res, 200, `notifications of ${username}`);
  return res.json().items.filter((n: Notice) => n.projectId === projectId);
}

const kinds = (list: Notice[]) => list.map((n) => n.kind).sort();

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  fx = new ProjectFixtures(ctx, sessions);
});
after(async () => {
  await ctx.close();
});

describe('notices from the workflow', () => {
  test('task arrival, 退回, 备案 and 立项 reach the right users only', async () => {
    const id = await fx.submitted();

    // Task arrival: the authority's reviewers (the step's role in the step's body), nobody else.
    const arrived = await noticesOf('dt.reviewer', id);
    assert.deepEqual(kinds(arrived), ['task_arrived'], JSON.stringify(arrived));
    assert.equal(arrived[0].stepId, 'dt.review.assessment');
    assert.equal(arrived[0].link, `/projects/${id}/review`);
    assert.match(arrived[0].message, /已到达/);
    for (const other of ['dt.staff', 'dt.staff2', 'dt.approver', 'dt.authlead', 'sc.reviewer'])
      assert.deepEqual(await noticesOf(other, id), [], `${other} hears nothing of the submission`);

    // 退回 to the applicant: the submitter learns it with the reason.
    const reviewer = await sessions.as('dt.reviewer');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/steps/dt.review.assessment/return`, {
        to: 'applicant',
        reason: '请补充分年度预算测算依据',
      }),
      200,
      'return',
    );
    const returned = await noticesOf('dt.staff', id);
    assert.deepEqual(kinds(returned), ['returned']);
    assert.match(returned[0].message, /请补充分年度预算测算依据/);
    assert.deepEqual(await noticesOf('dt.staff2', id), [], 'another department hears nothing');
    assert.deepEqual(await noticesOf('dt.leader', id), [], 'only the submitter is told of the return');

    const staff = await sessions.as('dt.staff');
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'resubmit');
    assert.equal(
      (await noticesOf('dt.reviewer', id)).filter((n) => n.kind === 'task_arrived').length,
      2,
      'the resubmission arrives again',
    );
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
    assert.deepEqual(kinds(await noticesOf('dt.authlead', id)), ['task_arrived']);

    // 备案: the applying department (its staff and its leader), not another department.
    const filed = await decide(await sessions.as('dt.authlead'), id, 'dt.review.filing', {
      opinion: '予以备案',
    });
    expectStatus(filed, 200, 'filing');
    for (const username of ['dt.staff', 'dt.leader']) {
      const filing = (await noticesOf(username, id)).filter((n) => n.kind === 'filed');
      assert.equal(filing.length, 1, `${username} is told of 备案`);
      assert.match(filing[0].message, /予以备案/);
    }
    assert.deepEqual(await noticesOf('dt.staff2', id), []);
    assert.deepEqual(kinds(await noticesOf('dt.approver', id)), ['task_arrived'], '立项 arrives');

    // 立项: the applying department.
    const established = await decide(
      await sessions.as('dt.approver'),
      id,
      'dt.filing_approval.establishment',
      {
        opinion: '准予立项',
      },
    );
    expectStatus(established, 200, 'establishment');
    for (const username of ['dt.staff', 'dt.leader'])
      assert.equal(
        (await noticesOf(username, id)).filter((n) => n.kind === 'established').length,
        1,
        `${username} is told of 立项`,
      );
    assert.deepEqual(await noticesOf('dt.staff2', id), []);
    assert.deepEqual(await noticesOf('sc.staff', id), []);
  });
});

describe('a decision names its result', () => {
  test('no outcome is 400 at the field; a result other than the normal one, and a 退回, need an opinion', async () => {
    const id = await fx.reviewed();
    const reviewer = await sessions.as('dt.reviewer');
    const url = `/api/projects/${id}/steps/dt.review.assessment/decision`;
    const bare = await reviewer.request('POST', url, { opinion: '同意' });
    expectStatus(bare, 400, 'no outcome');
    assert.equal(bare.json().field, 'outcome');
    const detail = (await reviewer.request('GET', `/api/projects/${id}`)).json();
    assert.equal(detail.state, 'in_review', 'nothing was decided');

    const blankReturn = await reviewer.request(
      'POST',
      `/api/projects/${id}/steps/dt.review.assessment/return`,
      {
        to: 'applicant',
        reason: '   ',
      },
    );
    expectStatus(blankReturn, 400, 'a blank 退回 reason');
    assert.equal(blankReturn.json().code, 'REASON_REQUIRED');
    assert.equal(blankReturn.json().field, 'reason');

    expectStatus(
      await reviewer.request('POST', url, { outcome: 'review_completed', opinion: '' }),
      200,
      'normal',
    );

    const leader = await sessions.as('dt.authlead');
    const filing = `/api/projects/${id}/steps/dt.review.filing/decision`;
    for (const opinion of ['', ' ', '否']) {
      const res = await leader.request('POST', filing, { outcome: 'filing_refused', opinion });
      expectStatus(res, 400, `refusal with opinion "${opinion}"`);
      assert.equal(res.json().code, 'REASON_REQUIRED');
      assert.equal(res.json().field, 'opinion');
      assert.ok(res.json().article, 'the refusal names its article');
    }
    const unknown = await leader.request('POST', filing, { outcome: 'approved_anyway', opinion: '同意' });
    expectStatus(unknown, 400, 'unknown outcome');
    assert.equal(unknown.json().field, 'outcome');
  });
});
