/**
 * An evaluation year for SC through the HTTP API (issue 14): the rulebook's 区财政局 spot-checks a
 * self-evaluation and the 财政评审中心 cannot (SC-22); the finding becomes a rectification opinion
 * and the authority's score rolls up into the department's grade (SC-24).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openRound2026, rolledUp } from '../../factories/evaluation.ts';
import { establishedSc as establishedScProject } from '../../factories/funds.ts';
import {
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  Sessions,
  setupProjects,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';
import { TEST_START } from '../../support/helper.ts';

let ctx: TestContext;

before(async () => {
  ctx = await setupProjects();
});
after(async () => {
  await ctx.close();
});

/** An SC project of 朔城区教育科技局 taken to 立项. */
const establishedSc = (scSessions: Sessions) =>
  establishedScProject(ctx, scSessions, {
    topic: '智慧校园',
    name: '智慧校园建设项目',
    findings: { interoperable: true },
  });

describe('evaluation year (SC): 区财政局 spot-checks the self-evaluations', () => {
  after(() => {
    ctx.clock.set(TEST_START);
  });

  test('SC-22 SC-24 the rulebook’s 区财政局 spot-checks a self-evaluation; the 财政评审中心 cannot', async () => {
    let scSessions = new Sessions(ctx);
    const projectId = await establishedSc(scSessions);
    const { username } = await extraUser(ctx, scSessions, 'finance_officer', '朔城区财政局');
    ctx.clock.set('2027-01-11T02:00:00.000Z');
    scSessions = new Sessions(ctx);
    const reviewer = await scSessions.as('sc.reviewer');
    const staff = await scSessions.as('sc.staff');
    const roundId = await openRound2026(reviewer, 'open SC');
    const submitted = await staff.request('POST', `/api/evaluation/rounds/${roundId}/self-evaluations`, {
      projectId,
      targets: [{ indicator: '覆盖教室', target: '200 间', achieved: '180 间' }],
      fundsUsed: '950000',
      outputs: '建成智慧教室 180 间',
      effects: '课堂互动提升',
      problems: '部分教室未完工',
    });
    expectStatus(submitted, 201, 'self-evaluation');
    const seId = submitted.json().id;
    const body = { conclusion: 'issues', keyProject: true, findings: '完成数与资金使用不匹配' };
    const review = await (await scSessions.as('sc.finance')).request(
      'POST',
      `/api/evaluation/self-evaluations/${seId}/spot-check`,
      body,
    );
    expectStatus(review, 403, '财政评审中心');
    assert.equal(review.json().code, 'EVAL_NOT_SPOT_CHECKER');
    assert.equal(review.json().article, 'SC-22');
    const finance = await scSessions.as(username, EXTRA_PASSWORD);
    expectStatus(
      await finance.request('POST', `/api/evaluation/self-evaluations/${seId}/spot-check`, body),
      201,
      '区财政局',
    );
    expectStatus(
      await finance.request('POST', `/api/evaluation/self-evaluations/${seId}/spot-check`, body),
      409,
      'twice',
    );
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    assert.equal(detail.spotCheck.financeName, '区财政局');
    const p = detail.projects.find((x: { id: string }) => x.id === projectId);
    assert.deepEqual(p.selfEvaluation.spotCheck, {
      conclusion: 'issues',
      keyProject: true,
      findings: '完成数与资金使用不匹配',
    });
    assert.deepEqual(detail.articles.efficacy, ['SC-24']);
    // The finding becomes a rectification opinion (SC-23) and the authority scores the project (SC-24).
    expectStatus(
      await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/rectifications`, {
        projectId,
        source: 'spot_check',
        finding: '完成数与资金使用不匹配',
        opinion: '补充建设剩余教室',
        deadline: '2027-04-30',
      }),
      201,
      'rectification',
    );
    const indicators = detail.indicatorSet.indicators as { code: string; phases: string[] }[];
    const scored = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
      projectId,
      phase: 'construction',
      scores: indicators
        .filter((i) => i.phases.includes('construction'))
        .map((i) => ({ code: i.code, score: 65 })),
      comment: '',
    });
    expectStatus(scored, 200, 'score');
    assert.deepEqual(await rolledUp(reviewer, roundId), [['朔城区教育科技局', 65, 'pass']]);
  });
});
