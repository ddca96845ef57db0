/**
 * XZ (忻州市交通运输局): the 项目使用单位 drafts, the 数据中心 prepares and submits (XZ-07), the 数据中心
 * reviews the five dimensions, 局党组 consents, the city's 市政务信息管理局 reviews (and can refuse),
 * 市政府 consents and the 市政务信息管理局 批复立项 (第七条, 第十条, 第十一条 read together) — bodies of
 * the parent jurisdiction acting because the XZ rulebook names them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  openStepIds,
  Sessions,
  setupProjects,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('XZ: from plan to 立项', () => {
  test('XZ-06/XZ-07/XZ-10a 数据中心 review → 局党组 consent → 市政务信息管理局 review → 市政府 consent → 市政务信息管理局 批复立项, with a 退回 and a gate refusal', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'xz.reviewer',
      ['xz.party', 'xz.cityreviewer'],
      '忻州市公路事业发展中心',
      '公路养护巡检系统',
    );
    const { username } = await extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心');
    const dataCenter = await sessions.as(username, EXTRA_PASSWORD);
    const staff = await sessions.as('xz.staff');
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id } = await draftProject(staff, {
      name: '公路养护巡检系统升级项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(staff, id);

    // The requesting unit cannot submit: the XZ rulebook makes the 数据中心 prepare the application.
    const notMine = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(notMine, 403, 'user unit submit');
    assert.equal(notMine.json().code, 'STEP_ACTOR_MISMATCH');
    assert.equal(notMine.json().article, 'XZ-08a');

    const submitted = await dataCenter.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['xz.review.data_center']);

    const reviewer = await sessions.as('xz.reviewer');
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

    // 局党组 sends it back to the applicant; the resubmission returns straight to 局党组.
    const party = await sessions.as('xz.party');
    expectStatus(
      await party.request('POST', `/api/projects/${id}/steps/xz.review.party_consent/return`, {
        to: 'applicant',
        reason: '请补充投资概算明细',
      }),
      200,
      'return',
    );
    const again = await dataCenter.request('POST', `/api/projects/${id}/submit`);
    expectStatus(again, 200, 'resubmit');
    assert.deepEqual(openStepIds(again.json()), ['xz.review.party_consent']);
    expectStatus(
      await decide(party, id, 'xz.review.party_consent', {
        outcome: 'consent_given',
        opinion: '局党组会议同意',
      }),
      200,
      'party',
    );

    // The city bodies see the bureau's project (parent jurisdiction, named by the rulebook).
    const cityReviewer = await sessions.as('xz.cityreviewer');
    const listed = (await cityReviewer.request('GET', '/api/projects')).json().items;
    assert.ok(listed.some((p: { id: string }) => p.id === id));

    // 市政府 cannot act before the city review: its step is not open yet.
    const cityGov = await sessions.as('xz.citygov');
    const early = await decide(cityGov, id, 'xz.review.city_government', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(early, 409, 'early');

    expectStatus(
      await decide(cityReviewer, id, 'xz.review.city_review', { opinion: '审查通过' }),
      200,
      'city review',
    );
    // 市政府 consents; it does not establish the project itself (old behaviour, wrong per 第七条/第十一条).
    const approver = await sessions.as('xz.cityapprover');
    const consent = await decide(cityGov, id, 'xz.review.city_government', {
      outcome: 'consent_given',
      opinion: '市政府同意',
    });
    expectStatus(consent, 200, 'city government');
    assert.deepEqual(openStepIds(consent.json()), ['xz.filing_approval.establishment']);
    const govTries = await decide(cityGov, id, 'xz.filing_approval.establishment', { opinion: '同意立项' });
    expectStatus(govTries, 403, 'government cannot establish');
    const established = await decide(approver, id, 'xz.filing_approval.establishment', {
      opinion: '批复立项',
    });
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');
  });

  test('XZ-10a the 市政务信息管理局 review can refuse a project: the chain ends there', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'xz.reviewer',
      ['xz.party', 'xz.cityreviewer'],
      '忻州市公路事业发展中心',
      '治超信息系统',
    );
    const dataCenter = await sessions.as('xz.dcstaff');
    const staff = await sessions.as('xz.staff');
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id } = await draftProject(staff, {
      name: '治超信息系统升级项目',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    await uploadMissing(staff, id);
    expectStatus(await dataCenter.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const reviewer = await sessions.as('xz.reviewer');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'xz.review.data_center'), 200, 'data center');
    expectStatus(
      await decide(await sessions.as('xz.party'), id, 'xz.review.party_consent', {
        outcome: 'consent_given',
        opinion: '同意',
      }),
      200,
      'party',
    );
    const cityReviewer = await sessions.as('xz.cityreviewer');
    const noReason = await decide(cityReviewer, id, 'xz.review.city_review', {
      outcome: 'filing_refused',
      opinion: '',
    });
    expectStatus(noReason, 400, 'refusal without reason');
    const refusedAtCity = await decide(cityReviewer, id, 'xz.review.city_review', {
      outcome: 'filing_refused',
      opinion: '与全市政务信息化应用规划重复建设，审查不予通过',
    });
    expectStatus(refusedAtCity, 200, 'city refusal');
    assert.equal(refusedAtCity.json().state, 'refused');
    assert.deepEqual(openStepIds(refusedAtCity.json()), []);
    const late = await decide(await sessions.as('xz.citygov'), id, 'xz.review.city_government', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(late, 409, 'nothing after a refusal');
  });
});
