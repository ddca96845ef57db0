/**
 * Money on XZ projects (issue 13): the 财务科 fixes the budget and reports it (XZ-11), no separate
 * hardware funds (XZ-28); every payment needs the 局党组's consent recorded as a decision
 * (XZ-05b); O&M funds wait for the system to be on the cloud and sharing (XZ-10b); no funds for a
 * retired catalog system (XZ-08a). The gates set by the construction module:
 * funds-xz-construction.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isoDay, requestDisbursement } from '../../factories/funds.ts';
import { XZ_REVIEW, xzFundsHelpers } from '../../factories/funds-xz.ts';
import { decide, expectStatus, Sessions, setupProjects } from '../../factories/projects.ts';
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
    projectId = await budgetedXz();
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

describe('XZ disbursements on the catalog (XZ-08a)', () => {
  test('XZ-08a no funds once the project’s system is no longer listed in the catalog (retired)', async () => {
    const id = await budgetedXz();
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
