/**
 * An evaluation year for XZ through the HTTP API (issue 14): the 数据中心 owes and submits the
 * self-evaluation, the 财务科 spot-checks it, the data center scores and evaluates efficacy with a
 * third party (XZ-22, XZ-23, XZ-25, XZ-26).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openRound2026, rolledUp } from '../../factories/evaluation.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  organisationId,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { Session, TestContext } from '../../support/helper.ts';
import { TEST_START } from '../../support/helper.ts';

let ctx: TestContext;

before(async () => {
  ctx = await setupProjects();
});
after(async () => {
  await ctx.close();
});

/** An XZ project of 忻州市公路事业发展中心 taken to 立项 (prepared by the 数据中心, XZ-08a). */
async function establishedXz(
  xzSessions: Sessions,
  dataCenter: Session,
): Promise<{ id: string; systemId: string }> {
  const entryId = await approvedPlanEntry(
    xzSessions,
    'xz.reviewer',
    ['xz.party', 'xz.cityreviewer'],
    '忻州市公路事业发展中心',
    '路网监测',
  );
  const staff = await xzSessions.as('xz.staff');
  const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
  const { id } = await draftProject(staff, {
    name: '路网运行监测系统升级项目',
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await dataCenter.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await xzSessions.as('xz.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
    200,
    'review',
  );
  expectStatus(
    await decide(reviewer, id, 'xz.review.data_center', { opinion: '审核通过' }),
    200,
    'data center',
  );
  expectStatus(
    await decide(await xzSessions.as('xz.party'), id, 'xz.review.party_consent', {
      outcome: 'consent_given',
      opinion: '局党组会议同意',
    }),
    200,
    'party',
  );
  expectStatus(
    await decide(await xzSessions.as('xz.cityreviewer'), id, 'xz.review.city_review', {
      opinion: '审查通过',
    }),
    200,
    'city review',
  );
  expectStatus(
    await decide(await xzSessions.as('xz.citygov'), id, 'xz.review.city_government', {
      outcome: 'consent_given',
      opinion: '市政府同意',
    }),
    200,
    'city government',
  );
  const established = await decide(
    await xzSessions.as('xz.cityapprover'),
    id,
    'xz.filing_approval.establishment',
    {
      opinion: '批复立项',
    },
  );
  expectStatus(established, 200, 'establishment');
  return { id, systemId };
}

describe('evaluation year (XZ): the 数据中心 self-evaluates, 财务科 spot-checks', () => {
  after(() => {
    ctx.clock.set(TEST_START);
  });

  test('XZ-22 XZ-23 XZ-25 XZ-26 the 数据中心 owes and submits the self-evaluation, 财务科 spot-checks, the data center assesses and evaluates efficacy', async () => {
    let xzSessions = new Sessions(ctx);
    const { username } = await extraUser(ctx, xzSessions, 'dept_staff', '忻州市交通运输数据中心');
    const project = await establishedXz(xzSessions, await xzSessions.as(username, EXTRA_PASSWORD));
    ctx.clock.set('2027-01-11T02:00:00.000Z');
    xzSessions = new Sessions(ctx);
    const reviewer = await xzSessions.as('xz.reviewer');
    const staff = await xzSessions.as('xz.staff');
    const dataCenter = await xzSessions.as(username, EXTRA_PASSWORD);
    const roundId = await openRound2026(reviewer, 'open XZ');
    const dataCenterOrg = await organisationId(reviewer, '忻州市交通运输数据中心');
    const owed = (await dataCenter.request('GET', '/api/obligations?limit=200'))
      .json()
      .items.find(
        (o: { kind: string; projectId: string }) =>
          o.kind === 'eval.self_evaluation' && o.projectId === project.id,
      );
    assert.equal(owed?.holderOrganisationId ?? dataCenterOrg, dataCenterOrg);
    assert.deepEqual(owed?.articles, ['XZ-22']);
    const body = {
      projectId: project.id,
      targets: [{ indicator: '监测路段', target: '1200 公里', achieved: '1260 公里' }],
      fundsUsed: '2400000',
      outputs: '路网监测全覆盖',
      effects: '事件发现时间缩短一半',
      problems: '',
    };
    expectStatus(
      await staff.request('POST', `/api/evaluation/rounds/${roundId}/self-evaluations`, body),
      404,
      'the user unit does not self-evaluate in XZ',
    );
    const submitted = await dataCenter.request(
      'POST',
      `/api/evaluation/rounds/${roundId}/self-evaluations`,
      body,
    );
    expectStatus(submitted, 201, 'data center submits');
    const seen = (await dataCenter.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    assert.equal(seen.projects.find((p: { id: string }) => p.id === project.id)?.obligation.state, 'met');
    const finance = await xzSessions.as('xz.finance');
    expectStatus(
      await finance.request('POST', `/api/evaluation/self-evaluations/${submitted.json().id}/spot-check`, {
        conclusion: 'consistent',
        keyProject: true,
        findings: '自评情况属实，列为重点项目绩效评价',
      }),
      201,
      '财务科',
    );
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    assert.equal(detail.spotCheck.financeName, '财务科');
    assert.deepEqual(detail.articles.assessment, ['XZ-23', 'XZ-25']);
    const indicators = detail.indicatorSet.indicators as { code: string; phases: string[] }[];
    expectStatus(
      await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
        projectId: project.id,
        phase: 'operation',
        scores: indicators
          .filter((i) => i.phases.includes('operation'))
          .map((i) => ({ code: i.code, score: 85 })),
        comment: '',
      }),
      200,
      'score',
    );
    const efficacyBody = {
      systemId: project.systemId,
      documentReview: { support: 90, efficiency_gain: 80, sustainability: 80, security: 90 },
      thirdParty: { support: 90, satisfaction: 80, efficiency_gain: 80, sustainability: 80, security: 90 },
      satisfaction: 90,
    };
    // XZ 第二十六条: a third-party evaluation is one of the three sources; without one it is refused.
    const noThirdParty = await reviewer.request(
      'POST',
      `/api/evaluation/rounds/${roundId}/efficacy`,
      efficacyBody,
    );
    expectStatus(noThirdParty, 400, 'efficacy without a third party');
    assert.deepEqual(
      [noThirdParty.json().code, noThirdParty.json().field, noThirdParty.json().article],
      ['EVAL_EFFICACY_NO_THIRD_PARTY', 'evaluatorOrganisationId', 'XZ-26'],
    );
    const efficacy = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/efficacy`, {
      ...efficacyBody,
      evaluatorOrganisationId: await organisationId(reviewer, '忻州市交通工程咨询中心'),
    });
    expectStatus(efficacy, 200, 'efficacy');
    assert.equal(efficacy.json().total, 85);
    assert.deepEqual(await rolledUp(reviewer, roundId), [['忻州市公路事业发展中心', 85, 'good']]);
  });
});
