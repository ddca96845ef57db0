/**
 * Plans (DT-08, SC-07, XZ-06): the authority compiles the jurisdiction's plan and annual plan, the
 * leadership body approves it; departments file their own plans with the authority; a project is
 * planned only through an entry of an approved plan. City-county projects (DT-06, DT-16).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  approvedPlanEntry,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  organisationId,
  Sessions,
  setupProjects,
  upload,
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

describe('plans', () => {
  test('DT-08 the authority’s annual plan is approved by 市人民政府; a department files its own plan with the authority', async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const created = await reviewer.request('POST', '/api/plans', {
      kind: 'overall',
      title: '大同市政务信息化应用规划（2026—2028年）',
      year: 2026,
      endYear: 2028,
      summary: '一朵云、一张网、一平台',
    });
    expectStatus(created, 201, 'create');
    assert.equal(created.json().scope, 'jurisdiction');
    const planId = created.json().id;
    const empty = await reviewer.request('POST', `/api/plans/${planId}/submit`);
    expectStatus(empty, 400, 'empty');
    expectStatus(
      await reviewer.request('POST', `/api/plans/${planId}/entries`, {
        organisationId: await organisationId(reviewer, '大同市教育局'),
        projectName: '教育城域网',
        estimatedBudget: '3000000.50',
        year: 2027,
        summary: '',
      }),
      201,
      'entry',
    );
    expectStatus(await reviewer.request('POST', `/api/plans/${planId}/submit`), 200, 'submit');
    // Only the jurisdiction's leadership body approves it.
    const notLeader = await (await sessions.as('dt.authlead')).request(
      'POST',
      `/api/plans/${planId}/decision`,
      {
        decision: 'approve',
        opinion: '',
      },
    );
    expectStatus(notLeader, 403, 'authority cannot approve its own plan');
    const approved = await (await sessions.as('dt.gov')).request('POST', `/api/plans/${planId}/decision`, {
      decision: 'approve',
      opinion: '市政府常务会议审议通过',
    });
    expectStatus(approved, 200, 'approve');
    assert.equal(approved.json().status, 'approved');
    assert.equal(approved.json().entries[0].estimatedBudget, '3000000.50');

    const staff = await sessions.as('dt.staff');
    const linkable = (await staff.request('GET', '/api/plan-entries')).json().items;
    assert.ok(linkable.some((e: { projectName: string }) => e.projectName === '教育城域网'));

    const own = await staff.request('POST', '/api/plans', {
      kind: 'overall',
      title: '教育局信息化发展规划',
      year: 2026,
      endYear: 2028,
      summary: '',
    });
    expectStatus(own, 201, 'department plan');
    assert.equal(own.json().scope, 'department');
    const ownId = own.json().id;
    expectStatus(
      await staff.request('POST', `/api/plans/${ownId}/entries`, {
        organisationId: await organisationId(staff, '大同市教育局'),
        projectName: '智慧校园',
        estimatedBudget: '500000',
        year: 2026,
        summary: '',
      }),
      201,
      'dept entry',
    );
    expectStatus(await staff.request('POST', `/api/plans/${ownId}/submit`), 200, 'dept submit');
    const filed = await reviewer.request('POST', `/api/plans/${ownId}/decision`, {
      decision: 'approve',
      opinion: '予以备案',
    });
    expectStatus(filed, 200, 'filed');
    assert.equal(filed.json().status, 'filed');
    // A department plan's entries do not make a project planned: only the authority's approved plan does.
    const entryId = filed.json().entries[0].id;
    const bad = await staff.request('POST', '/api/projects', {
      name: '智慧校园',
      type: 'new',
      category: 'application_system',
      fundingMode: 'government_investment',
      totalBudget: '500000',
      planEntryId: entryId,
    });
    expectStatus(bad, 400, 'department entry');
    assert.equal(bad.json().code, 'PLAN_ENTRY_INVALID');
  });

  test('DT-06/DT-16 a county project links to the city project with its share, recorded with the county budget that carries it and never capped by the city budget', async () => {
    const admin = await sessions.as('demo.sysadmin');
    const jurisdictions = (await admin.request('GET', '/api/jurisdictions')).json().items;
    const dt = jurisdictions.find((j: { code: string }) => j.code === 'DT');
    const county = await admin.request('POST', '/api/jurisdictions', {
      code: 'DT-YG',
      name: '大同市云冈区',
      level: 'district',
      parentId: dt.id,
      rulebookCode: 'DT',
    });
    expectStatus(county, 201, 'county');
    const countyDepartment = await admin.request('POST', '/api/organisations', {
      name: '云冈区教育科技局',
      kind: 'department',
      parentId: null,
      jurisdictionId: county.json().id,
    });
    expectStatus(countyDepartment, 201, 'county department');
    const { username } = await extraUser(ctx, sessions, 'dept_staff', '云冈区教育科技局');
    const countyStaff = await sessions.as(username, EXTRA_PASSWORD);

    const entryId = await approvedPlanEntry(
      sessions,
      'dt.reviewer',
      'dt.gov',
      '大同市教育局',
      '市县一体化教育平台',
    );
    const cityStaff = await sessions.as('dt.staff');
    // The county department is a co-builder of the city project: a parent is referenced only by a
    // department that may see it (issue 9 item 2).
    const { id: cityId } = await draftProject(cityStaff, {
      name: '市县一体化教育平台',
      planEntryId: entryId,
      totalBudget: '1000000',
      budgetByYear: [],
      coBuilderIds: [countyDepartment.json().id],
    });
    // A county part can only link to a city project that has been applied for.
    const early = await countyStaff.request('POST', '/api/projects', {
      name: '云冈区教育平台（县级部分）',
      type: 'new',
      category: 'application_system',
      fundingMode: 'government_investment',
      totalBudget: '300000',
      parentProjectId: cityId,
      shareOfParent: '300000',
    });
    expectStatus(early, 400, 'unsubmitted parent');
    const cityProject = await cityStaff.request('GET', `/api/projects/${cityId}`);
    const uploads = cityProject.json().applicationMaterials.filter((m: { required: boolean }) => m.required);
    for (const m of uploads) expectStatus(await upload(cityStaff, cityId, m.code), 201, m.code);
    expectStatus(await cityStaff.request('POST', `/api/projects/${cityId}/submit`), 200, 'city submit');

    const part = await countyStaff.request('POST', '/api/projects', {
      name: '云冈区教育平台（县级部分）',
      type: 'new',
      category: 'application_system',
      fundingMode: 'government_investment',
      totalBudget: '300000',
      parentProjectId: cityId,
      shareOfParent: '300000',
    });
    expectStatus(part, 201, 'county part');
    assert.equal(part.json().jurisdiction.code, 'DT-YG');
    assert.equal(part.json().rulebook.code, 'DT');
    assert.equal(part.json().shareOfParent, '300000.00');
    const tooMuch = await countyStaff.request('POST', '/api/projects', {
      name: '云冈区教育平台（追加部分）',
      type: 'new',
      category: 'application_system',
      fundingMode: 'government_investment',
      totalBudget: '800000',
      parentProjectId: cityId,
      shareOfParent: '800000',
    });
    // DT 第十六条 has no cap on the county shares (the old SHARE_EXCEEDS_PARENT refusal was invented):
    // each share is recorded with the budget that carries it, the county's own (同级财政预算).
    expectStatus(tooMuch, 201, 'share beyond the parent is recorded, not refused');
    assert.equal(tooMuch.json().shareOfParent, '800000.00');
    assert.equal(tooMuch.json().shareBudget, '大同市云冈区本级财政预算');
    assert.equal(part.json().shareBudget, '大同市云冈区本级财政预算');
    const city = (await cityStaff.request('GET', `/api/projects/${cityId}`)).json();
    assert.equal(city.shareBudget, null);
  });
});
