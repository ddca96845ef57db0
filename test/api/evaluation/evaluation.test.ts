/**
 * A full evaluation year for DT through the HTTP API (issue 14): the authority opens the 2026 round
 * after the budget year, each department's self-evaluation obligation per project is met by its
 * report, the DT text names no finance spot-check, the authority scores on a versioned indicator
 * set (out-of-range refused at the field), evaluates a system's efficacy with the questionnaire's
 * satisfaction, rolls up into department_assessments (seen by reviewers), follows a rectification
 * opinion to closure and another to overdue, and produces the three outputs. SC and XZ years:
 * evaluation-sc.test.ts, evaluation-xz.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { runSweep } from '../../../src/obligations/index.ts';
import { DT_DEPARTMENTS, docxText, dtYear } from '../../factories/evaluation.ts';
import { expectStatus, organisationId, Sessions, setupProjects } from '../../factories/projects.ts';
import type { Session, TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
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
    ({ edu, health, eduOrg, healthOrg, sessions, reviewer, staff, staff2 } = await dtYear(ctx, sessions));
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
