/**
 * SC (朔州市朔城区): plan entry → 区直部门 application (可研 with the 信息资源共享分析篇, 初设, 资源目录,
 * 概算) → 区政务信息管理局 five-dimension review with an opinion on the sharing analysis (SC-09a) →
 * 区政务信息管理局 立项. One 退回 to the applicant and a resubmission; one refusal by the
 * interoperability gate (SC-11c) followed by a 退回 to the review.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  expectStatus,
  FIVE_OPINIONS,
  openStepIds,
  Sessions,
  setupProjects,
  upload,
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

describe('SC: from plan to 立项', () => {
  test('SC-07/SC-08a/SC-08b/SC-09a/SC-11a/SC-11c a planned project walks from plan entry to 立项 by 区政务信息管理局, with a 退回 and a gate refusal', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'sc.reviewer',
      'sc.gov',
      '朔城区教育科技局',
      '校园安全监管平台',
    );
    const staff = await sessions.as('sc.staff');
    const systemId = await catalogSystem(ctx, staff, 'SC', '朔城区教育科技局');
    const { id } = await draftProject(staff, {
      name: '校园安全监管平台建设项目',
      type: 'new',
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'builds' }],
    });
    const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
    const required = detail.applicationMaterials
      .filter((m: { required: boolean }) => m.required)
      .map((m: { code: string }) => m.code)
      .sort();
    assert.deepEqual(required, [
      'cost_estimate',
      'feasibility_study',
      'multi_year_budget',
      'preliminary_design',
      'resource_catalog',
      'sharing_analysis_chapter',
    ]);
    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['sc.review.assessment']);

    const reviewer = await sessions.as('sc.reviewer');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/steps/sc.review.assessment/return`, {
        to: 'applicant',
        reason: '可研报告未说明与市级平台的对接',
      }),
      200,
      'return',
    );
    const current = (await staff.request('GET', `/api/projects/${id}`)).json();
    assert.equal(current.state, 'returned');
    expectStatus(
      await staff.request('PATCH', `/api/projects/${id}`, {
        summary: '补充与市级平台的数据对接方案。',
        version: current.version,
      }),
      200,
      'update',
    );
    const resubmitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(resubmitted, 200, 'resubmit');
    assert.deepEqual(openStepIds(resubmitted.json()), ['sc.review.assessment']);

    // SC-09a: the review cannot complete without an opinion on the sharing analysis chapter.
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, {
        opinions: FIVE_OPINIONS,
        findings: { interoperable: false },
      }),
      200,
      'review',
    );
    const noSharing = await decide(reviewer, id, 'sc.review.assessment');
    expectStatus(noSharing, 422, 'no sharing opinion');
    assert.equal(noSharing.json().article, 'SC-09a');
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, {
        opinions: {},
        sharingAnalysisOpinion: '共享分析篇梳理了12类数据的共享方式，基本可行。',
      }),
      200,
      'sharing opinion',
    );
    expectStatus(
      await decide(reviewer, id, 'sc.review.assessment', { opinion: '审核完成' }),
      200,
      'assessment',
    );

    // The reviewer found the system cannot interoperate: 立项 is refused by the gate (SC-11c).
    const approver = await sessions.as('sc.approver');
    expectStatus(
      await upload(approver, id, 'approval_document', { stepId: 'sc.filing_approval.establishment' }),
      201,
      'doc',
    );
    const refused = await decide(approver, id, 'sc.filing_approval.establishment');
    expectStatus(refused, 422, 'gate');
    assert.equal(refused.json().code, 'GATE_BLOCKED');
    assert.equal(refused.json().article, 'SC-11c');

    // Back to the review, which corrects the finding; then 立项.
    expectStatus(
      await approver.request('POST', `/api/projects/${id}/steps/sc.filing_approval.establishment/return`, {
        to: 'previous',
        reason: '请核实互联互通能力',
      }),
      200,
      'return to review',
    );
    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, {
        opinions: {},
        findings: { interoperable: true },
      }),
      200,
      'fix finding',
    );
    expectStatus(
      await decide(reviewer, id, 'sc.review.assessment', { opinion: '复核完成' }),
      200,
      'assessment 2',
    );
    const established = await decide(approver, id, 'sc.filing_approval.establishment', {
      opinion: '同意立项',
    });
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');
  });
});
