/**
 * XZ (忻州市交通运输局) after 立项, on a stored project with an injected clock: the budget steps run
 * through the funds routes (XZ-11), the 局党组 consents through the generic step core; the 数据中心
 * signs the contract (competition, ownership and the three deliverables required by XZ-12), which
 * opens the 5-working-day filing obligation (XZ-14); filed on the 6th working day it is overdue first and then met late; the
 * deliverables are tracked to delivery; acceptance opens the 30-working-day report obligation
 * (XZ-21), whose due date is not guessed while the next year's holidays are unknown, and filing
 * the report after the 局党组's consent meets it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runSweep } from '../../../src/obligations/index.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  expectStatus,
  FIVE_OPINIONS,
  Sessions,
  setupProjects,
  upload,
  uploadMissing,
} from '../../factories/projects.ts';
import { login, type Session, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const as = (username: string) => login(ctx, username);
const obligationsOf = async (s: Session, projectId: string) =>
  (await s.request('GET', `/api/obligations?projectId=${projectId}`)).json();

const CONTRACT = {
  number: 'XZJT-2026-018',
  procurementMethod: 'public_tender',
  procurementResult: '忻州交信科技有限公司中标，中标价 168 万元',
  contractorName: '忻州交信科技有限公司',
  amount: '1680000.00',
  signedOn: '2026-11-23',
  ownershipClause: true,
  deliverables: [
    { kind: 'design_documents', name: '详细设计说明书' },
    { kind: 'source_code', name: '全部源代码' },
    { kind: 'test_documents', name: '测试报告' },
  ],
};

describe('XZ: from contract signing to the acceptance report', () => {
  let projectId = '';

  test('XZ-12/XZ-14/XZ-16/XZ-17/XZ-19/XZ-20/XZ-21 contract, 局党组 consents, acceptance and report filing on a stored project', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'xz.reviewer',
      ['xz.party', 'xz.cityreviewer'],
      '忻州市公路事业发展中心',
      '公路桥梁监测系统',
    );
    const staff = await sessions.as('xz.staff');
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id } = await draftProject(staff, {
      name: '公路桥梁监测系统建设项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    projectId = id;
    await uploadMissing(staff, id);
    let dc = await as('xz.dcstaff');
    expectStatus(await dc.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const reviewer = await sessions.as('xz.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'xz.review.data_center'), 200, 'data center review');
    expectStatus(await decide(await sessions.as('xz.party'), id, 'xz.review.party_consent'), 200, 'party');
    expectStatus(
      await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.city_review'),
      200,
      'city',
    );
    // XZ 第七条/第十条: 市政府 consents, then the 市政务信息管理局 grants 立项 (XZ-10a).
    expectStatus(
      await decide(await sessions.as('xz.citygov'), id, 'xz.review.city_government'),
      200,
      '市政府 consent',
    );
    const established = await decide(
      await sessions.as('xz.cityapprover'),
      id,
      'xz.filing_approval.establishment',
    );
    expectStatus(established, 200, '立项');
    assert.equal(established.json().state, 'established');

    // The budget steps after 立项 are recorded with their data by the funds routes (XZ-11): the
    // 财务科 fixes the budget per year and cost item, then reports it. No bare decision.
    const finance = await sessions.as('xz.finance');
    const bareBudget = await decide(finance, id, 'xz.budget.review');
    expectStatus(bareBudget, 409, 'bare budget decision');
    assert.equal(bareBudget.json().code, 'RECORDED_BY_MODULE');
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-review`, {
        opinion: '经财务科审定，预算合理。',
        lines: [
          { year: 2026, costItem: '软件开发', kind: 'construction', requested: '700000', approved: '700000' },
          { year: 2027, costItem: '系统集成', kind: 'construction', requested: '500000', approved: '500000' },
        ],
        shares: [],
      }),
      201,
      'budget review',
    );
    expectStatus(await decide(finance, id, 'xz.budget.report'), 409, 'bare report');
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-steps/xz.budget.report`, {
        opinion: '已上报市财政局',
      }),
      200,
      'budget report',
    );

    // A contract cannot be recorded as a bare decision: only with its data.
    const bare = await decide(dc, id, 'xz.construction.contract');
    expectStatus(bare, 409, 'bare decision');
    assert.equal(bare.json().code, 'RECORDED_BY_MODULE');
    // XZ-12: competition; ownership and the three deliverables fixed in the contract.
    const single = await dc.request('POST', `/api/projects/${id}/contracts`, {
      ...CONTRACT,
      procurementMethod: 'single_source',
    });
    expectStatus(single, 422, 'single source');
    assert.equal(single.json().code, 'COMPETITION_REQUIRED');
    assert.equal(single.json().article, 'XZ-12');
    const noCode = await dc.request('POST', `/api/projects/${id}/contracts`, {
      ...CONTRACT,
      deliverables: CONTRACT.deliverables.filter((d) => d.kind !== 'source_code'),
    });
    expectStatus(noCode, 422, 'deliverables');
    assert.equal(noCode.json().code, 'DELIVERABLES_REQUIRED');
    assert.equal(noCode.json().field, 'deliverables');
    assert.match(noCode.json().message, /源代码/);
    const noOwnership = await dc.request('POST', `/api/projects/${id}/contracts`, {
      ...CONTRACT,
      ownershipClause: false,
    });
    expectStatus(noOwnership, 422, 'ownership');
    assert.equal(noOwnership.json().article, 'XZ-12');
    // The requesting unit is not the rulebook's signing party (数据中心, XZ-12).
    const notSigner = await staff.request('POST', `/api/projects/${id}/contracts`, CONTRACT);
    expectStatus(notSigner, 403, 'not the signer');
    // The contract step asks for the contract text.
    const noText = await dc.request('POST', `/api/projects/${id}/contracts`, CONTRACT);
    expectStatus(noText, 422, 'contract text');
    assert.equal(noText.json().code, 'MATERIALS_MISSING');
    expectStatus(await upload(dc, id, 'contract_text', { stepId: 'xz.construction.contract' }), 201, 'text');
    const signed = await dc.request('POST', `/api/projects/${id}/contracts`, CONTRACT);
    expectStatus(signed, 201, 'sign');
    const contractId = signed.json().id;
    const again = await dc.request('POST', `/api/projects/${id}/contracts`, CONTRACT);
    expectStatus(again, 409, 'duplicate number');

    let list = await obligationsOf(dc, id);
    assert.equal(list.total, 1);
    const filing = list.items[0];
    assert.equal(filing.kind, 'xz.deadline.contract_filing');
    assert.deepEqual(filing.articles, ['XZ-14']);
    assert.equal(filing.ref, CONTRACT.number);
    assert.equal(filing.anchorDate, '2026-11-23');
    assert.equal(filing.dueDate, '2026-11-30');
    assert.equal(filing.remainingWorkingDays, 5);
    assert.equal(filing.holderName, '忻州市交通运输数据中心');

    // Not filed by the 5th working day: on the 6th the sweep reports it overdue; filed that day, met late.
    ctx.clock.set('2026-12-01T02:00:00.000Z');
    const sweep = await runSweep(ctx.deps);
    assert.equal(sweep.markedOverdue, 1);
    dc = await as('xz.dcstaff');
    list = await obligationsOf(dc, id);
    assert.equal(list.items[0].state, 'overdue');
    assert.equal(list.items[0].remainingWorkingDays, -1);
    // 待办 shows the filing overdue, and the server counts overdue tasks over every page (issue 11).
    type Row = { projectId: string; stepId: string; overdue: boolean; remainingWorkdays: number | null };
    const mine = (await dc.request('GET', `/api/tasks?projectId=${id}&kind=construction_record`)).json();
    const overdueFiling = mine.items.find((t: Row) => t.stepId === 'xz.construction.contract_filing');
    assert.deepEqual([overdueFiling?.overdue, overdueFiling?.remainingWorkdays], [true, -1]);
    assert.ok(mine.items.every((t: Row) => t.projectId === id));
    assert.equal(mine.overdue, mine.items.filter((t: Row) => t.overdue).length);
    const all = (await dc.request('GET', '/api/tasks?limit=200')).json();
    const firstPage = (await dc.request('GET', '/api/tasks?limit=1')).json();
    assert.deepEqual([firstPage.total, firstPage.overdue], [all.total, all.overdue]);
    assert.equal(all.overdue, all.items.filter((t: Row) => t.overdue).length);
    assert.deepEqual(firstPage.items, all.items.slice(0, 1));
    const board = (await (await as('xz.authlead')).request('GET', '/api/obligations/board')).json();
    assert.ok(
      board.rows.some(
        (r: { kind: string; overdue: number }) => r.kind === 'xz.deadline.contract_filing' && r.overdue === 1,
      ),
    );
    const contracts = (await dc.request('GET', `/api/projects/${id}/contracts`)).json().items;
    assert.equal(contracts[0].amount, '1680000.00');
    const filed = await dc.request('POST', `/api/projects/${id}/contracts/${contractId}/file`, {
      version: contracts[0].version,
    });
    expectStatus(filed, 200, 'file');
    assert.equal(filed.json().late, true);
    list = await obligationsOf(dc, id);
    assert.equal(list.items[0].state, 'met');
    assert.equal(list.items[0].late, true);
    assert.equal(list.items[0].metOn, '2026-12-01');

    // XZ-12: the deliverables are tracked to delivery.
    for (const d of contracts[0].deliverables) {
      expectStatus(
        await dc.request(
          'POST',
          `/api/projects/${id}/contracts/${contractId}/deliverables/${d.id}/delivered`,
        ),
        200,
        `deliver ${d.kind}`,
      );
    }
    const delivered = (await dc.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    assert.ok(
      delivered.deliverables.every((d: { deliveredOn: string | null }) => d.deliveredOn === '2026-12-01'),
    );
    assert.equal(delivered.filedOn, '2026-12-01');

    // XZ-17: the supervisor needs the 局党组's consent, a decision of the generic core after 立项.
    const tooEarly = await dc.request('POST', `/api/projects/${id}/supervisors`, {
      unitName: '忻州市通达工程监理有限公司',
      contractNumber: 'XZJL-2026-03',
      procurementMethod: 'competitive_consultation',
    });
    expectStatus(tooEarly, 409, 'supervisor before consent');
    assert.equal(tooEarly.json().code, 'STEP_NOT_OPEN');
    const party = await as('xz.party');
    // 待办: the 局党组 sees the consent after 立项; the 数据中心 its construction records.
    const partyTasks = (await party.request('GET', '/api/tasks')).json().items;
    assert.ok(
      partyTasks.some(
        (t: { projectId: string; stepId: string; kind: string }) =>
          t.projectId === id &&
          t.stepId === 'xz.construction.supervisor_consent' &&
          t.kind === 'construction_step',
      ),
      JSON.stringify(partyTasks),
    );
    const dcTasks = (await dc.request('GET', '/api/tasks')).json().items;
    assert.ok(
      dcTasks.some(
        (t: { projectId: string; stepId: string; kind: string }) =>
          t.projectId === id && t.stepId === 'xz.construction.build' && t.kind === 'construction_step',
      ),
      JSON.stringify(dcTasks),
    );
    const consent = await decide(party, id, 'xz.construction.supervisor_consent', {
      opinion: '同意聘请监理单位',
    });
    expectStatus(consent, 200, 'supervisor consent');
    const supervisor = await dc.request('POST', `/api/projects/${id}/supervisors`, {
      unitName: '忻州市通达工程监理有限公司',
      contractNumber: 'XZJL-2026-03',
      procurementMethod: 'competitive_consultation',
    });
    expectStatus(supervisor, 201, 'supervisor filed');
    const supervisors = (await dc.request('GET', `/api/projects/${id}/supervisors`)).json().items;
    assert.equal(supervisors[0].filedOn, '2026-12-01');

    // Completion and acceptance (XZ-19, XZ-20) open the report obligation (XZ-21: 30 working days).
    expectStatus(await decide(dc, id, 'xz.construction.build', { opinion: '项目建成' }), 200, 'built');
    for (const code of ['resource_catalog_registration', 'security_controllability']) {
      expectStatus(await upload(dc, id, code, { stepId: 'xz.acceptance.accept' }), 201, code);
    }
    expectStatus(await decide(dc, id, 'xz.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');
    list = await obligationsOf(dc, id);
    const report = list.items.find((o: { kind: string }) => o.kind === 'xz.deadline.acceptance_report');
    assert.ok(report, JSON.stringify(list));
    assert.deepEqual(report.articles, ['XZ-21']);
    assert.equal(report.anchorDate, '2026-12-01');
    // 30 working days from 1 December run into 2027, whose holidays the table does not know yet.
    assert.equal(report.dueDate, null);
    assert.equal(report.calendarUnknown, true);
    assert.deepEqual(report.unknownYears, [2027]);

    // XZ-21: the report goes to the 局党组 first, then is filed with the city authority.
    const early = await upload(dc, id, 'acceptance_report', { stepId: 'xz.acceptance.report_filing' });
    expectStatus(early, 409, 'before consent');
    assert.equal(early.json().code, 'STEP_NOT_OPEN');
    expectStatus(
      await decide(party, id, 'xz.acceptance.report_consent', { opinion: '同意报备' }),
      200,
      'consent',
    );
    expectStatus(
      await upload(dc, id, 'acceptance_report', { stepId: 'xz.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(
      await decide(dc, id, 'xz.acceptance.report_filing', { opinion: '报备' }),
      200,
      'report filed',
    );
    list = await obligationsOf(dc, id);
    assert.deepEqual(list.items.map((o: { kind: string; state: string }) => `${o.kind}:${o.state}`).sort(), [
      'xz.deadline.acceptance_report:met',
      'xz.deadline.contract_filing:met',
    ]);
  });

  test('XZ-24 the 局党组 orders the 数据中心 to rectify; others are refused; a refusal sets the gate facts that stop the funds', async () => {
    const id = projectId;
    const order = {
      problemKind: 'approval_violation',
      description: '未按批复内容建设，擅自增加大屏展示模块',
      workingDays: 10,
    };
    // The 数据中心 is the body ordered to rectify: neither its reviewer nor its head orders it.
    for (const username of ['xz.reviewer', 'xz.authlead', 'xz.citygov']) {
      const res = await (await as(username)).request('POST', `/api/projects/${id}/rectifications`, order);
      expectStatus(res, 403, username);
      assert.equal(res.json().code, 'NOT_OVERSEER');
      assert.equal(res.json().article, 'XZ-24');
      assert.match(res.json().message, /局党组/);
    }
    const party = await as('xz.party');
    const ordered = await party.request('POST', `/api/projects/${id}/rectifications`, order);
    expectStatus(ordered, 201, 'party orders');
    const rid = ordered.json().id;
    const dc = await as('xz.dcstaff');
    const obligation = (
      await dc.request('GET', `/api/obligations?projectId=${id}&kind=rectification`)
    ).json();
    assert.equal(obligation.total, 1);
    assert.equal(obligation.items[0].holderName, '忻州市交通运输数据中心');
    assert.deepEqual(obligation.items[0].articles, ['XZ-24']);
    // The requesting unit is not the one ordered.
    const notOrdered = await (await as('xz.staff')).request(
      'POST',
      `/api/projects/${id}/rectifications/${rid}/report`,
      { report: '已整改', version: 1 },
    );
    expectStatus(notOrdered, 403, 'requesting unit reports');
    const judgedByCenter = await (await as('xz.authlead')).request(
      'POST',
      `/api/projects/${id}/rectifications/${rid}/decision`,
      { outcome: 'refused', note: '拒不整改', version: 1 },
    );
    expectStatus(judgedByCenter, 403, 'data center judges itself');
    let view = (await dc.request('GET', `/api/projects/${id}/rectifications`)).json();
    const gate = (g: { gateId: string }) => g.gateId === 'xz.gate.rectification';
    assert.equal(view.fundsGates.find(gate).passed, true);
    expectStatus(
      await party.request('POST', `/api/projects/${id}/rectifications/${rid}/decision`, {
        outcome: 'refused',
        note: '限期内未整改，经督促仍拒不整改',
        version: 1,
      }),
      200,
      'refused',
    );
    view = (await dc.request('GET', `/api/projects/${id}/rectifications`)).json();
    assert.equal(view.items[0].state, 'refused');
    const closed = view.fundsGates.find(gate);
    assert.equal(closed.passed, false);
    assert.equal(closed.article, 'XZ-24');
    expectStatus(
      await dc.request('POST', `/api/projects/${id}/rectifications/${rid}/report`, {
        report: '已整改',
        version: 2,
      }),
      409,
      'report after refusal',
    );
  });

  test('XZ-12 another department and another jurisdiction do not see the contracts', async () => {
    const other = await as('xz.staff2');
    expectStatus(await other.request('GET', `/api/projects/${projectId}/contracts`), 404, 'other department');
    const sc = await as('sc.staff');
    expectStatus(await sc.request('GET', `/api/projects/${projectId}/contracts`), 404, 'other jurisdiction');
    expectStatus(
      await sc.request('POST', `/api/projects/${projectId}/contracts`, { ...CONTRACT, number: 'X-2' }),
      404,
      'other jurisdiction sign',
    );
  });
});
