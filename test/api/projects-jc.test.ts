/**
 * JC (晋城市城区): a district unit's standalone big-data project. Plan entry → application → 区政府
 * 常务会 decision (with its decision record, JC-05-1) → 区行政审批服务管理局 立项备案. 立项备案 before
 * the executive meeting is refused with JC-05-1; the meeting returns the project once and it is resubmitted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from '../helper.ts';
import {
  approvedPlanEntry,
  decide,
  draftProject,
  expectStatus,
  openStepIds,
  Sessions,
  setupProjects,
  upload,
  uploadMissing,
} from './projects-support.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('JC: from plan to 立项备案', () => {
  test('JC-04/JC-05-1 a standalone big-data project needs the 区政府常务会 decision record before 立项备案 by 区行政审批服务管理局', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'jc.reviewer',
      'jc.gov',
      '城区教育局',
      '教育数据资源中心',
    );
    const staff = await sessions.as('jc.staff');
    const { id } = await draftProject(staff, {
      name: '城区教育数据资源中心项目',
      type: 'new',
      category: 'data_resource',
      planEntryId: entryId,
      budgetByYear: [],
      declarations: {
        interoperable: true,
        isStandaloneBigData: true,
        higherLevelCoBuild: false,
        inDistrictBudget: true,
      },
    });
    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['jc.review.executive_meeting']);

    // 立项备案 before the executive meeting: refused by the gate, citing JC-05-1.
    const approver = await sessions.as('jc.approver');
    const early = await decide(approver, id, 'jc.filing_approval.establishment');
    expectStatus(early, 422, 'early');
    assert.equal(early.json().article, 'JC-05-1');
    assert.match(early.json().message, /区政府常务会/);

    // The executive meeting sends it back once; the department resubmits.
    const meeting = await sessions.as('jc.gov');
    expectStatus(
      await meeting.request('POST', `/api/projects/${id}/steps/jc.review.executive_meeting/return`, {
        to: 'applicant',
        reason: '请说明与市级大数据平台的关系',
      }),
      200,
      'return',
    );
    const current = (await staff.request('GET', `/api/projects/${id}`)).json();
    expectStatus(
      await staff.request('PATCH', `/api/projects/${id}`, {
        summary: '数据汇聚后同步至市级大数据平台，不重复建设。',
        version: current.version,
      }),
      200,
      'update',
    );
    const again = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(again, 200, 'resubmit');
    assert.deepEqual(openStepIds(again.json()), ['jc.review.executive_meeting']);

    expectStatus(
      await upload(meeting, id, 'executive_meeting_approval', { stepId: 'jc.review.executive_meeting' }),
      201,
      'decision record',
    );
    const consent = await decide(meeting, id, 'jc.review.executive_meeting', {
      outcome: 'consent_given',
      opinion: '区政府第12次常务会议研究同意',
    });
    expectStatus(consent, 200, 'consent');
    assert.deepEqual(openStepIds(consent.json()), ['jc.filing_approval.establishment']);

    const established = await decide(approver, id, 'jc.filing_approval.establishment', {
      opinion: '予以立项备案',
    });
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');
    const steps = established.json().workflow.steps;
    assert.equal(
      steps.find((s: { stepId: string }) => s.stepId === 'jc.review.finance_opinion').status,
      'skipped',
    );
  });
});
