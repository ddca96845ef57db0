/**
 * Money on XZ projects (issue 13), through the construction module: an unfiled contract,
 * supervisor or acceptance report stops further funds (XZ-21); a refused rectification makes
 * finance suspend them (XZ-24).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { refusedRectification, requestDisbursement } from '../../factories/funds.ts';
import { XZ_CONTRACT as CONTRACT, XZ_REVIEW, xzFundsHelpers } from '../../factories/funds-xz.ts';
import { decide, expectStatus, Sessions, setupProjects, upload } from '../../factories/projects.ts';
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

const { establishedXz, budgetedXz } = xzFundsHelpers(() => ({ ctx, sessions }));

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
    const id = await budgetedXz();
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
