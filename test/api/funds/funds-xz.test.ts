/**
 * Money on XZ projects (issue 13): the 财务科 fixes the budget and reports it (XZ-11), no separate
 * hardware funds (XZ-28); every payment needs the 局党组's consent recorded as a decision
 * (XZ-05b); O&M funds wait for the system to be on the cloud and sharing (XZ-10b).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isoDay, refusedRectification, requestDisbursement } from '../../factories/funds.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  EXTRA_PASSWORD,
  expectStatus,
  extraUser,
  FIVE_OPINIONS,
  Sessions,
  setupProjects,
  upload,
  uploadMissing,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

const CONTRACT = {
  number: 'XZJT-2026-031',
  procurementMethod: 'public_tender',
  procurementResult: '忻州交信科技有限公司中标',
  contractorName: '忻州交信科技有限公司',
  amount: '1000000.00',
  signedOn: '2026-11-23',
  ownershipClause: true,
  deliverables: [
    { kind: 'design_documents', name: '详细设计说明书' },
    { kind: 'source_code', name: '全部源代码' },
    { kind: 'test_documents', name: '测试报告' },
  ],
};

let ctx: TestContext;
let sessions: Sessions;
let dataCenterUser: string;

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  dataCenterUser = (await extraUser(ctx, sessions, 'dept_staff', '忻州市交通运输数据中心')).username;
});
after(async () => {
  await ctx.close();
});

/** An XZ project of 公路事业发展中心 taken to 立项 through the XZ chain (XZ-07, XZ-10a). */
async function establishedXz(declarations: Record<string, boolean> = {}): Promise<string> {
  const entryId = await approvedPlanEntry(
    sessions,
    'xz.reviewer',
    ['xz.party', 'xz.cityreviewer'],
    '忻州市公路事业发展中心',
    '养护巡检',
  );
  const staff = await sessions.as('xz.staff');
  const systemId = await catalogSystem(ctx, staff, 'XZ', '忻州市公路事业发展中心');
  const { id } = await draftProject(staff, {
    name: '公路养护巡检系统升级项目',
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
    declarations: { interoperable: true, onExtranet: true, onCloud: true, ...declarations },
  });
  await uploadMissing(staff, id);
  const dataCenter = await sessions.as(dataCenterUser, EXTRA_PASSWORD);
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
      opinion: '局党组会议同意',
    }),
    200,
    'party',
  );
  expectStatus(await decide(await sessions.as('xz.cityreviewer'), id, 'xz.review.city_review'), 200, 'city');
  // XZ 第七条/第十条: 市政府 consents, then the 市政务信息管理局 grants 立项 (XZ-10a).
  expectStatus(
    await decide(await sessions.as('xz.citygov'), id, 'xz.review.city_government'),
    200,
    '市政府 consent',
  );
  const established = await decide(
    await sessions.as('xz.cityapprover'),
    id,
    'xz.filing_approval.establishment',
  );
  expectStatus(established, 200, 'establishment');
  return id;
}

const XZ_REVIEW = {
  opinion: '经财务科审定，预算合理。',
  lines: [
    { year: 2026, costItem: '软件开发', kind: 'construction', requested: '600000', approved: '600000' },
    { year: 2026, costItem: '运维服务', kind: 'om', requested: '100000', approved: '100000' },
    { year: 2027, costItem: '系统集成', kind: 'construction', requested: '500000', approved: '500000' },
  ],
  shares: [],
};

describe('XZ budget (XZ-11, XZ-28)', () => {
  test('XZ-11 the 财务科 fixes the budget of the approved project and reports it; the third party may not', async () => {
    const id = await establishedXz();
    const wrong = await (await sessions.as('xz.party')).request(
      'POST',
      `/api/funds/projects/${id}/budget-review`,
      XZ_REVIEW,
    );
    expectStatus(wrong, 403, 'party group');
    const finance = await sessions.as('xz.finance');
    // 待办: the 财务科 sees the budget step, which opens the project's funds page (not a bare decision).
    const tasks = (await finance.request('GET', '/api/tasks')).json().items;
    const task = tasks.find(
      (t: { projectId: string; stepId: string }) => t.projectId === id && t.stepId === 'xz.budget.review',
    );
    assert.ok(task, JSON.stringify(tasks));
    assert.equal(task.kind, 'budget');
    assert.equal(task.workPath, `/funds/projects/${id}`);
    const bare = await decide(finance, id, 'xz.budget.review');
    expectStatus(bare, 409, 'bare decision');
    assert.equal(bare.json().code, 'RECORDED_BY_MODULE');
    const ok = await finance.request('POST', `/api/funds/projects/${id}/budget-review`, XZ_REVIEW);
    expectStatus(ok, 201, 'budget');
    const reported = await finance.request(
      'POST',
      `/api/funds/projects/${id}/budget-steps/xz.budget.report`,
      {
        opinion: '已上报市财政局',
      },
    );
    expectStatus(reported, 200, 'report');
    assert.deepEqual(
      reported.json().steps.map((s: { stepId: string; status: string }) => [s.stepId, s.status]),
      [
        ['xz.budget.review', 'done'],
        ['xz.budget.report', 'done'],
      ],
    );
  });

  test('XZ-28 no separate funds for hardware and generic software: the budget is refused with the article', async () => {
    const id = await establishedXz({ requestsSeparateHardwareFunds: true });
    const res = await (await sessions.as('xz.finance')).request(
      'POST',
      `/api/funds/projects/${id}/budget-review`,
      XZ_REVIEW,
    );
    expectStatus(res, 422, 'hardware funds');
    assert.equal(res.json().code, 'GATE_BLOCKED');
    assert.equal(res.json().article, 'XZ-28');
  });
});

describe('XZ disbursements (XZ-05b, XZ-10b)', () => {
  let projectId: string;
  before(async () => {
    projectId = await establishedXz();
    expectStatus(
      await (await sessions.as('xz.finance')).request(
        'POST',
        `/api/funds/projects/${projectId}/budget-review`,
        XZ_REVIEW,
      ),
      201,
      'budget',
    );
  });
  const request = async (kind: string, amount: string) => {
    const res = await (await sessions.as('xz.staff')).request('POST', '/api/funds/disbursements', {
      projectId,
      year: 2026,
      kind,
      amount,
      purpose: '进度款',
    });
    expectStatus(res, 201, 'request');
    return res.json().id as string;
  };
  const gate = async (disbursementId: string, gateId: string) =>
    (await (await sessions.as('xz.finance')).request('GET', `/api/funds/disbursements/${disbursementId}`))
      .json()
      .gates.find((g: { gateId: string }) => g.gateId === gateId);

  test('XZ-05b each payment needs the 局党组 consent as a recorded decision; a refusal keeps it blocked', async () => {
    const first = await request('construction', '100000');
    const finance = await sessions.as('xz.finance');
    assert.equal((await gate(first, 'xz.gate.disbursement_consent')).blocking, true);
    const blocked = await finance.request('POST', `/api/funds/disbursements/${first}/decision`, {
      decision: 'approve',
      opinion: '同意',
      version: 1,
    });
    expectStatus(blocked, 422, 'no consent');
    assert.equal(blocked.json().article, 'XZ-05b');
    assert.match(blocked.json().message, /局党组同意/);
    const override = await finance.request('POST', `/api/funds/disbursements/${first}/overrides`, {
      gateId: 'xz.gate.disbursement_consent',
      reason: '时间紧急',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'XZ-05b');

    // The city government is not the 局党组; the department cannot consent either.
    const city = await (await sessions.as('xz.citygov')).request(
      'POST',
      `/api/funds/disbursements/${first}/consent`,
      {
        decision: 'consent',
        opinion: '同意',
      },
    );
    expectStatus(city, 403, 'city government');
    const party = await sessions.as('xz.party');
    const consent = await party.request('POST', `/api/funds/disbursements/${first}/consent`, {
      decision: 'consent',
      opinion: '2026年第5次局党组会议研究同意拨付',
    });
    expectStatus(consent, 200, 'consent');
    assert.equal(consent.json().consent.decision, 'consent');
    assert.equal(consent.json().consent.organisation, '中共忻州市交通运输局党组');
    expectStatus(
      await party.request('POST', `/api/funds/disbursements/${first}/consent`, {
        decision: 'refuse',
        opinion: '改',
      }),
      409,
      'decided once',
    );
    assert.equal((await gate(first, 'xz.gate.disbursement_consent')).passed, true);
    // Still blocked on the contract filing basis of XZ-05b (the construction module's facts).
    const basis = await gate(first, 'xz.gate.disbursement_basis_construction');
    assert.equal(basis.blocking, true);
    assert.equal(basis.article, 'XZ-05b');

    const second = await request('construction', '1000');
    expectStatus(
      await party.request('POST', `/api/funds/disbursements/${second}/consent`, {
        decision: 'refuse',
        opinion: '合同尚未备案，暂不同意',
      }),
      200,
      'refuse',
    );
    assert.equal((await gate(second, 'xz.gate.disbursement_consent')).blocking, true);
  });

  test('XZ-10b O&M funds wait until the system is on the cloud and shares data in the catalog', async () => {
    const om = await request('om', '50000');
    const before = await gate(om, 'xz.gate.cloud_sharing_om');
    assert.equal(before.blocking, true);
    assert.equal(before.article, 'XZ-10b');
    const staff = await sessions.as('xz.staff');
    const project = (await staff.request('GET', `/api/projects/${projectId}`)).json();
    const systemId = project.systems[0].systemId;
    // The system belongs to the applicant department, which keeps its catalog entry.
    const { system } = (await staff.request('GET', `/api/catalog/systems/${systemId}`)).json();
    expectStatus(
      await staff.request('PATCH', `/api/catalog/systems/${systemId}`, {
        version: system.version,
        sharedOnPlatform: true,
      }),
      200,
      'catalog',
    );
    assert.equal((await gate(om, 'xz.gate.cloud_sharing_om')).passed, true);
  });
});

/**
 * XZ-21: no further funds while the contract, the supervisor or the acceptance report is not filed.
 * One stored project walks through the construction module's real commands (contract signing and
 * filing, the 局党组's consent and the supervisor filing, acceptance and the report filing); each gate
 * blocks the payment with XZ-21 and opens once its missing step is done. The tests run in order.
 */
describe('XZ-21 gates on the construction module’s facts, each unblocked by its real command', () => {
  let id = '';
  let disbursementId = '';
  let contractId = '';
  const finance = () => sessions.as('xz.finance');
  const dc = () => sessions.as('xz.dcstaff');
  const party = () => sessions.as('xz.party');
  const gates = async (disbursement = disbursementId) =>
    (await (await finance()).request('GET', `/api/funds/disbursements/${disbursement}`)).json().gates as {
      gateId: string;
      article: string;
      blocking: boolean;
      passed: boolean;
    }[];
  const blocking = async (disbursement = disbursementId) =>
    (await gates(disbursement))
      .filter((g) => g.blocking)
      .map((g) => `${g.gateId}:${g.article}`)
      .sort();
  const approve = async (disbursement = disbursementId) => {
    const f = await finance();
    const detail = (await f.request('GET', `/api/funds/disbursements/${disbursement}`)).json();
    return f.request('POST', `/api/funds/disbursements/${disbursement}/decision`, {
      decision: 'approve',
      opinion: '同意拨付',
      version: detail.disbursement.version,
    });
  };
  /** A construction payment requested by the department and consented to by the 局党组 (XZ-05b). */
  const consentedPayment = async (amount: string) => {
    const created = await (await sessions.as('xz.staff')).request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2026,
      kind: 'construction',
      amount,
      purpose: '合同进度款',
    });
    expectStatus(created, 201, 'request');
    expectStatus(
      await (await party()).request('POST', `/api/funds/disbursements/${created.json().id}/consent`, {
        decision: 'consent',
        opinion: '局党组会议研究同意拨付',
      }),
      200,
      'consent',
    );
    return created.json().id as string;
  };

  before(async () => {
    id = await establishedXz();
    const f = await finance();
    expectStatus(
      await f.request('POST', `/api/funds/projects/${id}/budget-review`, XZ_REVIEW),
      201,
      'budget',
    );
    expectStatus(
      await f.request('POST', `/api/funds/projects/${id}/budget-steps/xz.budget.report`, { opinion: '上报' }),
      200,
      'report',
    );
    disbursementId = await consentedPayment('200000');
  });

  test('XZ-21 an unfiled contract blocks the payment (absolute, no override) until the contract is filed', async () => {
    // No contract yet: XZ-05b pays on the basis of the filed contract.
    assert.deepEqual(await blocking(), ['xz.gate.disbursement_basis_construction:XZ-05b']);
    const d = await dc();
    expectStatus(await upload(d, id, 'contract_text', { stepId: 'xz.construction.contract' }), 201, 'text');
    const signed = await d.request('POST', `/api/projects/${id}/contracts`, CONTRACT);
    expectStatus(signed, 201, 'sign');
    contractId = signed.json().id;
    assert.ok((await blocking()).includes('xz.gate.contract_filed:XZ-21'));
    const refused = await approve();
    expectStatus(refused, 422, 'unfiled contract');
    assert.equal(refused.json().code, 'GATE_BLOCKED');
    assert.match(refused.json().message, /项目建设合同未备案/);
    const override = await (await finance()).request(
      'POST',
      `/api/funds/disbursements/${disbursementId}/overrides`,
      { gateId: 'xz.gate.contract_filed', reason: '合同正在备案' },
    );
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'XZ-21');

    // The 数据中心 files the contract through the construction module.
    const contract = (await d.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    expectStatus(
      await d.request('POST', `/api/projects/${id}/contracts/${contractId}/file`, {
        version: contract.version,
      }),
      200,
      'file contract',
    );
    const after = await gates();
    assert.equal(after.find((g) => g.gateId === 'xz.gate.contract_filed')?.passed, true);
    assert.equal(after.find((g) => g.gateId === 'xz.gate.disbursement_basis_construction')?.passed, true);
  });

  test('XZ-21 an unfiled supervisor blocks the payment until the 局党组 consents and the supervisor is filed', async () => {
    assert.deepEqual(await blocking(), ['xz.gate.supervisor_filed:XZ-21']);
    const refused = await approve();
    expectStatus(refused, 422, 'unfiled supervisor');
    assert.equal(refused.json().article, 'XZ-21');
    assert.match(refused.json().message, /监理单位未备案/);

    const supervisor = {
      unitName: '忻州市通达工程监理有限公司',
      contractNumber: 'XZJL-2026-09',
      procurementMethod: 'competitive_consultation',
    };
    const d = await dc();
    // XZ-17: the supervisor is engaged after the 局党组's consent (a decision), then filed.
    expectStatus(
      await d.request('POST', `/api/projects/${id}/supervisors`, supervisor),
      409,
      'before consent',
    );
    expectStatus(
      await decide(await party(), id, 'xz.construction.supervisor_consent', { opinion: '同意聘请监理单位' }),
      200,
      'supervisor consent',
    );
    expectStatus(await d.request('POST', `/api/projects/${id}/supervisors`, supervisor), 201, 'supervisor');
    assert.deepEqual(await blocking(), []);
    const approved = await approve();
    expectStatus(approved, 200, 'approve');
  });

  test('XZ-21 after acceptance no further funds until the acceptance report is filed with the 局党组’s consent', async () => {
    const d = await dc();
    const contract = (await d.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    for (const item of contract.deliverables) {
      expectStatus(
        await d.request(
          'POST',
          `/api/projects/${id}/contracts/${contractId}/deliverables/${item.id}/delivered`,
        ),
        200,
        `deliver ${item.kind}`,
      );
    }
    expectStatus(await decide(d, id, 'xz.construction.build', { opinion: '项目建成' }), 200, 'built');
    for (const code of ['resource_catalog_registration', 'security_controllability']) {
      expectStatus(await upload(d, id, code, { stepId: 'xz.acceptance.accept' }), 201, code);
    }
    expectStatus(await decide(d, id, 'xz.acceptance.accept', { opinion: '验收通过' }), 200, 'accepted');

    const next = await consentedPayment('100000');
    assert.deepEqual(await blocking(next), ['xz.gate.acceptance_report:XZ-21']);
    const refused = await approve(next);
    expectStatus(refused, 422, 'report not filed');
    assert.equal(refused.json().article, 'XZ-21');
    assert.match(refused.json().message, /竣工验收报告/);

    // The report goes to the 局党组 first, then the 数据中心 files it with the city authority.
    expectStatus(
      await decide(await party(), id, 'xz.acceptance.report_consent', { opinion: '同意报备' }),
      200,
      'report consent',
    );
    expectStatus(
      await upload(d, id, 'acceptance_report', { stepId: 'xz.acceptance.report_filing' }),
      201,
      'report',
    );
    expectStatus(
      await decide(d, id, 'xz.acceptance.report_filing', { opinion: '报备' }),
      200,
      'report filed',
    );
    assert.deepEqual(await blocking(next), []);
    expectStatus(await approve(next), 200, 'approve after the report');
  });
});

describe('XZ rectification and funds (XZ-24)', () => {
  test('XZ-24 a refused rectification makes finance suspend construction and O&M funds; no override', async () => {
    const id = await establishedXz();
    expectStatus(
      await (await sessions.as('xz.finance')).request(
        'POST',
        `/api/funds/projects/${id}/budget-review`,
        XZ_REVIEW,
      ),
      201,
      'budget',
    );
    const staff = await sessions.as('xz.staff');
    const finance = await sessions.as('xz.finance');
    const payment = await requestDisbursement(staff, finance, {
      projectId: id,
      amount: '100000',
      purpose: '进度款',
    });
    const gateOf = () => payment.gate('xz.gate.rectification');
    assert.equal((await gateOf()).passed, true);

    // XZ-24: the 局党组 orders the 数据中心 to rectify and finds the outcome.
    await refusedRectification(await sessions.as('xz.party'), id, '未经批准调整建设内容');
    const closed = await gateOf();
    assert.equal(closed.blocking, true);
    assert.equal(closed.article, 'XZ-24');
    const refused = await payment.decide('approve', '同意');
    expectStatus(refused, 422, 'suspended');
    assert.match(refused.json().message, /拒不整改或整改后仍不符合要求/);
    const override = await finance.request('POST', `/api/funds/disbursements/${payment.id}/overrides`, {
      gateId: 'xz.gate.rectification',
      reason: '项目急需',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().code, 'GATE_ABSOLUTE');
    assert.equal(override.json().article, 'XZ-24');
  });
});

describe('XZ disbursements on the catalog (XZ-08a)', () => {
  test('XZ-08a no funds once the project’s system is no longer listed in the catalog (retired)', async () => {
    const id = await establishedXz();
    expectStatus(
      await (await sessions.as('xz.finance')).request(
        'POST',
        `/api/funds/projects/${id}/budget-review`,
        XZ_REVIEW,
      ),
      201,
      'budget',
    );
    const staff = await sessions.as('xz.staff');
    const payment = await requestDisbursement(staff, await sessions.as('xz.finance'), {
      projectId: id,
      kind: 'om',
      amount: '10000',
      purpose: '运维费',
    });
    const gateOf = () => payment.gate('xz.gate.system_catalog');
    assert.equal((await gateOf()).passed, true);
    const project = (await staff.request('GET', `/api/projects/${id}`)).json();
    const url = `/api/catalog/systems/${project.systems[0].systemId}`;
    const { system } = (await staff.request('GET', url)).json();
    expectStatus(
      await staff.request('POST', `${url}/retire`, { version: system.version, retirementDate: isoDay(ctx) }),
      200,
      'retire',
    );
    const closed = await gateOf();
    assert.equal(closed.blocking, true);
    assert.equal(closed.article, 'XZ-08a');
    assert.match(closed.reason, /不予安排运维资金/);
  });
});
