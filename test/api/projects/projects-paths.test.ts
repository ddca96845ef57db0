/**
 * The extra steps the rulebooks add: an unplanned project goes through 前置审查 and the government's
 * approval first (DT-12b, SC-11b, XZ-10b); a new dedicated network needs its legal basis and the
 * named body's consent (DT-12d, XZ-10b).
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

describe('unplanned projects and dedicated networks', () => {
  test('DT-12b an unplanned project passes 前置审查 and 市人民政府 approval before the five-dimension review', async () => {
    const staff = await sessions.as('dt.staff');
    const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
    const { id, body } = await draftProject(staff, {
      systems: [{ systemId, name: null, relation: 'changes' }],
    });
    assert.equal(body.planned, false);
    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['dt.review.pre_review']);

    // Filing is refused until the pre-review and the city government's approval (DT-12b).
    const leader = await sessions.as('dt.authlead');
    const early = await decide(leader, id, 'dt.review.filing');
    expectStatus(early, 422, 'early filing');
    assert.equal(early.json().article, 'DT-12b');

    const reviewer = await sessions.as('dt.reviewer');
    const pre = await decide(reviewer, id, 'dt.review.pre_review', {
      outcome: 'pre_review_passed',
      opinion: '前置审查通过',
    });
    expectStatus(pre, 200, 'pre-review');
    assert.deepEqual(openStepIds(pre.json()), ['dt.review.government_approval']);
    const gov = await sessions.as('dt.gov');
    const approved = await decide(gov, id, 'dt.review.government_approval', {
      outcome: 'government_approved',
      opinion: '市政府同意实施',
    });
    expectStatus(approved, 200, 'government');
    assert.deepEqual(openStepIds(approved.json()), ['dt.review.assessment']);

    expectStatus(
      await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
      200,
      'review',
    );
    expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
    expectStatus(await decide(leader, id, 'dt.review.filing'), 200, 'filing');
    const established = await decide(
      await sessions.as('dt.approver'),
      id,
      'dt.filing_approval.establishment',
    );
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');
  });

  test('DT-12d a dedicated network needs its legal basis and the consent of 数字政府服务中心', async () => {
    const entryId = await approvedPlanEntry(
      sessions,
      'dt.reviewer',
      'dt.gov',
      '大同市教育局',
      '教育专网项目',
    );
    const staff = await sessions.as('dt.staff');
    const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
    const { id } = await draftProject(staff, {
      planEntryId: entryId,
      systems: [{ systemId, name: null, relation: 'changes' }],
      dedicatedNetwork: true,
      dedicatedNetworkBasis: '《教育信息化2.0行动计划》要求建设教育专网',
    });
    const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
    const basis = detail.applicationMaterials.find((m: { code: string }) => m.code === 'network_legal_basis');
    assert.equal(basis.required, true);
    assert.equal(basis.article, 'DT-12d');
    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    assert.deepEqual(openStepIds(submitted.json()), ['dt.review.network_consent']);
    const leader = await sessions.as('dt.authlead');
    const consent = await decide(leader, id, 'dt.review.network_consent', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(consent, 200, 'consent');
    assert.deepEqual(openStepIds(consent.json()), ['dt.review.assessment']);
  });

  test('DT-12a/DT-12c filing is refused for a system a higher authority demands without adapting existing ones, and for one that cannot interoperate', async () => {
    const staff = await sessions.as('dt.staff');
    const reviewer = await sessions.as('dt.reviewer');
    const leader = await sessions.as('dt.authlead');
    const toFiling = async (declarations: Record<string, boolean>) => {
      const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', '大同市教育局', '对接项目');
      const systemId = await catalogSystem(ctx, staff, 'DT', '大同市教育局');
      const { id } = await draftProject(staff, {
        planEntryId: entryId,
        systems: [{ systemId, name: null, relation: 'changes' }],
        declarations,
      });
      await uploadMissing(staff, id);
      expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
      expectStatus(
        await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
        200,
        'review',
      );
      expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
      return decide(leader, id, 'dt.review.filing');
    };
    const demanded = await toFiling({ interoperable: true, requiredByHigherAuthority: true });
    expectStatus(demanded, 422, 'adapt existing');
    assert.equal(demanded.json().article, 'DT-12a');
    const isolated = await toFiling({ interoperable: false });
    expectStatus(isolated, 422, 'interoperability');
    assert.equal(isolated.json().article, 'DT-12c');
  });

  test('SC-11b an unplanned SC project submits its proposal and passes 前置审查 and 区人民政府 approval', async () => {
    const staff = await sessions.as('sc.staff');
    const systemId = await catalogSystem(ctx, staff, 'SC', '朔城区教育科技局');
    const { id } = await draftProject(staff, { systems: [{ systemId, name: null, relation: 'changes' }] });
    const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
    const proposal = detail.applicationMaterials.find((m: { code: string }) => m.code === 'proposal');
    assert.equal(proposal.required, true);
    await uploadMissing(staff, id);
    const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(submitted, 200, 'submit');
    const done = submitted.json().workflow.steps.filter((s: { status: string }) => s.status === 'done');
    assert.deepEqual(
      done.map((s: { stepId: string }) => s.stepId),
      ['sc.plan.register', 'sc.application.proposal', 'sc.application.submit'],
    );
    assert.deepEqual(openStepIds(submitted.json()), ['sc.review.pre_review']);
    const pre = await decide(await sessions.as('sc.reviewer'), id, 'sc.review.pre_review', {
      outcome: 'pre_review_passed',
      opinion: '通过',
    });
    expectStatus(pre, 200, 'pre');
    const gov = await decide(await sessions.as('sc.gov'), id, 'sc.review.government_approval', {
      outcome: 'government_approved',
      opinion: '区政府同意',
    });
    expectStatus(gov, 200, 'gov');
    assert.deepEqual(openStepIds(gov.json()), ['sc.review.assessment']);
  });

  test('XZ-10b an unplanned XZ project gets the city pre-review, and a dedicated network goes to 市政务信息管理局 and then 市政府', async () => {
    const { username } = await extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心');
    const dataCenter = await sessions.as(username, EXTRA_PASSWORD);
    const staff = await sessions.as('xz.staff');
    const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
    const { id } = await draftProject(staff, {
      systems: [{ systemId, name: null, relation: 'changes' }],
      dedicatedNetwork: true,
      dedicatedNetworkBasis: '交通运输部要求的行业专网',
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
    const party = await decide(await sessions.as('xz.party'), id, 'xz.review.party_consent', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(party, 200, 'party');
    assert.deepEqual(openStepIds(party.json()), ['xz.review.city_pre_review']);
    const steps = party.json().workflow.steps;
    assert.equal(
      steps.find((s: { stepId: string }) => s.stepId === 'xz.review.city_review').status,
      'skipped',
    );
    const pre = await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.city_pre_review', {
      outcome: 'pre_review_passed',
      opinion: '前置审查通过',
    });
    expectStatus(pre, 200, 'city pre-review');
    // 第十条: 专网 "应报市政务信息管理局并经市政府同意" — both bodies, in that order.
    assert.deepEqual(openStepIds(pre.json()), ['xz.review.network_authority']);
    const cityGov = await sessions.as('xz.citygov');
    const tooEarly = await decide(cityGov, id, 'xz.review.network_consent', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(tooEarly, 409, 'government before the city authority');
    const authority = await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.network_authority', {
      outcome: 'consent_given',
      opinion: '同意报市政府',
    });
    expectStatus(authority, 200, 'network authority');
    assert.deepEqual(openStepIds(authority.json()), ['xz.review.network_consent']);
    const consent = await decide(cityGov, id, 'xz.review.network_consent', {
      outcome: 'consent_given',
      opinion: '同意',
    });
    expectStatus(consent, 200, 'network consent');
    expectStatus(
      await decide(cityGov, id, 'xz.review.city_government', {
        outcome: 'consent_given',
        opinion: '批准实施',
      }),
      200,
      'city government',
    );
    const established = await decide(
      await sessions.as('xz.cityapprover'),
      id,
      'xz.filing_approval.establishment',
      {
        opinion: '批复立项',
      },
    );
    expectStatus(established, 200, 'establishment');
    assert.equal(established.json().state, 'established');
  });
});
