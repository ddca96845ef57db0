/**
 * Money on JC projects (晋城市城区): the 区财政局 budgets and reviews the project and so secures its
 * funds (JC-04); bidding, procurement and the contract wait until then (JC-05-2); a project co-built
 * with the province or city states the district's share and the district budget that carries it
 * (JC-05-3). Stored projects, every step through the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isoDay, requestDisbursement } from '../../factories/funds.ts';
import {
  approvedPlanEntry,
  catalogSystem,
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

/** A JC project of 城区教育局, in the district budget, taken to 立项备案. */
async function establishedJc(
  name: string,
  declarations: Record<string, boolean> = {},
  withSystem = false,
): Promise<string> {
  const entryId = await approvedPlanEntry(sessions, 'jc.reviewer', 'jc.gov', '城区教育局', name);
  const staff = await sessions.as('jc.staff');
  const systems = withSystem
    ? [{ systemId: await catalogSystem(ctx, staff, 'JC', '城区教育局'), name: null, relation: 'changes' }]
    : [];
  const { id } = await draftProject(staff, {
    name: `${name}项目`,
    planEntryId: entryId,
    budgetByYear: [],
    ...(withSystem ? { systems } : {}),
    declarations: {
      interoperable: true,
      isStandaloneBigData: false,
      higherLevelCoBuild: false,
      inDistrictBudget: true,
      ...declarations,
    },
  });
  await uploadMissing(staff, id);
  const submitted = await staff.request('POST', `/api/projects/${id}/submit`);
  expectStatus(submitted, 200, 'submit');
  assert.deepEqual(openStepIds(submitted.json()), ['jc.filing_approval.establishment']);
  const established = await decide(await sessions.as('jc.approver'), id, 'jc.filing_approval.establishment', {
    opinion: '予以立项备案',
  });
  expectStatus(established, 200, '立项备案');
  assert.equal(established.json().state, 'established');
  return id;
}

const LINES = [
  { year: 2026, costItem: '平台开发', kind: 'construction', requested: '800000', approved: '800000' },
  { year: 2026, costItem: '运维服务', kind: 'om', requested: '100000', approved: '100000' },
];

describe('JC funds before procurement (JC-04, JC-05-2)', () => {
  test('JC-05-2 no bidding, procurement or contract before the 区财政局 secures the funds; after its budget review the contract is signed', async () => {
    const id = await establishedJc('教育资源调度平台');
    const staff = await sessions.as('jc.staff');
    const contract = {
      number: 'CQJY-2026-11',
      procurementMethod: 'public_tender',
      procurementResult: '晋城数智科技有限公司中标',
      contractorName: '晋城数智科技有限公司',
      amount: '800000',
      signedOn: isoDay(ctx),
      ownershipClause: false,
      deliverables: [],
    };
    const early = await staff.request('POST', `/api/projects/${id}/contracts`, contract);
    expectStatus(early, 422, 'procurement before funds');
    assert.equal(early.json().code, 'GATE_BLOCKED');
    assert.equal(early.json().article, 'JC-05-2');
    assert.match(early.json().message, /项目资金尚未落实/);

    // The budget step is recorded only with its data: no bare decision, not by the department.
    const finance = await sessions.as('jc.finance');
    const bare = await decide(finance, id, 'jc.budget.review');
    expectStatus(bare, 409, 'bare decision');
    assert.equal(bare.json().code, 'RECORDED_BY_MODULE');
    const url = `/api/funds/projects/${id}/budget-review`;
    const body = { opinion: '经区财政局预算评审，资金已落实。', lines: LINES, shares: [] };
    expectStatus(await staff.request('POST', url, body), 403, 'department');
    const reviewed = await finance.request('POST', url, body);
    expectStatus(reviewed, 201, 'budget review');
    const view = (await staff.request('GET', `/api/funds/projects/${id}`)).json();
    assert.deepEqual(
      view.steps.map((s: { stepId: string; status: string }) => [s.stepId, s.status]),
      [['jc.budget.review', 'done']],
    );
    assert.equal(view.review.reviewerOrganisation, '城区财政局');

    const signed = await staff.request('POST', `/api/projects/${id}/contracts`, contract);
    expectStatus(signed, 201, 'contract after funds');
  });
});

describe('JC co-built shares (JC-05-3)', () => {
  test('JC-05-3 a project co-built with the province states the district share carried by the district budget', async () => {
    const id = await establishedJc('教育专网协同接入', { higherLevelCoBuild: true });
    const finance = await sessions.as('jc.finance');
    const url = `/api/funds/projects/${id}/budget-review`;
    const opinion = '省、区按事权划分分担建设资金。';
    const noShares = await finance.request('POST', url, { opinion, lines: LINES, shares: [] });
    expectStatus(noShares, 422, 'no shares');
    assert.equal(noShares.json().code, 'GATE_BLOCKED');
    assert.equal(noShares.json().article, 'JC-05-3');
    assert.equal(noShares.json().field, 'shares');
    assert.match(noShares.json().message, /列入本级财政预算/);
    const provinceOnly = await finance.request('POST', url, {
      opinion,
      lines: LINES,
      shares: [
        { level: 'province', kind: 'construction', amount: '800000', carriedBy: '省级专项资金' },
        { level: 'province', kind: 'om', amount: '100000', carriedBy: '省级专项资金' },
      ],
    });
    expectStatus(provinceOnly, 422, 'no district share');
    assert.equal(provinceOnly.json().article, 'JC-05-3');

    const shares = [
      { level: 'province', kind: 'construction', amount: '500000', carriedBy: '省级专项资金' },
      { level: 'district', kind: 'construction', amount: '300000', carriedBy: '城区本级财政预算' },
      { level: 'district', kind: 'om', amount: '100000', carriedBy: '城区本级财政预算' },
    ];
    expectStatus(await finance.request('POST', url, { opinion, lines: LINES, shares }), 201, 'review');
    const view = (await (await sessions.as('jc.staff')).request('GET', `/api/funds/projects/${id}`)).json();
    assert.deepEqual(
      view.review.shares.map((s: { levelLabel: string; kind: string; amount: string; carriedBy: string }) => [
        s.levelLabel,
        s.kind,
        s.amount,
        s.carriedBy,
      ]),
      [
        ['省级', 'construction', '500000.00', '省级专项资金'],
        ['区级', 'construction', '300000.00', '城区本级财政预算'],
        ['区级', 'om', '100000.00', '城区本级财政预算'],
      ],
    );
  });

  test('JC-05-3 a project without a higher-level co-build needs no shares', async () => {
    const id = await establishedJc('教育督导管理');
    const res = await (await sessions.as('jc.finance')).request(
      'POST',
      `/api/funds/projects/${id}/budget-review`,
      {
        opinion: '区级全额保障。',
        lines: LINES,
        shares: [],
      },
    );
    expectStatus(res, 201, 'review');
  });
});

describe('JC rectification and funds (JC-05-7)', () => {
  test('JC-05-7 a refused rectification suspends construction and O&M funds; the absolute gate refuses an override', async () => {
    const id = await establishedJc('教育装备管理');
    expectStatus(
      await (await sessions.as('jc.finance')).request('POST', `/api/funds/projects/${id}/budget-review`, {
        opinion: '资金已落实。',
        lines: LINES,
        shares: [],
      }),
      201,
      'budget',
    );
    const staff = await sessions.as('jc.staff');
    const finance = await sessions.as('jc.finance');
    const request = (kind: 'construction' | 'om', amount: string) =>
      requestDisbursement(staff, finance, { projectId: id, kind, amount, purpose: '进度款' });
    const construction = await request('construction', '100000');
    const gateOf = () => construction.gate('jc.gate.rectification');
    assert.equal((await gateOf()).passed, true);

    // The 区行政审批服务管理局 orders a rectification; the department refuses to rectify.
    const reviewer = await sessions.as('jc.reviewer');
    const ordered = await reviewer.request('POST', `/api/projects/${id}/rectifications`, {
      problemKind: 'unauthorised_change',
      description: '擅自变更建设内容，未按过审方案实施',
      workingDays: 10,
    });
    expectStatus(ordered, 201, 'order');
    assert.equal((await gateOf()).passed, true, 'an open order suspends nothing');
    expectStatus(
      await reviewer.request('POST', `/api/projects/${id}/rectifications/${ordered.json().id}/decision`, {
        outcome: 'refused',
        note: '经督促仍拒不整改',
        version: 1,
      }),
      200,
      'refused',
    );
    const closed = await gateOf();
    assert.equal(closed.blocking, true);
    assert.equal(closed.article, 'JC-05-7');
    const refused = await construction.decide('approve', '同意');
    expectStatus(refused, 422, 'suspended');
    assert.equal(refused.json().article, 'JC-05-7');
    assert.match(refused.json().message, /暂停拨付/);
    const override = await finance.request('POST', `/api/funds/disbursements/${construction.id}/overrides`, {
      gateId: 'jc.gate.rectification',
      reason: '项目急需',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'JC-05-7');
    const om = await request('om', '10000');
    assert.equal((await om.gate('jc.gate.rectification')).blocking, true, 'O&M funds too');
  });
});

describe('JC O&M funds and data sharing (JC-05-1)', () => {
  test('JC-05-1 no O&M funds while the system does not share data as required; sharing recorded in the catalog unblocks', async () => {
    const id = await establishedJc('教育数据共享交换', {}, true);
    const finance = await sessions.as('jc.finance');
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-review`, {
        opinion: '资金已落实。',
        lines: LINES,
        shares: [],
      }),
      201,
      'budget',
    );
    const staff = await sessions.as('jc.staff');
    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      kind: 'om',
      amount: '50000',
      purpose: '年度运维费',
    });
    const sharing = await payment.gate('jc.gate.sharing_om');
    assert.equal(sharing.blocking, true);
    assert.equal(sharing.article, 'JC-05-1');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'not sharing');
    assert.equal(refused.json().article, 'JC-05-1');

    const project = (await staff.request('GET', `/api/projects/${id}`)).json();
    const url = `/api/catalog/systems/${project.systems[0].systemId}`;
    const { system } = (await staff.request('GET', url)).json();
    expectStatus(
      await staff.request('PATCH', url, { version: system.version, sharedOnPlatform: true }),
      200,
      'catalog',
    );
    const after = await payment.detail();
    assert.equal(after.blocked, false, JSON.stringify(after.gates));
    expectStatus(
      await payment.decide('approve', '已按要求共享数据，同意拨付', after.disbursement.version),
      200,
      'approve',
    );
  });
});

describe('JC construction and acceptance (JC-05-4, JC-05-6)', () => {
  test('JC-05-6 the department records completion; acceptance needs the experts’ opinion and 数据落盘, not an emergency plan', async () => {
    const id = await establishedJc('教育数据汇聚平台');
    const staff = await sessions.as('jc.staff');
    const finance = await sessions.as('jc.finance');
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-review`, {
        opinion: '经区财政局预算评审，资金已落实。',
        lines: LINES,
        shares: [],
      }),
      201,
      'budget review',
    );
    expectStatus(
      await staff.request('POST', `/api/projects/${id}/contracts`, {
        number: 'CQJY-2026-21',
        procurementMethod: 'public_tender',
        procurementResult: '晋城数智科技有限公司中标',
        contractorName: '晋城数智科技有限公司',
        amount: '800000',
        signedOn: isoDay(ctx),
        ownershipClause: false,
        deliverables: [],
      }),
      201,
      'contract',
    );
    /** Steps after 立项 are listed with their status (openSteps covers plan → 立项 only). */
    const open = (detail: { workflow: { steps: { stepId: string; status: string }[] } }) =>
      detail.workflow.steps.filter((s) => s.status === 'open').map((s) => s.stepId);
    assert.deepEqual(open((await staff.request('GET', `/api/projects/${id}`)).json()), [
      'jc.construction.build',
    ]);
    // Another department cannot record completion of this project.
    expectStatus(
      await decide(await sessions.as('jc.reviewer'), id, 'jc.construction.build', { opinion: '项目建成' }),
      403,
      'not the department',
    );
    const built = await decide(staff, id, 'jc.construction.build', { opinion: '项目建成' });
    expectStatus(built, 200, 'built');
    assert.deepEqual(open(built.json()), ['jc.acceptance.accept']);

    // 六 asks of acceptance the related departments' or experts' opinion and 确保数据落盘; the
    // 应急预案 of 七 is made by the implementing unit but is not an acceptance material.
    const early = await decide(staff, id, 'jc.acceptance.accept', { opinion: '验收' });
    expectStatus(early, 422, 'materials missing');
    assert.match(JSON.stringify(early.json()), /数据落盘/);
    assert.doesNotMatch(JSON.stringify(early.json()), /应急预案/);
    for (const code of ['acceptance_opinion', 'data_landing']) {
      expectStatus(await upload(staff, id, code, { stepId: 'jc.acceptance.accept' }), 201, code);
    }
    const accepted = await decide(staff, id, 'jc.acceptance.accept', { opinion: '验收通过' });
    expectStatus(accepted, 200, 'accepted');
    assert.deepEqual(open(accepted.json()), []);
  });
});
