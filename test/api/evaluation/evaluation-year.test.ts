/**
 * A full evaluation year for one jurisdiction (SC, 朔城区) on stored projects, through the HTTP API
 * (issue 14 "Done means"): each of the three departments' projects taken to 立项; after the budget
 * year the authority opens the round (one self-evaluation obligation per project), every department
 * submits its self-evaluation (on the project timeline), the rulebook's 区财政局 spot-checks them and
 * marks a key project, the authority versions the year's indicator set and scores every project, a
 * public questionnaire on an operating system receives 500 anonymous answers (a different device
 * and address each, as the per-device and per-client rules require), the efficacy evaluation reads
 * its satisfaction, the findings become rectification opinions followed to closure, the scores roll
 * up into department grades, and the three outputs: a .docx per department (with its charts as
 * pictures), the compilation (.docx with every department, .xlsx with one row per department) and
 * the publication page.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { DEMO_ORGANISATIONS } from '../../../src/demo/accounts.ts';
import { readZip, readZipText } from '../../../src/platform/documents/zip.ts';
import { establishedSc as establishedScProject } from '../../factories/funds.ts';
import {
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  organisationId,
  Sessions,
  setupProjects,
} from '../../factories/projects.ts';
import { DESIGN } from '../../factories/questionnaire.ts';
import type { Session, TestContext } from '../../support/helper.ts';

let ctx: TestContext;

before(async () => {
  ctx = await setupProjects();
});
after(async () => {
  await ctx.close();
});

const SC_DEPARTMENTS = DEMO_ORGANISATIONS.filter(
  (o) => o.jurisdiction === 'SC' && o.kind === 'department',
).map((o) => o.name);

/** Unlike names: similar ones would be held by 查重 (SC-11a). */
const NAMES = ['智慧校园建设项目', '全民健康信息平台', '食品安全追溯监管系统'];

/** A project of `department` (prepared by `staff`) taken to 立项, with its system in operation. */
async function establishedSc(sessions: Sessions, staff: Session, department: string, name: string) {
  const id = await establishedScProject(ctx, sessions, {
    topic: name,
    name,
    department,
    staff,
    findings: { interoperable: true },
  });
  const systemId: string = (await staff.request('GET', `/api/projects/${id}`)).json().systems[0].systemId;
  return { id, systemId, name, department };
}

function docxText(bytes: Buffer): string {
  const xml = readZipText(bytes, 'word/document.xml');
  assert.ok(xml, 'word/document.xml');
  return xml.replace(/<[^>]+>/g, '');
}

/** The PNG pictures of a .docx and whether word/document.xml draws each of them. */
function pictures(bytes: Buffer): number {
  const media = readZip(bytes).filter((e) => /^word\/media\/.+\.png$/.test(e.name));
  const xml = readZipText(bytes, 'word/document.xml') ?? '';
  const rels = readZipText(bytes, 'word/_rels/document.xml.rels') ?? '';
  for (const m of media) {
    const target = m.name.replace(/^word\//, '');
    const rel = /Id="([^"]+)"/.exec(rels.split('<Relationship ').find((r) => r.includes(target)) ?? '');
    assert.ok(rel, `${m.name} related`);
    assert.ok(xml.includes(`r:embed="${rel[1]}"`), `${m.name} drawn`);
  }
  return media.length;
}

/**
 * Posts the public answers in small concurrent batches through app.inject, each from its own
 * device id and client address (one answer per device per day; the per-client limit is kept).
 */
async function answerAll(slug: string, bodies: object[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 25) {
    const batch = await Promise.all(
      bodies.slice(i, i + 25).map((payload, j) =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/public/questionnaires/${slug}/responses`,
          payload,
          remoteAddress: `10.20.${Math.floor((i + j) / 250)}.${((i + j) % 250) + 1}`,
        }),
      ),
    );
    for (const res of batch) assert.equal(res.statusCode, 201, res.body);
  }
}

test('DT-07 SC-22 SC-24 a full SC year: self-evaluations, 区财政局 spot-check, assessment, a questionnaire with 500 answers, rectification to closure and the three outputs', async () => {
  // ---- the year's projects: one per department, each taken to 立项 ---------------------------
  let sessions = new Sessions(ctx);
  const market = await extraUser(ctx, sessions, 'dept_staff', '朔城区市场监督管理局');
  const finance = await extraUser(ctx, sessions, 'finance_officer', '朔城区财政局');
  const staffOf = async (department: string) =>
    department === '朔城区教育科技局'
      ? sessions.as('sc.staff')
      : department === '朔城区卫生健康和体育局'
        ? sessions.as('sc.staff2')
        : sessions.as(market.username, EXTRA_PASSWORD);
  assert.deepEqual(SC_DEPARTMENTS.length, 3);
  const projects: Awaited<ReturnType<typeof establishedSc>>[] = [];
  for (const [i, department] of SC_DEPARTMENTS.entries()) {
    projects.push(await establishedSc(sessions, await staffOf(department), department, NAMES[i]));
  }

  // ---- after the budget year: the round, one self-evaluation obligation per project --------
  ctx.clock.set('2027-01-11T02:00:00.000Z');
  sessions = new Sessions(ctx);
  const reviewer = await sessions.as('sc.reviewer');
  const authlead = await sessions.as('sc.authlead');
  const opened = await reviewer.request('POST', '/api/evaluation/rounds', {
    year: 2026,
    dueDate: '2027-03-31',
  });
  expectStatus(opened, 201, 'open the round');
  assert.equal(opened.json().obligations, projects.length);
  const roundId = opened.json().id as string;
  const round = async () => (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json();

  // ---- DT-27/SC-22: every department self-evaluates its project -------------------------------
  const selfEvaluations = new Map<string, string>();
  for (const p of projects) {
    const res = await (await staffOf(p.department)).request(
      'POST',
      `/api/evaluation/rounds/${roundId}/self-evaluations`,
      {
        projectId: p.id,
        targets: [{ indicator: '上线业务', target: '10 项', achieved: '9 项' }],
        fundsUsed: '480000.50',
        outputs: `${p.name}建成上线`,
        effects: '办事时间缩短',
        problems: '',
      },
    );
    expectStatus(res, 201, `self-evaluation ${p.department}`);
    selfEvaluations.set(p.id, res.json().id);
  }
  let detail = await round();
  for (const p of projects) {
    const row = detail.projects.find((x: { id: string }) => x.id === p.id);
    assert.ok(row.selfEvaluation, `${p.name} self-evaluation stored`);
    assert.equal(row.obligation.state, 'met', `${p.name} obligation met`);
  }
  // The submission is an event on the project's timeline, signed like the workflow's decisions.
  const timeline = (await reviewer.request('GET', `/api/projects/${projects[0].id}/timeline`)).json().items;
  const submitted = timeline.find((t: { event: string }) => t.event === 'self_evaluation_submitted');
  assert.ok(submitted, 'self-evaluation on the timeline');
  assert.deepEqual(
    [submitted.kind, submitted.kindName, submitted.stepName, submitted.signed, submitted.verified],
    ['evaluation', '绩效评价', '项目自评价', true, true],
  );

  // ---- SC-22: the rulebook's 区财政局 spot-checks, with findings and a key project -------------
  const financeSession = await sessions.as(finance.username, EXTRA_PASSWORD);
  const findings = '资金使用进度与产出不匹配，部分功能未上线';
  for (const [i, p] of projects.entries()) {
    const res = await financeSession.request(
      'POST',
      `/api/evaluation/self-evaluations/${selfEvaluations.get(p.id)}/spot-check`,
      i === 0
        ? { conclusion: 'issues', keyProject: true, findings }
        : { conclusion: 'consistent', keyProject: false, findings: '自评情况属实' },
    );
    expectStatus(res, 201, `spot-check ${p.department}`);
  }
  detail = await round();
  assert.equal(detail.spotCheck.financeName, '区财政局');
  const checked = detail.projects.find((x: { id: string }) => x.id === projects[0].id);
  assert.deepEqual(checked.selfEvaluation.spotCheck, { conclusion: 'issues', keyProject: true, findings });

  // ---- SC-24: the year's indicator set (a new version) and every project scored --------------
  const indicators = detail.indicatorSet.indicators as {
    code: string;
    name: string;
    weight: number;
    phases: string[];
  }[];
  const v2 = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/indicator-sets`, {
    indicators,
    note: '2026 年度考核指标（经局务会审定）',
  });
  expectStatus(v2, 201, 'indicator set v2');
  assert.equal(v2.json().version, 2);
  const perDepartment = [92, 78, 55];
  for (const [i, p] of projects.entries()) {
    const res = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/scores`, {
      projectId: p.id,
      phase: 'construction',
      scores: indicators
        .filter((x) => x.phases.includes('construction'))
        .map((x) => ({ code: x.code, score: perDepartment[i] })),
      comment: '',
    });
    expectStatus(res, 200, `score ${p.department}`);
    assert.equal(res.json().total, perDepartment[i]);
  }
  const scoredEvent = (await reviewer.request('GET', `/api/projects/${projects[1].id}/timeline`))
    .json()
    .items.find(
      (t: { event: string; details: { source?: string } }) =>
        t.event === 'evaluation_result_issued' && t.details.source === 'assessment',
    );
  assert.equal(scoredEvent.details.source, 'assessment');
  assert.equal(scoredEvent.details.total, 78);

  // ---- SC-24 efficacy: a public questionnaire on the operating system, 500 answers ----------
  const system = projects[0].systemId;
  const designed = await reviewer.request('POST', '/api/questionnaires', {
    systemId: system,
    year: 2026,
    ...DESIGN,
  });
  expectStatus(designed, 201, 'questionnaire');
  const qid = designed.json().id;
  const pub = await reviewer.request('POST', `/api/questionnaires/${qid}/publish`, {
    startsOn: '2027-01-11',
    endsOn: '2027-01-31',
    version: 1,
  });
  expectStatus(pub, 200, 'publish questionnaire');
  const slug = pub.json().slug as string;
  const questionIds = (await reviewer.request('GET', `/api/questionnaires/${qid}`))
    .json()
    .questions.map((q: { id: string }) => q.id);
  const [single, , rating] = questionIds;
  // 100 each of 1 … 5 分 would be 50; 300 × 5 and 200 × 3 → mean 4.2 → (4.2 − 1) ÷ 4 × 100 = 80.
  const bodies = Array.from({ length: 500 }, (_, i) => ({
    deviceId: randomBytes(16).toString('hex'),
    answers: [
      { questionId: single, choice: i % 3 },
      { questionId: rating, rating: i < 300 ? 5 : 3 },
    ],
  }));
  await answerAll(slug, bodies);
  const again = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/questionnaires/${slug}/responses`,
    payload: bodies[0],
    remoteAddress: '10.30.0.1',
  });
  assert.equal(again.statusCode, 409, 'the same device the same day');
  assert.deepEqual([again.json().code, again.json().article], ['ALREADY_ANSWERED_TODAY', 'SC-24']);
  const results = (await reviewer.request('GET', `/api/questionnaires/${qid}/results`)).json();
  assert.equal(results.responses, 500);
  assert.equal(results.satisfaction, 80);

  const evaluator = await organisationId(reviewer, '朔州市工程咨询中心');
  const efficacy = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/efficacy`, {
    systemId: system,
    documentReview: { support: 80, efficiency_gain: 80, sustainability: 80, security: 80 },
    thirdParty: { support: 80, satisfaction: 80, efficiency_gain: 80, sustainability: 80, security: 80 },
    evaluatorOrganisationId: evaluator,
  });
  expectStatus(efficacy, 200, 'efficacy');
  assert.equal(efficacy.json().questionnaire, 80, 'the questionnaire’s satisfaction');
  assert.equal(efficacy.json().total, 80);

  // ---- findings → rectification opinions followed to closure (SC-23 through the engine) -------
  const rect = await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/rectifications`, {
    projectId: projects[0].id,
    source: 'spot_check',
    finding: findings,
    opinion: '补齐未上线功能并报送资金使用说明',
    deadline: '2027-03-15',
  });
  expectStatus(rect, 201, 'rectification');
  const rectId = rect.json().id;
  expectStatus(
    await (await staffOf(projects[0].department)).request(
      'POST',
      `/api/evaluation/rectifications/${rectId}/report`,
      { report: '功能已全部上线，资金使用说明已报送', version: 1 },
    ),
    200,
    'report rectification',
  );
  const closed = await authlead.request('POST', `/api/evaluation/rectifications/${rectId}/close`, {
    version: 2,
  });
  expectStatus(closed, 200, 'close rectification');
  assert.equal(closed.json().late, false);
  detail = await round();
  const r = detail.rectifications.find((x: { id: string }) => x.id === rectId);
  assert.deepEqual([r.state, r.obligationState], ['closed', 'met']);

  // ---- roll-up into department grades ---------------------------------------------------------
  expectStatus(
    await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/roll-up`, { version: detail.version }),
    200,
    'roll up',
  );
  detail = await round();
  assert.deepEqual(
    detail.results.map((x: { organisationName: string; score: number; grade: string }) => [
      x.organisationName,
      x.score,
      x.grade,
    ]),
    [
      [SC_DEPARTMENTS[0], 92, 'excellent'],
      [SC_DEPARTMENTS[1], 78, 'good'],
      [SC_DEPARTMENTS[2], 55, 'fail'],
    ],
  );

  // ---- the three outputs ----------------------------------------------------------------------
  for (const p of projects) {
    const orgId = await organisationId(reviewer, p.department);
    const report = await reviewer.request('GET', `/api/evaluation/rounds/${roundId}/reports/${orgId}`);
    expectStatus(report, 200, `report ${p.department}`);
    const text = docxText(report.rawPayload);
    assert.ok(text.includes(p.department), `${p.department} in its report`);
    assert.ok(text.includes(p.name), `${p.name} in its department's report`);
    for (const other of SC_DEPARTMENTS.filter((d) => d !== p.department))
      assert.ok(!text.includes(other), `${other} not in ${p.department}'s report`);
    // Scores by indicator, and for the system with a questionnaire the satisfaction distribution.
    assert.equal(pictures(report.rawPayload), p === projects[0] ? 2 : 1, `${p.department} charts`);
  }
  const compilation = await reviewer.request('GET', `/api/evaluation/rounds/${roundId}/compilation`);
  expectStatus(compilation, 200, 'compilation');
  const text = docxText(compilation.rawPayload);
  for (const name of SC_DEPARTMENTS) assert.ok(text.includes(name), `${name} in the compilation`);
  assert.ok(text.includes('补齐未上线功能并报送资金使用说明'));
  // The departments compared, then each department's own charts.
  assert.equal(pictures(compilation.rawPayload), 1 + 2 + 1 + 1);

  const xlsx = await reviewer.request('GET', `/api/evaluation/rounds/${roundId}/compilation/summary`);
  expectStatus(xlsx, 200, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const rows: string[] = [];
  workbook.getWorksheet('部门汇总')?.eachRow((row, n) => {
    if (n > 2) rows.push(String(row.getCell(1).value));
  });
  const departments = DEMO_ORGANISATIONS.filter(
    (o) => o.jurisdiction === 'SC' && (o.kind === 'department' || o.kind === 'data_center'),
  ).map((o) => o.name);
  assert.deepEqual([...rows].sort(), [...departments].sort(), 'one row per department');

  expectStatus(
    await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/publish`, { version: detail.version }),
    200,
    'publish',
  );
  const page = await ctx.app.inject({ method: 'GET', url: '/api/public/evaluation-results' });
  expectStatus(page, 200, 'publication page');
  const item = page.json().items.find((x: { year: number }) => x.year === 2026);
  assert.deepEqual(
    item.departments.map((d: { organisationName: string; gradeName: string }) => [
      d.organisationName,
      d.gradeName,
    ]),
    [
      [SC_DEPARTMENTS[0], '优秀'],
      [SC_DEPARTMENTS[1], '良好'],
      [SC_DEPARTMENTS[2], '不合格'],
    ],
  );
});
