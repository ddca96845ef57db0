/**
 * Progress reports and adjustment applications (调整申请) on stored projects, with an injected clock
 * (issue 12), where the jurisdictions differ: JC — approval first, then the 综合评估 with
 * departments or experts (五.5); XZ — the 数据中心 reports and the 市政务信息管理局 evaluates and
 * decides; DT — the department reports and the authority evaluates and decides. Wrong actors and
 * own applications are refused with the article. SC: progress.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { establishedDt } from '../../factories/funds.ts';
import { establishedXzProject } from '../../factories/funds-xz.ts';
import { BASELINE, CHANGE, progress, REPORT } from '../../factories/progress.ts';
import {
  approvedPlanEntry,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  ProjectFixtures,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  // Early November 2026: the 2026-10 report period has begun (the SC tests in progress.test.ts get
  // there from late September).
  ctx.clock.set('2026-11-09T02:00:00.000Z');
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('JC: approval first, then the 综合评估 with departments or experts', () => {
  test('JC-05-5 the 区行政审批服务管理局 approves the application, then the 实施单位 evaluates it with named departments or experts; nobody evaluates their own', async () => {
    const entryId = await approvedPlanEntry(sessions, 'jc.reviewer', 'jc.gov', '城区教育局', '教育资源共享');
    const staff = await sessions.as('jc.staff');
    const { id } = await draftProject(staff, {
      name: '城区教育资源共享平台项目',
      planEntryId: entryId,
      budgetByYear: [],
      declarations: {
        interoperable: true,
        isStandaloneBigData: false,
        higherLevelCoBuild: false,
        inDistrictBudget: true,
      },
    });
    await uploadMissing(staff, id);
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const approver = await sessions.as('jc.approver');
    expectStatus(
      await decide(approver, id, 'jc.filing_approval.establishment', { opinion: '予以立项备案' }),
      200,
      '立项备案',
    );
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    const view = await progress(staff, id);
    assert.equal(view.rules.changeOrder, 'decide_then_evaluate');
    // JC's text asks for no periodic report: no report obligations.
    assert.deepEqual(view.periods, []);

    const created = await staff.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const leader = await sessions.as('jc.leader');
    const early = await leader.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
      opinion: '综合评估',
      participants: '区教育局、区大数据中心',
      version: 1,
    });
    expectStatus(early, 422, 'evaluation before approval');
    assert.equal(early.json().code, 'CHANGE_NOT_APPROVED');
    assert.equal(early.json().article, 'JC-05-5');

    const approved = await approver.request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      {
        decision: 'approved',
        opinion: '同意调整',
        version: 1,
      },
    );
    expectStatus(approved, 200, 'approve');
    assert.equal(approved.json().baselineVersion, 2);

    const own = await staff.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
      opinion: '自评',
      participants: '区教育局',
      version: 2,
    });
    expectStatus(own, 403, 'own application');
    assert.equal(own.json().code, 'OWN_REQUEST');
    assert.equal(own.json().article, 'JC-05-5');
    const noParticipants = await leader.request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/evaluate`,
      { opinion: '综合评估', participants: ' ', version: 2 },
    );
    expectStatus(noParticipants, 422, 'participants');
    assert.equal(noParticipants.json().article, 'JC-05-5');
    expectStatus(
      await leader.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '经综合评估，变更可行。',
        participants: '区教育局、区行政审批服务管理局、技术专家吕教授',
        version: 2,
      }),
      200,
      'evaluate',
    );
    const done = await progress(staff, id);
    assert.equal(done.changes[0].state, 'completed');
    assert.equal(done.currentBaselineVersion, 2);
  });
});

describe('XZ and DT: the reporter and the deciding authority come from the rulebook', () => {
  test('XZ-16 the 数据中心 reports progress and applies; the 市政务信息管理局 evaluates and then decides', async () => {
    const dataCenterUser = (await extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心')).username;
    const id = await establishedXzProject(ctx, sessions, dataCenterUser);
    const staff = await sessions.as('xz.staff');
    const dataCenter = await sessions.as(dataCenterUser, EXTRA_PASSWORD);
    const reviewer = await sessions.as('xz.reviewer');

    // 第十六条: the 数据中心 reports, not the 公路事业发展中心.
    const byOwner = await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE);
    expectStatus(byOwner, 403, 'owner department');
    assert.equal(byOwner.json().article, 'XZ-16');
    expectStatus(
      await dataCenter.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    expectStatus(
      await dataCenter.request('POST', `/api/projects/${id}/progress/reports`, REPORT),
      201,
      'report',
    );
    const created = await dataCenter.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const city = await sessions.as('xz.cityreviewer');
    const view = await progress(city, id);
    assert.equal(view.rules.deciderName, '市政务信息管理局');
    assert.equal(view.can.evaluate, true);
    // The 交通运输局's own reviewer is not the 市政务信息管理局.
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '同意',
        participants: '',
        version: 1,
      }),
      403,
      'bureau reviewer',
    );
    expectStatus(
      await city.request('POST', `/api/projects/${id}/change-requests/${requestId}/evaluate`, {
        opinion: '综合评估：同意调整',
        participants: '',
        version: 1,
      }),
      200,
      'evaluate',
    );
    const decided = await (await sessions.as('xz.cityapprover')).request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      { decision: 'rejected', opinion: '投资调增依据不足，不同意调整。', version: 2 },
    );
    expectStatus(decided, 200, 'reject');
    assert.equal(decided.json().baselineVersion, null);
    const after = await progress(city, id);
    assert.equal(after.changes[0].state, 'rejected');
    assert.equal(after.currentBaselineVersion, 1);
    assert.equal(after.reports[0].variance.costVariancePercent, -25);
  });

  test('DT-20/DT-21 the department reports progress; the authority evaluates the application and its leader approves it', async () => {
    const fixtures = new ProjectFixtures(ctx, sessions);
    const id = await establishedDt(fixtures, sessions);
    const staff = await sessions.as('dt.staff');
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/progress/baseline`, BASELINE),
      201,
      'baseline',
    );
    expectStatus(await staff.request('POST', `/api/projects/${id}/progress/reports`, REPORT), 201, 'report');
    const created = await staff.request('POST', `/api/projects/${id}/change-requests`, CHANGE);
    expectStatus(created, 201, 'request');
    const requestId = created.json().id;
    const early = await (await sessions.as('dt.authlead')).request(
      'POST',
      `/api/projects/${id}/change-requests/${requestId}/decision`,
      { decision: 'approved', opinion: '同意', version: 1 },
    );
    expectStatus(early, 422, 'before evaluation');
    assert.equal(early.json().article, 'DT-21');
    expectStatus(
      await (await sessions.as('dt.reviewer')).request(
        'POST',
        `/api/projects/${id}/change-requests/${requestId}/evaluate`,
        { opinion: '综合评估：同意', participants: '', version: 1 },
      ),
      200,
      'evaluate',
    );
    expectStatus(
      await (await sessions.as('dt.authlead')).request(
        'POST',
        `/api/projects/${id}/change-requests/${requestId}/decision`,
        { decision: 'approved', opinion: '同意调整', version: 2 },
      ),
      200,
      'approve',
    );
    const view = await progress(staff, id);
    assert.equal(view.currentBaselineVersion, 2);
    assert.equal(view.reports[0].variance.costVariance, '0.00');
  });
});
