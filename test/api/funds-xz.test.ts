/**
 * Money on XZ projects (issue 13): the 财务科 fixes the budget and reports it (XZ-11), no separate
 * hardware funds (XZ-28); every payment needs the 局党组's consent recorded as a decision
 * (XZ-05b); O&M funds wait for the system to be on the cloud and sharing (XZ-10b).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from '../helper.ts';
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
} from './projects-support.ts';

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

describe('XZ gates on the construction module’s facts (XZ-05b, XZ-21)', () => {
  test('XZ-21 construction funds wait for the contract filing done through the construction commands; the supervisor filing still blocks', async () => {
    const id = await establishedXz();
    const finance = await sessions.as('xz.finance');
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-review`, XZ_REVIEW),
      201,
      'budget',
    );
    expectStatus(
      await finance.request('POST', `/api/funds/projects/${id}/budget-steps/xz.budget.report`, {
        opinion: '上报',
      }),
      200,
      'report',
    );
    const created = await (await sessions.as('xz.staff')).request('POST', '/api/funds/disbursements', {
      projectId: id,
      year: 2026,
      kind: 'construction',
      amount: '200000',
      purpose: '合同首付款',
    });
    expectStatus(created, 201, 'request');
    const disbursementId = created.json().id;
    const party = await sessions.as('xz.party');
    expectStatus(
      await party.request('POST', `/api/funds/disbursements/${disbursementId}/consent`, {
        decision: 'consent',
        opinion: '局党组同意拨付合同首付款',
      }),
      200,
      'consent',
    );
    const blocking = async () =>
      (await finance.request('GET', `/api/funds/disbursements/${disbursementId}`))
        .json()
        .gates.filter((g: { blocking: boolean }) => g.blocking)
        .map((g: { gateId: string; article: string }) => `${g.gateId}:${g.article}`);
    const approve = async () => {
      const detail = (await finance.request('GET', `/api/funds/disbursements/${disbursementId}`)).json();
      return finance.request('POST', `/api/funds/disbursements/${disbursementId}/decision`, {
        decision: 'approve',
        opinion: '同意',
        version: detail.disbursement.version,
      });
    };
    // No contract yet: XZ-05b pays on the basis of the filed contract.
    assert.deepEqual(await blocking(), ['xz.gate.disbursement_basis_construction:XZ-05b']);

    // The 数据中心 signs the contract (construction module): now the filings are missing (XZ-21).
    const dc = await sessions.as('xz.dcstaff');
    expectStatus(await upload(dc, id, 'contract_text', { stepId: 'xz.construction.contract' }), 201, 'text');
    const signed = await dc.request('POST', `/api/projects/${id}/contracts`, CONTRACT);
    expectStatus(signed, 201, 'sign');
    assert.deepEqual((await blocking()).sort(), [
      'xz.gate.contract_filed:XZ-21',
      'xz.gate.disbursement_basis_construction:XZ-05b',
      'xz.gate.supervisor_filed:XZ-21',
    ]);
    const refused = await approve();
    expectStatus(refused, 422, 'unfiled contract');
    assert.match(refused.json().message, /项目建设合同未备案/);
    const override = await finance.request('POST', `/api/funds/disbursements/${disbursementId}/overrides`, {
      gateId: 'xz.gate.contract_filed',
      reason: '合同正在备案',
    });
    expectStatus(override, 422, 'absolute');
    assert.equal(override.json().article, 'XZ-21');

    // The contract is filed: only the supervisor filing is missing.
    const contract = (await dc.request('GET', `/api/projects/${id}/contracts`)).json().items[0];
    expectStatus(
      await dc.request('POST', `/api/projects/${id}/contracts/${signed.json().id}/file`, {
        version: contract.version,
      }),
      200,
      'file contract',
    );
    assert.deepEqual(await blocking(), ['xz.gate.supervisor_filed:XZ-21']);
    const stillBlocked = await approve();
    expectStatus(stillBlocked, 422, 'unfiled supervisor');
    assert.equal(stillBlocked.json().article, 'XZ-21');

    // The supervisor filing (XZ-17, XZ-21) is recorded by the construction module's supervisor
    // registration, which has no route yet: the payment stays blocked with XZ-21 until it does.
  });
});
