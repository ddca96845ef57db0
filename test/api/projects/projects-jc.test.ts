/**
 * JC (晋城市城区): a district unit's standalone big-data project. Plan entry → application → 区政府
 * 常务会 decision (with its decision record, JC-05-1) → 区行政审批服务管理局 立项备案. 立项备案 before
 * the executive meeting is refused with JC-05-1; the meeting returns the project once and it is resubmitted.
 * The 立项备案 body records findings (认定) with reasons: a conflict with the sharing policy, disguised
 * packaging, a standalone big-data project, a project outside the budget, and overruling "一般不予立项".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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

  test('JC-05-1/JC-05-2 the 立项备案 body records findings and overrides declarations with reasons, so every 立项 gate both blocks and passes', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'jc.reviewer',
      'jc.gov',
      '城区教育局',
      '教育资源共享平台',
    );
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
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['jc.filing_approval.establishment']);
    const approver = await sessions.as('jc.approver');
    const find = (fact: string, value: boolean | null, reason: string) =>
      approver.request('PUT', `/api/projects/${id}/steps/jc.filing_approval.establishment/findings`, {
        fact,
        value,
        reason,
      });
    const establish = () =>
      decide(approver, id, 'jc.filing_approval.establishment', { opinion: '予以立项备案' });

    const offered = (await approver.request('GET', `/api/projects/${id}`))
      .json()
      .workflow.openSteps[0].findings.map((f: { fact: string }) => f.fact);
    assert.ok(
      offered.includes('conflictsWithSharingPolicy') && offered.includes('financeGuaranteeOverruled'),
    );
    // Only the step's actor records findings; the applicant cannot, nor can an unknown fact be found.
    const byApplicant = await staff.request(
      'PUT',
      `/api/projects/${id}/steps/jc.filing_approval.establishment/findings`,
      { fact: 'inDistrictBudget', value: true, reason: '已纳入预算' },
    );
    expectStatus(byApplicant, 403, 'applicant');
    expectStatus(await find('onCloud', true, '已上云'), 400, 'fact not offered by the step');

    // 五.1 与共享和集约化政策相违背的，不予立项: blocks, and passes once the finding is reversed.
    expectStatus(await find('conflictsWithSharingPolicy', true, '与市级教育平台重复建设'), 200, 'conflict');
    const conflict = await establish();
    expectStatus(conflict, 422, 'conflict blocks');
    assert.equal(conflict.json().article, 'JC-05-1');
    assert.match(conflict.json().message, /相违背/);
    expectStatus(
      await find('conflictsWithSharingPolicy', false, '经核实已改为调用市级平台接口'),
      200,
      'cleared',
    );

    // 五.1 不得变相包装: blocks until the finding is withdrawn.
    expectStatus(await find('packagedInOtherProject', true, '纳入校舍改造项目建设'), 200, 'packaging');
    const packaged = await establish();
    expectStatus(packaged, 422, 'packaging blocks');
    assert.match(packaged.json().message, /变相包装/);
    expectStatus(await find('packagedInOtherProject', null, '已单独立项申报'), 200, 'withdrawn');

    // 五.1 区政府常务会: the applicant declared no standalone big-data project; the body finds otherwise.
    const standalone = await find('isStandaloneBigData', true, '区级单位单独建设政务大数据项目');
    expectStatus(standalone, 200, 'standalone');
    assert.deepEqual(openStepIds(standalone.json()), ['jc.review.executive_meeting']);
    const meeting = await sessions.as('jc.gov');
    expectStatus(
      await upload(meeting, id, 'executive_meeting_approval', { stepId: 'jc.review.executive_meeting' }),
      201,
      'decision record',
    );
    const consent = await decide(meeting, id, 'jc.review.executive_meeting', {
      outcome: 'consent_given',
      opinion: '区政府常务会议研究同意',
    });
    expectStatus(consent, 200, 'meeting');
    assert.deepEqual(openStepIds(consent.json()), ['jc.filing_approval.establishment']);

    // 五.2: the declared budget is overridden; finance records a negative guarantee opinion.
    const noBudget = await find('inDistrictBudget', false, '经核对未纳入本年度区级财政预算');
    expectStatus(noBudget, 200, 'budget');
    assert.deepEqual(openStepIds(noBudget.json()), ['jc.review.finance_opinion']);
    const finance = await decide(await sessions.as('jc.finance'), id, 'jc.review.finance_opinion', {
      outcome: 'finance_guarantee_refused',
      opinion: '本年度无可调剂资金，不予资金保障',
    });
    expectStatus(finance, 200, 'finance');
    assert.deepEqual(openStepIds(finance.json()), ['jc.filing_approval.establishment']);
    const unfunded = await establish();
    expectStatus(unfunded, 422, 'no guarantee');
    assert.equal(unfunded.json().article, 'JC-05-2');
    assert.match(unfunded.json().message, /一般不予立项/);

    // "一般不予立项" is not absolute: the body overrules it with a recorded reason.
    expectStatus(
      await find('financeGuaranteeOverruled', true, '区委常委会确定的重点民生项目，资金由下年度预算安排'),
      200,
      'overrule',
    );
    const established = await establish();
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');
    const timeline = (await approver.request('GET', `/api/projects/${id}/timeline`)).json().items as {
      kind: string;
      opinion: string | null;
      signed: boolean;
    }[];
    const findings = timeline.filter((a) => a.kind === 'finding');
    assert.equal(findings.length, 7);
    assert.ok(findings.every((f) => f.signed && (f.opinion ?? '').length > 0));
  });
});
