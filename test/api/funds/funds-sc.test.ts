/**
 * Money on SC projects (SC-13): the 区财政评审中心 reviews the budget and issues the 预算审定意见;
 * the 区政务信息管理局 publicizes the fund allocation plan, refused before the budget is fixed. SC-14:
 * co-built shares and the record path of nationally or provincially funded projects. Payments: the
 * catalog (SC-10) and data sharing for O&M funds (SC-11c) gates; the rectification (SC-23) and
 * acceptance report (SC-21) gates: funds-sc-construction.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isoDay, requestDisbursement, SC_REVIEW } from '../../factories/funds.ts';
import { scFundsHelpers } from '../../factories/funds-helpers.ts';
import {
  decide,
  draftProject,
  expectStatus,
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

const { districtFinance, arrangeSc, establishedSc, budgetedSc } = scFundsHelpers(() => ({ ctx, sessions }));

describe('SC budget and publicity (SC-13)', () => {
  test('SC-13 the 财政评审中心 issues the 预算审定意见, then the authority publicizes the allocation plan', async () => {
    const id = await establishedSc();
    const authority = await sessions.as('sc.reviewer');
    const notice = await authority.request('POST', '/api/funds/notices', {
      title: '朔城区2026年政务信息化项目资金拟分配计划',
      year: 2026,
      startsOn: isoDay(ctx, 1),
      endsOn: isoDay(ctx, 8),
      items: [{ projectId: id, amount: '640000' }],
    });
    expectStatus(notice, 201, 'notice');
    const early = await authority.request('POST', `/api/funds/notices/${notice.json().id}/publish`, {
      version: 1,
    });
    expectStatus(early, 422, 'before the budget review');
    assert.equal(early.json().code, 'BUDGET_NOT_APPROVED');
    assert.equal(early.json().article, 'SC-13');

    const url = `/api/funds/projects/${id}/budget-review`;
    const byAuthority = await authority.request('POST', url, SC_REVIEW);
    expectStatus(byAuthority, 403, 'authority');
    assert.equal(byAuthority.json().code, 'FORBIDDEN');
    const reviewCentre = await sessions.as('sc.finance');
    const ok = await reviewCentre.request('POST', url, SC_REVIEW);
    expectStatus(ok, 201, 'review centre');
    assert.match(ok.json().number, /预审〔2026〕1号$/);

    expectStatus(
      await authority.request('POST', `/api/funds/notices/${notice.json().id}/publish`, { version: 1 }),
      200,
      'publish',
    );
    const view = (await (await sessions.as('sc.staff')).request('GET', `/api/funds/projects/${id}`)).json();
    assert.equal(view.review.reviewerOrganisation, '朔城区财政评审中心');
    assert.equal(view.review.cut, '60000.00');
    assert.deepEqual(
      view.steps.map((s: { stepId: string; status: string }) => [s.stepId, s.status]),
      [
        ['sc.budget.review', 'done'],
        ['sc.budget.publicity', 'done'],
        ['sc.budget.funds', 'open'],
      ],
    );
  });
});

describe('SC 第十四条 (SC-14): co-built shares and the record path', () => {
  test('SC-14 a project co-built with the province and city states the district share carried by the district budget', async () => {
    const id = await establishedSc('校园食品安全', { higherLevelCoBuild: true });
    const reviewCentre = await sessions.as('sc.finance');
    const url = `/api/funds/projects/${id}/budget-review`;
    const blocked = await reviewCentre.request('POST', url, SC_REVIEW);
    expectStatus(blocked, 422, 'no district share');
    assert.equal(blocked.json().code, 'GATE_BLOCKED');
    assert.equal(blocked.json().article, 'SC-14');
    assert.equal(blocked.json().field, 'shares');
    assert.match(blocked.json().message, /区级财政预算/);
    const shares = [
      { level: 'province', kind: 'construction', amount: '640000', carriedBy: '省级财政补助资金' },
      { level: 'district', kind: 'construction', amount: '500000', carriedBy: '朔城区本级财政预算' },
    ];
    const ok = await reviewCentre.request('POST', url, { ...SC_REVIEW, shares });
    expectStatus(ok, 201, 'review with shares');
    const view = (await (await sessions.as('sc.staff')).request('GET', `/api/funds/projects/${id}`)).json();
    assert.deepEqual(
      view.review.shares.map((s: { levelLabel: string; amount: string; carriedBy: string }) => [
        s.levelLabel,
        s.amount,
        s.carriedBy,
      ]),
      [
        ['省级', '640000.00', '省级财政补助资金'],
        ['区级', '500000.00', '朔城区本级财政预算'],
      ],
    );
  });

  test('SC-14 a nationally or provincially funded project is recorded after its upward application; the district reviews no budget for it', async () => {
    const staff = await sessions.as('sc.staff');
    const { id } = await draftProject(staff, {
      name: '国家智慧教育平台应用试点项目',
      declarations: { interoperable: true, onExtranet: true, onCloud: true, higherLevelFunded: true },
    });
    const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
    for (const m of detail.applicationMaterials as { code: string; required: boolean; provided: boolean }[]) {
      if (m.required && !m.provided && m.code !== 'upward_application')
        expectStatus(await upload(staff, id, m.code), 201, m.code);
    }
    const early = await staff.request('POST', `/api/projects/${id}/submit`);
    expectStatus(early, 422, 'no upward application');
    assert.equal(early.json().article, 'SC-14');
    expectStatus(await upload(staff, id, 'upward_application'), 201, 'upward application');
    expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
    const recorded = await decide(await sessions.as('sc.reviewer'), id, 'sc.review.record', {
      opinion: '项目资料已报送，记录在案',
    });
    expectStatus(recorded, 200, 'record');
    assert.equal(recorded.json().state, 'recorded');
    const budget = await (await sessions.as('sc.finance')).request(
      'POST',
      `/api/funds/projects/${id}/budget-review`,
      SC_REVIEW,
    );
    expectStatus(budget, 409, 'no district budget review');
    assert.equal(budget.json().code, 'STEP_NOT_OPEN');
  });
});

describe('SC disbursements on the catalog (SC-10)', () => {
  test('SC-10 no funds for a project whose system is no longer listed in the catalog: passes while listed, refused once the system is retired', async () => {
    const id = await budgetedSc('学生资助');
    await arrangeSc(id, '640000');
    const staff = await sessions.as('sc.staff');
    const payment = await requestDisbursement(staff, await districtFinance(), {
      projectId: id,
      amount: '100000',
      purpose: '进度款',
    });
    const catalogGate = () => payment.gate('sc.gate.catalog');
    assert.equal((await catalogGate()).passed, true);

    // The department retires the project's system in the catalog: it is no longer listed.
    const project = (await staff.request('GET', `/api/projects/${id}`)).json();
    const systemId = project.systems[0].systemId;
    const url = `/api/catalog/systems/${systemId}`;
    let { system } = (await staff.request('GET', url)).json();
    expectStatus(
      await staff.request('POST', `${url}/retire`, { version: system.version, retirementDate: isoDay(ctx) }),
      200,
      'retire',
    );
    const gate = await catalogGate();
    assert.equal(gate.blocking, true);
    assert.equal(gate.article, 'SC-10');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'not in the catalog');
    assert.equal(refused.json().article, 'SC-10');
    assert.match(refused.json().message, /不予安排建设投资/);

    // A retirement is final in the catalog (只减不增, DT-01): the system cannot be listed again, so
    // the payment stays refused; finance refuses it with its reason.
    ({ system } = (await staff.request('GET', url)).json());
    const relist = await staff.request('PATCH', url, {
      version: system.version,
      status: 'under_construction',
      retirementDate: null,
    });
    expectStatus(relist, 409, 'retirement is final');
    const latest = await payment.detail();
    assert.equal(latest.blocked, true);
    expectStatus(
      await payment.decide('refuse', '项目所涉系统已报废，不予拨付', latest.disbursement.version),
      200,
      'refuse',
    );
  });
});

describe('SC O&M funds and data sharing (SC-11c)', () => {
  test('SC-11c O&M funds wait until the system shares data as required; sharing recorded in the catalog unblocks', async () => {
    const id = await establishedSc('学籍管理');
    expectStatus(
      await (await sessions.as('sc.finance')).request('POST', `/api/funds/projects/${id}/budget-review`, {
        opinion: '预算合理。',
        lines: [
          { year: 2026, costItem: '平台开发', kind: 'construction', requested: '600000', approved: '600000' },
          { year: 2026, costItem: '运维服务', kind: 'om', requested: '100000', approved: '100000' },
          { year: 2027, costItem: '平台开发', kind: 'construction', requested: '500000', approved: '500000' },
        ],
        shares: [],
      }),
      201,
      'budget',
    );
    await arrangeSc(id, '700000');
    const staff = await sessions.as('sc.staff');
    const payment = await requestDisbursement(staff, await districtFinance(), {
      projectId: id,
      kind: 'om',
      amount: '50000',
      purpose: '年度运维费',
    });
    const sharing = await payment.gate('sc.gate.sharing_om');
    assert.equal(sharing.blocking, true);
    assert.equal(sharing.article, 'SC-11c');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'not sharing');
    assert.equal(refused.json().article, 'SC-11c');

    const project = (await staff.request('GET', `/api/projects/${id}`)).json();
    const url = `/api/catalog/systems/${project.systems[0].systemId}`;
    const { system } = (await staff.request('GET', url)).json();
    expectStatus(
      await staff.request('PATCH', url, { version: system.version, sharedOnPlatform: true }),
      200,
      'catalog',
    );
    assert.equal((await payment.gate('sc.gate.sharing_om')).passed, true);
    const after = await payment.detail();
    assert.equal(after.blocked, false, JSON.stringify(after.gates));
    expectStatus(
      await payment.decide('approve', '已接入共享平台，同意拨付', after.disbursement.version),
      200,
      'approve',
    );
  });
});
