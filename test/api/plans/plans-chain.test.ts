/**
 * Plans filed upward (issue 10 item 11), on stored plans and projects: the chain comes from the
 * rulebook (`Rulebook.planning`). XZ 第六条: 局党组同意 → 市政务信息管理局审查备案 (it may refuse or
 * return); until the whole chain is through, a project in the plan is unplanned and takes the 前置审查
 * of 第十条. DT 第八条: a county plan 征求本级政务信息化主管部门意见 → 报市政务信息化主管部门备案.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  openStepIds,
  organisationId,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
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

async function submittedPlan(compiler: Session, departmentName: string, projectName: string) {
  const created = await compiler.request('POST', '/api/plans', {
    kind: 'annual',
    title: `${projectName}年度计划`,
    year: 2026,
    summary: '',
  });
  expectStatus(created, 201, 'plan');
  const planId: string = created.json().id;
  const entry = await compiler.request('POST', `/api/plans/${planId}/entries`, {
    organisationId: await organisationId(compiler, departmentName),
    projectName,
    estimatedBudget: '800000',
    year: 2026,
    summary: '',
  });
  expectStatus(entry, 201, 'entry');
  const submitted = await compiler.request('POST', `/api/plans/${planId}/submit`);
  expectStatus(submitted, 200, 'submit');
  return { planId, entryId: entry.json().entries.at(-1).id as string, submitted: submitted.json() };
}

const decidePlan = (s: Session, planId: string, decision: string, opinion = '同意') =>
  s.request('POST', `/api/plans/${planId}/decision`, { decision, opinion });

describe('plans filed upward', () => {
  test('XZ-06/XZ-10b 局党组同意 → 市政务信息管理局审查备案: until the chain is through, a project in the plan is unplanned and takes the city pre-review; afterwards it is planned', async () => {
    const compiler = await sessions.as('xz.reviewer');
    const { planId, entryId, submitted } = await submittedPlan(
      compiler,
      '忻州市公路事业发展中心',
      '桥梁监测系统',
    );
    assert.equal(submitted.currentStep, 'xz.plan_chain.party_group');
    assert.deepEqual(
      submitted.chain.steps.map((s: { name: string; state: string }) => [s.name, s.state]),
      [
        ['局党组同意', 'pending'],
        ['市政务信息管理局审查备案', 'waiting'],
      ],
    );
    const cityReviewer = await sessions.as('xz.cityreviewer');
    // The city authority sees the submitted plan, but the 局党组 decides first.
    const early = await decidePlan(cityReviewer, planId, 'approve');
    expectStatus(early, 403, 'city authority before the party group');
    assert.equal(early.json().code, 'NOT_PLAN_DECIDER');
    assert.equal(early.json().article, 'XZ-06');
    // The compiler's colleagues at the 数据中心 cannot approve it either.
    expectStatus(await decidePlan(await sessions.as('xz.authlead'), planId, 'approve'), 403, 'data center');
    const party = await sessions.as('xz.party');
    const refusedByParty = await decidePlan(party, planId, 'refuse', '不同意');
    expectStatus(refusedByParty, 400, 'the party group step cannot refuse');
    assert.equal(refusedByParty.json().code, 'PLAN_REFUSAL_NOT_ALLOWED');
    const consented = await decidePlan(party, planId, 'approve', '局党组会议同意');
    expectStatus(consented, 200, 'party group');
    assert.equal(consented.json().status, 'submitted');
    assert.equal(consented.json().currentStep, 'xz.plan_chain.city_filing');
    // Not yet approved: the entry is not offered for linking.
    const staff = await sessions.as('xz.staff');
    const linkable = (await staff.request('GET', '/api/plan-entries')).json().items;
    assert.ok(!linkable.some((e: { id: string }) => e.id === entryId));

    // A project on the entry while the plan is still with the city authority is unplanned (第十条 前置审查).
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id, body } = await draftProject(staff, {
      name: '桥梁监测系统建设项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    assert.equal(body.planned, false);
    await uploadMissing(staff, id);
    expectStatus(
      await (await sessions.as('xz.dcstaff')).request('POST', `/api/projects/${id}/submit`),
      200,
      'submit',
    );
    expectStatus(
      await compiler.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(compiler, id, 'xz.review.data_center'), 200, 'data center review');
    const partyConsent = await decide(party, id, 'xz.review.party_consent', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(partyConsent, 200, 'party consent');
    assert.deepEqual(openStepIds(partyConsent.json()), ['xz.review.city_pre_review']);
    const listedRes = await staff.request('GET', '/api/projects?mine=true');
    expectStatus(listedRes, 200, 'list');
    const listed = listedRes.json().items;
    assert.equal(listed.find((p: { id: string }) => p.id === id).planned, false);

    // The 市政务信息管理局 files the plan: the chain is through, the plan is approved.
    const filed = await decidePlan(cityReviewer, planId, 'approve', '审查通过，予以备案');
    expectStatus(filed, 200, 'city filing');
    assert.equal(filed.json().status, 'approved');
    assert.equal(filed.json().currentStep, null);
    assert.deepEqual(
      filed
        .json()
        .chain.decisions.map((d: { stepName: string; decisionName: string }) => [d.stepName, d.decisionName]),
      [
        ['局党组同意', '同意'],
        ['市政务信息管理局审查备案', '同意'],
      ],
    );
    expectStatus(await decidePlan(cityReviewer, planId, 'approve'), 409, 'already decided');
    const after = (await staff.request('GET', `/api/projects/${id}`)).json();
    assert.equal(after.planned, true);
    assert.deepEqual(openStepIds(after), ['xz.review.city_review']);
    const listedAfter = (await staff.request('GET', '/api/projects?mine=true')).json().items;
    assert.equal(listedAfter.find((p: { id: string }) => p.id === id).planned, true);
    assert.ok(
      (await staff.request('GET', '/api/plan-entries'))
        .json()
        .items.some((e: { id: string }) => e.id === entryId),
    );
  });

  test('XZ-06 the 市政务信息管理局 can return the plan (the chain starts again) or refuse it (the plan ends there)', async () => {
    const compiler = await sessions.as('xz.reviewer');
    const party = await sessions.as('xz.party');
    const cityReviewer = await sessions.as('xz.cityreviewer');
    const { planId } = await submittedPlan(compiler, '忻州市道路运输服务中心', '运政执法系统');
    expectStatus(await decidePlan(party, planId, 'approve'), 200, 'party group');
    const noReason = await decidePlan(cityReviewer, planId, 'return', ' ');
    expectStatus(noReason, 400, 'return without a reason');
    assert.equal(noReason.json().code, 'REASON_REQUIRED');
    const returned = await decidePlan(cityReviewer, planId, 'return', '与全市规划衔接不足');
    expectStatus(returned, 200, 'return');
    assert.equal(returned.json().status, 'returned');
    const again = await compiler.request('POST', `/api/plans/${planId}/submit`);
    expectStatus(again, 200, 'resubmit');
    assert.equal(again.json().currentStep, 'xz.plan_chain.party_group');
    expectStatus(await decidePlan(party, planId, 'approve'), 200, 'party group again');
    const refused = await decidePlan(cityReviewer, planId, 'refuse', '重复建设，审查不予通过');
    expectStatus(refused, 200, 'refuse');
    assert.equal(refused.json().status, 'refused');
    assert.equal(refused.json().statusName, '审查不予通过');
    expectStatus(
      await compiler.request('POST', `/api/plans/${planId}/submit`),
      409,
      'a refused plan is closed',
    );
  });

  test('DT-08 a county plan: 征求本级主管部门意见, then 报市政务信息化主管部门备案; each step only by its body, nobody on their own plan', async () => {
    const admin = await sessions.as('demo.sysadmin');
    const dt = (await admin.request('GET', '/api/jurisdictions'))
      .json()
      .items.find((j: { code: string }) => j.code === 'DT');
    const county = await admin.request('POST', '/api/jurisdictions', {
      code: 'DT-XR',
      name: '大同市新荣区',
      level: 'district',
      parentId: dt.id,
      rulebookCode: 'DT',
    });
    expectStatus(county, 201, 'county');
    for (const [name, kind] of [
      ['新荣区数字政府服务中心', 'authority'],
      ['新荣区教育科技局', 'department'],
    ]) {
      expectStatus(
        await admin.request('POST', '/api/organisations', {
          name,
          kind,
          parentId: null,
          jurisdictionId: county.json().id,
        }),
        201,
        name,
      );
    }
    const compiler = await sessions.as(
      (await extraUser(ctx, sessions, 'authority_reviewer', '新荣区数字政府服务中心')).username,
      EXTRA_PASSWORD,
    );
    const countyLeader = await sessions.as(
      (await extraUser(ctx, sessions, 'authority_leader', '新荣区数字政府服务中心')).username,
      EXTRA_PASSWORD,
    );
    const { planId, entryId, submitted } = await submittedPlan(
      compiler,
      '新荣区教育科技局',
      '新荣区智慧教育平台',
    );
    assert.equal(submitted.scope, 'jurisdiction');
    assert.deepEqual(
      submitted.chain.steps.map((s: { name: string; deciderName: string }) => [s.name, s.deciderName]),
      [
        ['征求本级政务信息化主管部门意见', '新荣区数字政府服务中心'],
        ['报市政务信息化主管部门备案', '大同市数字政府服务中心'],
      ],
    );
    // Nobody decides their own submission.
    const own = await decidePlan(compiler, planId, 'approve');
    expectStatus(own, 403, 'own plan');
    assert.equal(own.json().code, 'SELF_APPROVAL');
    // The city authority does not give the county's own opinion; the county government is no step here.
    const cityReviewer = await sessions.as('dt.reviewer');
    const wrongOrg = await decidePlan(cityReviewer, planId, 'approve');
    expectStatus(wrongOrg, 403, 'city authority on the county step');
    assert.equal(wrongOrg.json().code, 'NOT_PLAN_DECIDER');
    assert.equal(wrongOrg.json().article, 'DT-08');
    const opinion = await decidePlan(countyLeader, planId, 'approve', '同意，与全市规划衔接');
    expectStatus(opinion, 200, 'county authority opinion');
    assert.equal(opinion.json().currentStep, 'dt.plan_chain.city_filing');
    // The county authority cannot file its own plan with the city.
    expectStatus(await decidePlan(countyLeader, planId, 'approve'), 403, 'county on the city step');
    // 市人民政府 is no step of a county plan's chain (nor does it see the county's plan).
    expectStatus(await decidePlan(await sessions.as('dt.gov'), planId, 'approve'), 404, 'city government');
    const filed = await decidePlan(cityReviewer, planId, 'approve', '予以备案');
    expectStatus(filed, 200, 'city filing');
    assert.equal(filed.json().status, 'approved');
    // The county department may now link its project to the entry.
    const countyStaff = await sessions.as(
      (await extraUser(ctx, sessions, 'dept_staff', '新荣区教育科技局')).username,
      EXTRA_PASSWORD,
    );
    const linkable = (await countyStaff.request('GET', '/api/plan-entries')).json().items;
    assert.ok(linkable.some((e: { id: string }) => e.id === entryId));
  });
});
