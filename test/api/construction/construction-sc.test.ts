/**
 * SC (朔州市朔城区) after 立项, on a stored project with an injected clock: budget steps through the
 * funds routes, each with its data (SC-13); the contract signed on the Monday before the 国庆 week is due for filing on the
 * 调休 Saturday after it (SC-16: 5 working days), a "due soon" reminder goes out, and filing on that
 * Saturday meets it on time; completion opens the 6-month acceptance obligation (SC-20a), an
 * extension request refused and one granted move its due date (SC-20c), acceptance
 * with the SC-20b checklist meets it and opens the 30-working-day report filing (SC-21), met by
 * filing the report.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runSweep } from '../../../src/obligations/index.ts';
import { establishedSc, scBudgetThroughFunds } from '../../factories/funds.ts';
import { decide, expectStatus, Sessions, setupProjects, upload } from '../../factories/projects.ts';
import { login, type Session, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  ctx.clock.set('2026-09-28T02:00:00.000Z');
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const obligationsOf = async (s: Session, projectId: string) =>
  (await s.request('GET', `/api/obligations?projectId=${projectId}`)).json().items as {
    kind: string;
    state: string;
    dueDate: string | null;
    late: boolean;
    articles: string[];
    remainingWorkingDays: number | null;
  }[];

describe('SC: from contract signing to the acceptance report', () => {
  let projectId = '';
  test('SC-15/SC-16/SC-17/SC-18/SC-19/SC-20a/SC-20b/SC-21 contract filed on the 调休 Saturday after 国庆, acceptance within six months, report filed', async () => {
    const id = await establishedSc(ctx, sessions, {
      topic: '智慧教室',
      systemStatus: 'under_construction',
      findings: { interoperable: true },
    });
    projectId = id;
    const staff = await sessions.as('sc.staff');
    const systemId = (await staff.request('GET', `/api/projects/${id}`)).json().systems[0].systemId;
    // Budget after 立项 through the funds routes, each step with its data (SC-13): 财政评审中心
    // reviews, 政务信息管理局 publicizes, 财政局 arranges the funds. No bare decision.
    const bare = await decide(await sessions.as('sc.finance'), id, 'sc.budget.review');
    expectStatus(bare, 409, 'bare budget decision');
    assert.equal(bare.json().code, 'RECORDED_BY_MODULE');
    await scBudgetThroughFunds(ctx, sessions, id);

    // SC-15: the contract step asks for the named project owner (项目责任人).
    const contract = {
      number: 'SCJK-2026-07',
      procurementMethod: 'competitive_consultation',
      procurementResult: '朔州智联信息技术有限公司成交',
      contractorName: '朔州智联信息技术有限公司',
      amount: '860000',
      signedOn: '2026-09-28',
      ownershipClause: false,
      deliverables: [],
    };
    const noOwner = await staff.request('POST', `/api/projects/${id}/contracts`, contract);
    expectStatus(noOwner, 422, 'project owner');
    assert.equal(noOwner.json().article, 'SC-15');
    expectStatus(
      await upload(staff, id, 'project_owner', { stepId: 'sc.construction.contract' }),
      201,
      'owner',
    );
    const signed = await staff.request('POST', `/api/projects/${id}/contracts`, contract);
    expectStatus(signed, 201, 'sign');
    let list = await obligationsOf(staff, id);
    assert.equal(list.length, 1);
    assert.deepEqual(list[0].articles, ['SC-16']);
    // 29, 30 Sep; 1–7 Oct 国庆; 8, 9 Oct; Saturday 10 Oct is a make-up working day.
    assert.equal(list[0].dueDate, '2026-10-10');
    // 待办 reads the same stored due date (issue 17: from the obligations table, not re-derived).
    const filingTask = (await staff.request('GET', '/api/tasks'))
      .json()
      .items.find(
        (t: { projectId: string; stepId: string }) =>
          t.projectId === id && t.stepId === 'sc.construction.contract_filing',
      );
    assert.ok(filingTask, 'the filing task is in 待办');
    assert.equal(filingTask.dueDate, '2026-10-10');
    assert.deepEqual(filingTask.deadlineArticles, ['SC-16']);
    assert.equal(filingTask.overdue, false);

    ctx.clock.set('2026-10-09T02:00:00.000Z');
    const sweep = await runSweep(ctx.deps);
    assert.equal(sweep.reminders, 1);
    const me = await login(ctx, 'sc.staff');
    const notes = (await me.request('GET', '/api/notifications')).json().items;
    assert.ok(
      notes.some((n: { kind: string }) => n.kind === 'obligation_before'),
      JSON.stringify(notes),
    );

    ctx.clock.set('2026-10-10T02:00:00.000Z');
    const s = await login(ctx, 'sc.staff');
    expectStatus(
      await upload(s, id, 'contract_text', { stepId: 'sc.construction.contract_filing' }),
      201,
      'text',
    );
    const c = (await s.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    const filed = await s.request('POST', `/api/projects/${id}/contracts/${c.id}/file`, {
      version: c.version,
    });
    expectStatus(filed, 200, 'file');
    assert.equal(filed.json().late, false);

    // SC-20a: acceptance within six months of completion.
    ctx.clock.set('2026-10-12T02:00:00.000Z');
    const s2 = await login(ctx, 'sc.staff');
    expectStatus(await decide(s2, id, 'sc.construction.build', { opinion: '项目建成' }), 200, 'built');
    list = await obligationsOf(s2, id);
    const acceptance = list.find((o) => o.kind === 'sc.deadline.acceptance');
    assert.ok(acceptance);
    assert.equal(acceptance.dueDate, '2027-04-12');
    assert.deepEqual(acceptance.articles, ['SC-20a']);
    // SC-20c: the department asks the authority for a later acceptance date; a refusal leaves the
    // due date, a grant moves it (state extended, the old date kept as history).
    const extUrl = `/api/projects/${id}/acceptance-extensions`;
    const ask = (until: string) =>
      s2.request('POST', extUrl, {
        deadlineId: 'sc.deadline.acceptance',
        until,
        reason: '等保测评机构排期延后',
      });
    const first = await ask('2027-06-30');
    expectStatus(first, 201, 'extension request');
    expectStatus(await ask('2027-07-30'), 409, 'second while pending');
    expectStatus(
      await (await login(ctx, 'xz.cityreviewer')).request('GET', extUrl),
      404,
      'another jurisdiction',
    );
    const authority = await login(ctx, 'sc.reviewer');
    expectStatus(
      await s2.request('POST', `${extUrl}/${first.json().id}/decision`, {
        decision: 'grant',
        note: '',
        version: 1,
      }),
      403,
      'the department decides its own request',
    );
    const noReason = await authority.request('POST', `${extUrl}/${first.json().id}/decision`, {
      decision: 'refuse',
      note: ' ',
      version: 1,
    });
    expectStatus(noReason, 400, 'refusal without reason');
    assert.equal(noReason.json().field, 'note');
    const refusedExt = await authority.request('POST', `${extUrl}/${first.json().id}/decision`, {
      decision: 'refuse',
      note: '理由不充分，请按期组织验收',
      version: 1,
    });
    expectStatus(refusedExt, 200, 'refused');
    assert.equal(refusedExt.json().dueDate, '2027-04-12');
    // A minute later: the requests are listed in time order; two of one instant have no defined order.
    ctx.clock.advance(60_000);
    const second = await ask('2027-05-31');
    expectStatus(second, 201, 'second request');
    const granted = await authority.request('POST', `${extUrl}/${second.json().id}/decision`, {
      decision: 'grant',
      note: '同意延期',
      version: 1,
    });
    expectStatus(granted, 200, 'granted');
    assert.equal(granted.json().dueDate, '2027-05-31');
    const extView = (await s2.request('GET', extUrl)).json();
    const acc = extView.deadlines.find(
      (d: { deadlineId: string }) => d.deadlineId === 'sc.deadline.acceptance',
    );
    assert.deepEqual(acc.articles, ['SC-20c']);
    assert.equal(acc.decidedByName, '区政务信息管理局');
    assert.equal(acc.obligation.state, 'extended');
    assert.equal(acc.obligation.dueDate, '2027-05-31');
    assert.equal(acc.obligation.extendedFrom, '2027-04-12');
    assert.deepEqual(
      extView.items.map((x: { state: string; dueDateBefore: string }) => [x.state, x.dueDateBefore]),
      [
        ['refused', '2027-04-12'],
        ['granted', '2027-04-12'],
      ],
    );
    list = await obligationsOf(s2, id);
    assert.equal(list.find((o) => o.kind === 'sc.deadline.acceptance')?.dueDate, '2027-05-31');

    // SC-20b: the acceptance checklist is the step's materials.
    const early = await decide(s2, id, 'sc.acceptance.accept', { opinion: '验收' });
    expectStatus(early, 422, 'checklist');
    assert.equal(early.json().code, 'MATERIALS_MISSING');
    for (const code of [
      'construction_summary',
      'financial_report',
      'audit_report',
      'security_assessment_report',
      'crypto_assessment_report',
      'resource_catalog_registration',
      'security_controllability',
    ]) {
      expectStatus(await upload(s2, id, code, { stepId: 'sc.acceptance.accept' }), 201, code);
    }
    expectStatus(await decide(s2, id, 'sc.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');
    // The system the project builds is in operation in the catalog once the project passes acceptance.
    const system = (await s2.request('GET', `/api/catalog/systems/${systemId}`)).json();
    assert.equal(system.system.status, 'in_operation');
    list = await obligationsOf(s2, id);
    const report = list.find((o) => o.kind === 'sc.deadline.acceptance_report');
    assert.ok(report);
    assert.deepEqual(report.articles, ['SC-21']);
    assert.equal(report.state, 'open');
    expectStatus(
      await upload(s2, id, 'acceptance_report', { stepId: 'sc.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(await decide(s2, id, 'sc.acceptance.report_filing', { opinion: '报备' }), 200, 'filed');
    list = await obligationsOf(s2, id);
    assert.deepEqual(list.map((o) => `${o.kind}:${o.state}:${o.late}`).sort(), [
      'sc.deadline.acceptance:met:false',
      'sc.deadline.acceptance_report:met:false',
      'sc.deadline.contract_filing:met:false',
    ]);
  });

  test('SC-23 a refused rectification sets the gate facts, closes the funding gates and shows on the supervision board', async () => {
    const id = projectId;
    const reviewer = await login(ctx, 'sc.reviewer');
    const staff = await login(ctx, 'sc.staff');
    const before = (await reviewer.request('GET', `/api/projects/${id}/rectifications`)).json();
    const gate = (g: { gateId: string }) => g.gateId === 'sc.gate.rectification';
    assert.equal(before.fundsGates.find(gate).passed, true);

    expectStatus(
      await staff.request('POST', `/api/projects/${id}/rectifications`, {
        problemKind: 'serious_delay',
        description: '自行下令整改',
        workingDays: 10,
      }),
      403,
      'a department cannot order',
    );
    const other = await login(ctx, 'xz.cityreviewer');
    expectStatus(
      await other.request('POST', `/api/projects/${id}/rectifications`, {
        problemKind: 'serious_delay',
        description: '越权',
        workingDays: 10,
      }),
      404,
      'another jurisdiction',
    );
    const ordered = await reviewer.request('POST', `/api/projects/${id}/rectifications`, {
      problemKind: 'unauthorised_change',
      description: '擅自将移动端建设内容调整为大屏展示，未报批',
      workingDays: 10,
    });
    expectStatus(ordered, 201, 'order');
    const rid = ordered.json().id;
    let view = (await staff.request('GET', `/api/projects/${id}/rectifications`)).json();
    assert.equal(view.items[0].state, 'ordered');
    assert.equal(view.items[0].problemKindName, '擅自调整建设内容');
    const obligation = (
      await staff.request('GET', `/api/obligations?projectId=${id}&kind=rectification`)
    ).json();
    assert.equal(obligation.total, 1);
    assert.deepEqual(obligation.items[0].articles, ['SC-23']);
    assert.equal(obligation.items[0].remainingWorkingDays, 10);

    const tooEarly = await reviewer.request('POST', `/api/projects/${id}/rectifications/${rid}/decision`, {
      outcome: 'rectified',
      note: '',
      version: 1,
    });
    expectStatus(tooEarly, 409, 'nothing reported yet');
    const noReason = await reviewer.request('POST', `/api/projects/${id}/rectifications/${rid}/decision`, {
      outcome: 'refused',
      note: ' ',
      version: 1,
    });
    expectStatus(noReason, 400, 'reason');
    assert.equal(noReason.json().field, 'note');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/rectifications/${rid}/decision`, {
        outcome: 'refused',
        note: '经两次督促仍未整改',
        version: 1,
      }),
      200,
      'refused',
    );
    view = (await staff.request('GET', `/api/projects/${id}/rectifications`)).json();
    assert.equal(view.items[0].state, 'refused');
    const closed = view.fundsGates.find(gate);
    assert.equal(closed.passed, false);
    assert.equal(closed.article, 'SC-23');
    assert.ok(
      view.fundsGates.some(
        (g: { action: string; passed: boolean }) => g.action === 'disburse_om' && !g.passed,
      ),
    );
    const late = await staff.request('POST', `/api/projects/${id}/rectifications/${rid}/report`, {
      report: '已整改',
      version: 2,
    });
    expectStatus(late, 409, 'report after refusal');

    // The time limit runs out: the sweep marks it overdue and the board shows it by department.
    ctx.clock.set('2026-10-27T02:00:00.000Z');
    await runSweep(ctx.deps);
    const board = (
      await (await login(ctx, 'sc.reviewer')).request('GET', '/api/obligations/board?kind=rectification')
    ).json();
    assert.deepEqual(
      board.rows.map((r: { holderName: string; overdue: number }) => [r.holderName, r.overdue]),
      [['朔城区教育科技局', 1]],
    );
  });
});
