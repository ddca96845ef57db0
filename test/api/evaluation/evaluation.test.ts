/**
 * A full evaluation year for DT through the HTTP API (issue 14): the authority opens the 2026 round
 * after the budget year, each department's self-evaluation obligation per project is met by its
 * report, the DT text names no finance spot-check, the authority scores on a versioned indicator
 * set (out-of-range refused at the field), evaluates a system's efficacy with the questionnaire's
 * satisfaction, rolls up into department_assessments (seen by reviewers), follows a rectification
 * opinion to closure and another to overdue, and produces the three outputs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { DEMO_ORGANISATIONS } from '../../../src/demo/accounts.ts';
import { runSweep } from '../../../src/obligations/index.ts';
import { readZipText } from '../../../src/platform/documents/zip.ts';
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
  upload,
  uploadMissing,
} from '../../factories/projects.ts';
import type { Session, TestContext } from '../../support/helper.ts';
import { TEST_START } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const DT_DEPARTMENTS = DEMO_ORGANISATIONS.filter(
  (o) => o.jurisdiction === 'DT' && o.kind === 'department',
).map((o) => o.name);

/** A DT project of `department` through application, review and filing (立项), with its system. */
async function establishedProject(staffName: string, department: string, name: string) {
  const staff = await sessions.as(staffName);
  const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', department, name);
  const systemId = await catalogSystem(ctx, staff, 'DT', department);
  const { id } = await draftProject(staff, {
    name,
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await sessions.as('dt.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
    200,
    'review',
  );
  expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
  expectStatus(await decide(await sessions.as('dt.authlead'), id, 'dt.review.filing'), 200, 'filing');
  expectStatus(
    await decide(await sessions.as('dt.approver'), id, 'dt.filing_approval.establishment', {
      opinion: '准予立项',
    }),
    200,
    'establishment',
  );
  const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
  assert.equal(detail.state, 'established', name);
  return { id, systemId };
}

function docxText(bytes: Buffer): string {
  const xml = readZipText(bytes, 'word/document.xml');
  assert.ok(xml, 'word/document.xml');
  return xml.replace(/<[^>]+>/g, '');
}

/** An SC project of 朔城区教育科技局 taken to 立项. */
async function establishedSc(scSessions: Sessions): Promise<string> {
  const entryId = await approvedPlanEntry(
    scSessions,
    'sc.reviewer',
    'sc.gov',
    '朔城区教育科技局',
    '智慧校园',
  );
  const staff = await scSessions.as('sc.staff');
  const systemId = await catalogSystem(ctx, staff, 'SC', '朔城区教育科技局');
  const { id } = await draftProject(staff, {
    name: '智慧校园建设项目',
    type: 'new',
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'builds' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await scSessions.as('sc.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, {
      opinions: FIVE_OPINIONS,
      findings: { interoperable: true },
      sharingAnalysisOpinion: '共享分析篇可行。',
    }),
    200,
    'review',
  );
  expectStatus(await decide(reviewer, id, 'sc.review.assessment'), 200, 'assessment');
  const approver = await scSessions.as('sc.approver');
  expectStatus(
    await upload(approver, id, 'approval_document', { stepId: 'sc.filing_approval.establishment' }),
    201,
    'doc',
  );
  expectStatus(await decide(approver, id, 'sc.filing_approval.establishment'), 200, '立项');
  return id;
}

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
    const opened = await reviewer.request('POST', '/api/evaluation/rounds', {
      year: 2026,
      dueDate: '2027-03-31',
    });
    expectStatus(opened, 201, 'open SC');
    const roundId = opened.json().id;
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
    expectStatus(
      await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/roll-up`, { version: 1 }),
      200,
      'roll up',
    );
    const results = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json().results;
    assert.deepEqual(
      results.map((r: { organisationName: string; score: number; grade: string }) => [
        r.organisationName,
        r.score,
        r.grade,
      ]),
      [['朔城区教育科技局', 65, 'pass']],
    );
  });
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
    const opened = await reviewer.request('POST', '/api/evaluation/rounds', {
      year: 2026,
      dueDate: '2027-03-31',
    });
    expectStatus(opened, 201, 'open XZ');
    const roundId = opened.json().id;
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
    expectStatus(
      await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/roll-up`, { version: 1 }),
      200,
      'roll up',
    );
    const results = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json().results;
    assert.deepEqual(
      results.map((r: { organisationName: string; score: number; grade: string }) => [
        r.organisationName,
        r.score,
        r.grade,
      ]),
      [['忻州市公路事业发展中心', 85, 'good']],
    );
  });
});

describe('evaluation year (DT)', () => {
  let edu: { id: string; systemId: string };
  let health: { id: string; systemId: string };
  let roundId: string;
  let reviewer: Session;
  let staff: Session;
  let staff2: Session;
  let eduOrg: string;
  let healthOrg: string;

  before(async () => {
    edu = await establishedProject('dt.staff', '大同市教育局', '智慧教育云平台');
    health = await establishedProject('dt.staff2', '大同市卫生健康委员会', '全民健康信息平台');
    eduOrg = await organisationId(await sessions.as('dt.staff'), '大同市教育局');
    healthOrg = await organisationId(await sessions.as('dt.staff'), '大同市卫生健康委员会');
    // The budget year 2026 has ended.
    ctx.clock.set('2027-01-11T02:00:00.000Z');
    sessions = new Sessions(ctx);
    reviewer = await sessions.as('dt.reviewer');
    staff = await sessions.as('dt.staff');
    staff2 = await sessions.as('dt.staff2');
  });

  test('DT-27 the authority opens the year after the budget year; each project owes a self-evaluation', async () => {
    const early = await reviewer.request('POST', '/api/evaluation/rounds', {
      year: 2027,
      dueDate: '2027-03-31',
    });
    expectStatus(early, 422, 'year not ended');
    assert.equal(early.json().code, 'EVAL_YEAR_NOT_ENDED');
    assert.equal(early.json().article, 'DT-27');
    expectStatus(
      await staff.request('POST', '/api/evaluation/rounds', { year: 2026, dueDate: '2027-03-31' }),
      403,
      'department opens',
    );
    const res = await reviewer.request('POST', '/api/evaluation/rounds', {
      year: 2026,
      dueDate: '2027-03-31',
    });
    expectStatus(res, 201, 'open');
    roundId = res.json().id;
    assert.ok(res.json().obligations >= 2);
    const obligations = (await staff.request('GET', '/api/obligations?limit=200')).json();
    const mine = obligations.items.filter((o: { kind: string }) => o.kind === 'eval.self_evaluation');
    assert.ok(mine.some((o: { projectId: string }) => o.projectId === edu.id));
    assert.ok(!mine.some((o: { projectId: string }) => o.projectId === health.id), 'only own obligations');

    const body = {
      targets: [{ indicator: '覆盖学校数', target: '300 所', achieved: '312 所' }],
      fundsUsed: '1800000.50',
      outputs: '平台上线，接入 312 所学校',
      effects: '办事时间缩短 40%',
      problems: '部分区县数据未共享',
    };
    expectStatus(
      await staff.request('POST', `/api/evaluation/rounds/${roundId}/self-evaluations`, {
        ...body,
        projectId: health.id,
      }),
      404,
      'other department',
    );
    expectStatus(
      await staff.request('POST', `/api/evaluation/rounds/${roundId}/self-evaluations`, {
        ...body,
        projectId: edu.id,
      }),
      201,
      'edu self-evaluation',
    );
    expectStatus(
      await staff2.request('POST', `/api/evaluation/rounds/${roundId}/self-evaluations`, {
        ...body,
        projectId: health.id,
      }),
      201,
      'health self-evaluation',
    );
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    const p = detail.projects.find((x: { id: string }) => x.id === edu.id);
    assert.equal(p.selfEvaluation.fundsUsed, '1800000.50');
    assert.equal(p.obligation.state, 'met');
    const own = (await staff.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    assert.ok(own.projects.every((x: { organisationName: string }) => x.organisationName === '大同市教育局'));
  });

  test('DT-27 DT has no finance spot-check: the refusal names the article', async () => {
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    assert.equal(detail.spotCheck, null);
    const seId = detail.projects.find((x: { id: string }) => x.id === edu.id).selfEvaluation.id;
    const res = await (await sessions.as('dt.finance')).request(
      'POST',
      `/api/evaluation/self-evaluations/${seId}/spot-check`,
      { conclusion: 'issues', keyProject: true, findings: '资金使用与预算不符' },
    );
    expectStatus(res, 422, 'no spot check in DT');
    assert.equal(res.json().code, 'EVAL_NO_SPOT_CHECK');
    assert.equal(res.json().article, 'DT-27');
  });

  test('DT-28 DT-07 scores on a versioned indicator set; out-of-range refused at the field; roll-up reaches the reviewers (DT-31)', async () => {
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    const indicators = detail.indicatorSet.indicators as {
      code: string;
      name: string;
      weight: number;
      phases: string[];
    }[];
    assert.equal(detail.indicatorSet.version, 1);
    for (const n of [
      '资金使用',
      '产出与效果',
      '应用效率',
      '服务',
      '便捷性',
      '满意度',
      '技术维护',
      '数据共享',
      '运维机制',
      '停用报废',
    ])
      assert.ok(
        indicators.some((i) => i.name === n),
        n,
      );
    const bad = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/indicator-sets`, {
      indicators: indicators.map((i) => (i.code === 'funds' ? { ...i, weight: 5 } : i)),
      note: '权重不足',
    });
    expectStatus(bad, 400, 'weights');
    assert.equal(bad.json().code, 'EVAL_WEIGHTS_TOTAL');
    const v2 = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/indicator-sets`, {
      indicators: indicators.map((i) =>
        i.code === 'funds' ? { ...i, weight: 20 } : i.code === 'ease' ? { ...i, weight: 5 } : i,
      ),
      note: '2026 年度修订：提高资金使用权重',
    });
    expectStatus(v2, 201, 'v2');
    assert.equal(v2.json().version, 2);

    const scoresFor = (phase: string, value: number) =>
      indicators.filter((i) => i.phases.includes(phase)).map((i) => ({ code: i.code, score: value }));
    const outOfRange = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
      projectId: edu.id,
      phase: 'operation',
      scores: scoresFor('operation', 80).map((s, i) => (i === 2 ? { ...s, score: 120 } : s)),
      comment: '',
    });
    expectStatus(outOfRange, 400, 'out of range');
    assert.match(outOfRange.json().field ?? '', /scores\.2\.score|scores\/2\/score/);
    expectStatus(
      await staff.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
        projectId: edu.id,
        phase: 'operation',
        scores: scoresFor('operation', 100),
        comment: '',
      }),
      403,
      'a department scores',
    );
    const a = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
      projectId: edu.id,
      phase: 'operation',
      scores: scoresFor('operation', 92),
      comment: '运行良好',
    });
    expectStatus(a, 200, 'score edu');
    assert.equal(a.json().total, 92);
    const b = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
      projectId: health.id,
      phase: 'construction',
      scores: scoresFor('construction', 70),
      comment: '进度滞后',
    });
    expectStatus(b, 200, 'score health');
    assert.equal(b.json().total, 70);
    expectStatus(
      await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/roll-up`, { version: 1 }),
      200,
      'roll up',
    );
    const assessments = (await reviewer.request('GET', '/api/department-assessments?year=2026')).json().items;
    const eduResult = assessments.find((x: { organisationId: string }) => x.organisationId === eduOrg);
    const healthResult = assessments.find((x: { organisationId: string }) => x.organisationId === healthOrg);
    assert.deepEqual([eduResult.score, eduResult.grade], [92, 'excellent']);
    assert.deepEqual([healthResult.score, healthResult.grade], [70, 'pass']);
  });

  test('DT-30 efficacy combines document review, the third party and the questionnaire on five dimensions; without any of the three it is refused naming the article', async () => {
    const evaluator = await organisationId(reviewer, '山西省信息化咨询评估中心');
    const res = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/efficacy`, {
      systemId: edu.systemId,
      documentReview: { support: 80, efficiency_gain: 70, sustainability: 60, security: 90 },
      thirdParty: { support: 90, satisfaction: 60, efficiency_gain: 80, sustainability: 70, security: 100 },
      evaluatorOrganisationId: evaluator,
      satisfaction: 80,
    });
    expectStatus(res, 200, 'efficacy');
    assert.equal(res.json().total, 78);
    assert.equal(res.json().questionnaire, 80);
    const over = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/efficacy`, {
      systemId: edu.systemId,
      documentReview: { support: 101 },
      thirdParty: {},
    });
    expectStatus(over, 400, 'efficacy out of range');
    // DT 第三十条: the public questionnaire is one of the three sources; the system has none this year.
    const noQuestionnaire = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/efficacy`, {
      systemId: edu.systemId,
      documentReview: { support: 80 },
      thirdParty: { support: 90, satisfaction: 60, efficiency_gain: 80, sustainability: 70, security: 100 },
      evaluatorOrganisationId: evaluator,
    });
    expectStatus(noQuestionnaire, 400, 'efficacy without a questionnaire');
    assert.deepEqual(
      [noQuestionnaire.json().code, noQuestionnaire.json().field, noQuestionnaire.json().article],
      ['EVAL_EFFICACY_NO_QUESTIONNAIRE', 'satisfaction', 'DT-30'],
    );
    const partial = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/efficacy`, {
      systemId: edu.systemId,
      documentReview: { support: 80 },
      thirdParty: { support: 90 },
      evaluatorOrganisationId: evaluator,
      satisfaction: 80,
    });
    expectStatus(partial, 400, 'efficacy on fewer than five dimensions');
    assert.deepEqual(
      [partial.json().code, partial.json().field, partial.json().article],
      ['EVAL_EFFICACY_DIMENSION_MISSING', 'thirdParty.satisfaction', 'DT-30'],
    );
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    assert.equal(detail.efficacy[0].dimensions.length, 5);
  });

  test('DT-31 a rectification opinion is followed to closure; another runs overdue', async () => {
    const issue = (projectId: string, deadline: string) =>
      reviewer.request('POST', `/api/evaluation/rounds/${roundId}/rectifications`, {
        projectId,
        source: 'assessment',
        finding: '项目建设进度滞后，数据未按要求共享',
        opinion: '限期完成数据共享接入',
        deadline,
      });
    const first = await issue(health.id, '2027-02-26');
    expectStatus(first, 201, 'issue');
    const second = await issue(health.id, '2027-01-29');
    expectStatus(second, 201, 'issue 2');
    expectStatus(
      await staff.request('POST', `/api/evaluation/rectifications/${first.json().id}/report`, {
        report: '已完成',
        version: 1,
      }),
      404,
      'not the rectifying unit',
    );
    expectStatus(
      await staff2.request('POST', `/api/evaluation/rectifications/${first.json().id}/report`, {
        report: '已完成数据共享接入，共享目录 12 项',
        version: 1,
      }),
      200,
      'report',
    );
    const closed = await reviewer.request('POST', `/api/evaluation/rectifications/${first.json().id}/close`, {
      version: 2,
    });
    expectStatus(closed, 200, 'close');
    assert.equal(closed.json().late, false);
    ctx.clock.set('2027-02-03T02:00:00.000Z');
    await runSweep(ctx.deps);
    sessions = new Sessions(ctx);
    reviewer = await sessions.as('dt.reviewer');
    staff = await sessions.as('dt.staff');
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    const byId = new Map(detail.rectifications.map((r: { id: string }) => [r.id, r]));
    const met = byId.get(first.json().id) as { state: string; obligationState: string };
    const overdue = byId.get(second.json().id) as {
      state: string;
      obligationState: string;
      overdue: boolean;
    };
    assert.deepEqual([met.state, met.obligationState], ['closed', 'met']);
    assert.deepEqual([overdue.state, overdue.obligationState, overdue.overdue], ['open', 'overdue', true]);
  });

  test('DT-07 the three outputs: a report per department, the compilation (.docx, .xlsx) with every department, the publication page', async () => {
    const report = await reviewer.request('GET', `/api/evaluation/rounds/${roundId}/reports/${eduOrg}`);
    expectStatus(report, 200, 'department report');
    const reportText = docxText(report.rawPayload);
    assert.ok(reportText.includes('大同市教育局'));
    assert.ok(reportText.includes('智慧教育云平台'));
    assert.ok(reportText.includes('优秀'));
    expectStatus(
      await staff.request('GET', `/api/evaluation/rounds/${roundId}/reports/${healthOrg}`),
      404,
      'other dept report',
    );
    expectStatus(
      await staff.request('GET', `/api/evaluation/rounds/${roundId}/reports/${eduOrg}`),
      200,
      'own report',
    );

    const compilation = await reviewer.request('GET', `/api/evaluation/rounds/${roundId}/compilation`);
    expectStatus(compilation, 200, 'compilation');
    const text = docxText(compilation.rawPayload);
    for (const name of DT_DEPARTMENTS) assert.ok(text.includes(name), name);
    assert.ok(text.includes('限期完成数据共享接入'));

    const xlsx = await reviewer.request('GET', `/api/evaluation/rounds/${roundId}/compilation/summary`);
    expectStatus(xlsx, 200, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = new Set<string>();
    workbook.getWorksheet('部门汇总')?.eachRow((row) => names.add(String(row.getCell(1).value)));
    for (const name of DT_DEPARTMENTS) assert.ok(names.has(name), name);

    const before = await ctx.app.inject({ method: 'GET', url: '/api/public/evaluation-results' });
    expectStatus(before, 200, 'public');
    assert.equal(before.json().total, 0);
    const round = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    expectStatus(
      await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/publish`, { version: round.version }),
      200,
      'publish',
    );
    const published = await ctx.app.inject({ method: 'GET', url: '/api/public/evaluation-results' });
    const item = published.json().items[0];
    assert.equal(item.year, 2026);
    assert.deepEqual(
      item.departments.map((d: { organisationName: string; gradeName: string }) => [
        d.organisationName,
        d.gradeName,
      ]),
      [
        ['大同市教育局', '优秀'],
        ['大同市卫生健康委员会', '合格'],
      ],
    );
  });
  test('evaluation routes: a department reaches its own projects and reports, not another department’s; another jurisdiction gets 404', async () => {
    const sc = await sessions.as('sc.reviewer');
    expectStatus(
      await sc.request('GET', `/api/evaluation/rounds/${roundId}`),
      404,
      'other jurisdiction reads',
    );
    expectStatus(
      await sc.request('POST', `/api/evaluation/rounds/${roundId}/roll-up`, { version: 1 }),
      404,
      'other jurisdiction rolls up',
    );
    expectStatus(
      await sc.request('GET', `/api/evaluation/rounds/${roundId}/compilation`),
      404,
      'other jurisdiction compiles',
    );
    const scList = (await sc.request('GET', '/api/evaluation/rounds')).json();
    assert.ok(!scList.items.some((r: { id: string }) => r.id === roundId));
    const list = (await staff.request('GET', '/api/evaluation/rounds')).json();
    assert.ok(list.items.some((r: { id: string }) => r.id === roundId));
    const detail = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();
    const rect = detail.rectifications[0];
    expectStatus(
      await sc.request('POST', `/api/evaluation/rectifications/${rect.id}/close`, { version: rect.version }),
      404,
      'other jurisdiction closes',
    );
    const se = detail.projects.find((x: { id: string }) => x.id === edu.id).selfEvaluation.id;
    const scFinance = await sessions.as('sc.finance');
    expectStatus(
      await scFinance.request('POST', `/api/evaluation/self-evaluations/${se}/spot-check`, {
        conclusion: 'consistent',
        keyProject: false,
        findings: '属实',
      }),
      404,
      'other jurisdiction finance',
    );
  });
});
