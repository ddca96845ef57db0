/**
 * Operations and security records per system through the HTTP API (issue 15), where the
 * jurisdictions' texts differ on security: the SC risk assessment made jointly with the contractor
 * (SC-28), emergency plans and drills (SC-29, XZ-32), incident liability (XZ-31); and who reaches a
 * system's records at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operationsHelpers } from '../../factories/operations.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let staff2: Session; // 大同市卫生健康委员会
let reviewer: Session; // 大同市数字政府服务中心
let authlead: Session;
let scStaff: Session;
let scReviewer: Session;
let xzStaff: Session; // 忻州市公路事业发展中心
let xzReviewer: Session; // 忻州市交通运输数据中心 (authority)

async function loginAll() {
  [staff, staff2, reviewer, authlead, scStaff, scReviewer, xzStaff, xzReviewer] = await Promise.all(
    [
      'dt.staff',
      'dt.staff2',
      'dt.reviewer',
      'dt.authlead',
      'sc.staff',
      'sc.reviewer',
      'xz.staff',
      'xz.reviewer',
    ].map((u) => login(ctx, u)),
  );
}

before(async () => {
  ctx = await setup();
  await loginAll();
});
after(async () => {
  await ctx.close();
});

const { hoursAgo, orgId, newSystem, grade, incident, incidentView } = operationsHelpers(() => ctx);

describe('operations records: where the texts differ', () => {
  test('SC-28 the SC risk assessment names the contractor that assessed jointly; DT does not require it', async () => {
    const scSystem = await newSystem(scStaff);
    const body = {
      kind: 'risk',
      assessedOn: '2026-10-10',
      result: 'pass',
      reportNumber: 'FX-1',
      assessor: '评估机构',
    };
    const alone = await scStaff.request('POST', `/api/operations/systems/${scSystem.id}/assessments`, body);
    assert.equal(alone.statusCode, 422, alone.body);
    assert.equal(alone.json().code, 'OPS_JOINT_ASSESSMENT_REQUIRED');
    assert.equal(alone.json().article, 'SC-28');
    assert.equal(alone.json().field, 'contractorOrganisationId');
    const notContractor = await scStaff.request(
      'POST',
      `/api/operations/systems/${scSystem.id}/assessments`,
      {
        ...body,
        contractorOrganisationId: await orgId('朔城区财政局'),
      },
    );
    assert.equal(notContractor.statusCode, 400);
    const joint = await scStaff.request('POST', `/api/operations/systems/${scSystem.id}/assessments`, {
      ...body,
      contractorOrganisationId: await orgId('朔州智联信息技术有限公司'),
    });
    assert.equal(joint.statusCode, 201, joint.body);
    assert.equal(joint.json().nextDue, '2027-10-10');
    const detail = (await scReviewer.request('GET', `/api/operations/systems/${scSystem.id}`)).json();
    assert.equal(detail.assessments[0].contractorOrganisationName, '朔州智联信息技术有限公司');
    assert.equal(detail.assessments[0].article, 'SC-28');

    const dtSystem = await newSystem(staff);
    const dt = await staff.request('POST', `/api/operations/systems/${dtSystem.id}/assessments`, body);
    assert.equal(dt.statusCode, 201, dt.body);
  });

  test('SC-29 XZ-32 emergency plans are made jointly with the contractor in SC and XZ; versions and drills are kept', async () => {
    const plan = {
      title: '教育科技局网络安全事件应急预案',
      documentNumber: '朔教科〔2026〕12号',
      summary: '分级响应、处置流程、联络表',
      adoptedOn: '2026-03-01',
    };
    const alone = await scStaff.request('POST', '/api/operations/emergency-plans', plan);
    assert.equal(alone.statusCode, 422, alone.body);
    assert.equal(alone.json().article, 'SC-29');
    const created = await scStaff.request('POST', '/api/operations/emergency-plans', {
      ...plan,
      contractorOrganisationId: await orgId('朔州智联信息技术有限公司'),
    });
    assert.equal(created.statusCode, 201, created.body);
    const planId = created.json().id;
    const revised = await scStaff.request('POST', `/api/operations/emergency-plans/${planId}/versions`, {
      documentNumber: '朔教科〔2026〕30号',
      summary: '增加勒索病毒处置专项',
      adoptedOn: '2026-09-01',
      contractorOrganisationId: await orgId('朔州智联信息技术有限公司'),
      version: 1,
    });
    assert.equal(revised.statusCode, 201, revised.body);
    const past = await scStaff.request('POST', `/api/operations/emergency-plans/${planId}/drills`, {
      plannedOn: '2026-10-15',
      scenario: '门户网站篡改',
    });
    assert.equal(past.statusCode, 400, 'a drill is planned ahead; one already held is recorded as held');
    // A system's plan: its planned drill is an obligation of the engine until it is held.
    const scSystem = await newSystem(scStaff);
    const systemPlan = await scStaff.request('POST', '/api/operations/emergency-plans', {
      ...plan,
      title: '教育云平台应急预案',
      systemId: scSystem.id,
      contractorOrganisationId: await orgId('朔州智联信息技术有限公司'),
    });
    assert.equal(systemPlan.statusCode, 201, systemPlan.body);
    const drill = await scStaff.request(
      'POST',
      `/api/operations/emergency-plans/${systemPlan.json().id}/drills`,
      {
        plannedOn: '2026-11-23',
        scenario: '门户网站篡改',
      },
    );
    assert.equal(drill.statusCode, 201, drill.body);
    const drillId = drill.json().id;
    const owed = async () =>
      (await scReviewer.request('GET', `/api/obligations?systemId=${scSystem.id}`))
        .json()
        .items.find((o: { kind: string }) => o.kind === 'ops.drill');
    assert.equal((await owed()).overdue, false);
    assert.deepEqual((await owed()).articles, ['SC-29']);
    ctx.clock.advance(2 * 86_400_000); // two days on: the drill was not held
    await loginAll();
    const list = (await scReviewer.request('GET', '/api/operations/emergency-plans')).json();
    const mine = list.items.find((p: { id: string }) => p.id === planId);
    assert.deepEqual(
      mine.versions.map((v: { number: number }) => v.number),
      [2, 1],
      'both versions kept',
    );
    const withDrill = list.items.find((p: { id: string }) => p.id === systemPlan.json().id);
    assert.equal(withDrill.drills[0].overdue, true, 'planned for 2026-11-23 and not held');
    assert.equal((await owed()).overdue, true);
    const overview = (await scReviewer.request('GET', '/api/operations/overview')).json();
    assert.equal(overview.drills.find((d: { id: string }) => d.id === drillId).status, 'overdue');
    const held = await scStaff.request('POST', `/api/operations/drills/${drillId}/held`, {
      version: 1,
      heldOn: '2026-11-24',
      participants: '教育科技局、朔州智联信息技术有限公司',
      findings: '恢复时间超出预期，需完善备份',
    });
    assert.equal(held.statusCode, 200, held.body);
    const after = (await scReviewer.request('GET', '/api/operations/overview')).json();
    assert.ok(!after.drills.some((d: { id: string }) => d.id === drillId));
    assert.equal((await owed()).state, 'met');

    const xzAlone = await xzStaff.request('POST', '/api/operations/emergency-plans', {
      ...plan,
      title: '公路中心应急预案',
    });
    assert.equal(xzAlone.statusCode, 422);
    assert.equal(xzAlone.json().article, 'XZ-32');
    const dtAlone = await staff.request('POST', '/api/operations/emergency-plans', {
      ...plan,
      title: '教育局应急预案',
    });
    assert.equal(dtAlone.statusCode, 201, 'DT-36: the department makes its plan');
  });

  test('XZ-31 incident liability: 使用单位 for weak or stolen passwords, 建设单位 for technical causes; DT records none', async () => {
    const system = await newSystem(xzStaff);
    const weak = await incident(xzStaff, system.id, { cause: 'weak_password', title: '弱口令导致数据泄露' });
    const w = (await incidentView(xzReviewer, weak)).incident;
    assert.equal(w.liableParty, 'user_unit');
    assert.equal(w.liabilityArticle, 'XZ-31');
    assert.equal(w.authorityFilingRequired, false, 'XZ-32 reports 按照规定向有关部门, no filing');
    const technical = await incident(xzStaff, system.id, { cause: 'technical', title: '系统漏洞导致泄露' });
    assert.equal((await incidentView(xzStaff, technical)).incident.liableParty, 'contractor');
    const stolen = await incident(xzStaff, system.id, { cause: 'stolen_password' });
    assert.equal((await incidentView(xzStaff, stolen)).incident.liableParty, 'user_unit');
    const dtSystem = await newSystem(staff);
    const dt = await incident(staff, dtSystem.id, { cause: 'weak_password' });
    assert.equal((await incidentView(staff, dt)).incident.liableParty, null);
  });

  test('operations routes: the own department and the authority reach a system’s records; other departments and jurisdictions get 404 or 403', async () => {
    const system = await newSystem(staff);
    await grade(staff, system.id);
    const id = await incident(staff, system.id);
    const plan = await staff.request('POST', '/api/operations/emergency-plans', {
      title: '系统应急预案',
      systemId: system.id,
      documentNumber: '同教〔2026〕1号',
      summary: '预案',
      adoptedOn: '2026-01-01',
    });
    assert.equal(plan.statusCode, 201, plan.body);
    const planId = plan.json().id;
    const reads = [`/api/operations/systems/${system.id}`, `/api/operations/incidents/${id}`];
    for (const url of reads) {
      assert.equal((await staff.request('GET', url)).statusCode, 200, url);
      assert.equal((await reviewer.request('GET', url)).statusCode, 200, url);
      for (const outsider of [staff2, scReviewer]) {
        const res = await outsider.request('GET', url);
        assert.equal(res.statusCode, 404, `${url} as ${outsider.username}`);
        assert.deepEqual(Object.keys(res.json()).sort(), ['code', 'message', 'requestId']);
      }
    }
    const lists: [string, (body: Record<string, unknown>) => boolean][] = [
      [
        '/api/operations/systems?limit=500',
        (b) => (b.items as { id: string }[]).some((s) => s.id === system.id),
      ],
      ['/api/operations/incidents?limit=500', (b) => (b.items as { id: string }[]).some((s) => s.id === id)],
      [
        '/api/operations/emergency-plans?limit=500',
        (b) => (b.items as { id: string }[]).some((s) => s.id === planId),
      ],
    ];
    for (const [url, has] of lists) {
      assert.ok(has((await staff.request('GET', url)).json()), `${url} own`);
      assert.ok(has((await reviewer.request('GET', url)).json()), `${url} authority`);
      assert.ok(!has((await staff2.request('GET', url)).json()), `${url} other department`);
      assert.ok(!has((await scReviewer.request('GET', url)).json()), `${url} other jurisdiction`);
    }
    const writes: [string, string, unknown][] = [
      [
        'PUT',
        `/api/operations/systems/${system.id}/grading`,
        { level: 2, filingNumber: 'X', filingDate: '2024-01-01', criticalInfrastructure: false, version: 1 },
      ],
      [
        'POST',
        `/api/operations/systems/${system.id}/assessments`,
        { kind: 'risk', assessedOn: '2026-01-01', result: 'pass', reportNumber: 'R', assessor: 'A' },
      ],
      [
        'POST',
        `/api/operations/systems/${system.id}/products`,
        { category: 'os', name: '麒麟', vendor: '麒麟软件', controllable: true },
      ],
      [
        'POST',
        `/api/operations/incidents/${id}/entries`,
        { kind: 'handling', at: hoursAgo(0), text: '处置' },
      ],
      ['POST', `/api/operations/incidents/${id}/filing`, { at: hoursAgo(0), text: '报备' }],
      [
        'POST',
        `/api/operations/emergency-plans/${planId}/drills`,
        { plannedOn: '2027-01-10', scenario: '断电' },
      ],
      [
        'POST',
        `/api/operations/systems/${system.id}/retirement`,
        { reason: 'r', retirementDate: '2026-12-31', dataDisposition: 'archived', dataDestination: '档案室' },
      ],
    ];
    for (const [method, url, body] of writes) {
      for (const outsider of [staff2, scReviewer]) {
        const res = await outsider.request(method as 'PUT', url, body);
        assert.ok(
          [403, 404].includes(res.statusCode),
          `${method} ${url} as ${outsider.username}: ${res.statusCode}`,
        );
      }
      const res = await staff.request(method as 'PUT', url, body);
      assert.ok(res.statusCode < 300, `${method} ${url} own: ${res.statusCode} ${res.body}`);
    }
    const product = (await staff.request('GET', `/api/operations/systems/${system.id}`)).json().products[0];
    const removeUrl = `/api/operations/systems/${system.id}/products/${product.id}`;
    assert.equal((await staff2.request('DELETE', removeUrl)).statusCode, 404);
    assert.equal((await reviewer.request('DELETE', removeUrl)).statusCode, 200, 'the authority corrects');
    // Decisions are the authority's of the same jurisdiction only.
    const retirement = (await reviewer.request('GET', '/api/operations/retirements?status=requested'))
      .json()
      .items.find((r: { systemId: string }) => r.systemId === system.id);
    const decision = { decision: 'rejected', note: '数据去向不明确', version: retirement.version };
    assert.equal(
      (await scReviewer.request('POST', `/api/operations/retirements/${retirement.id}/decision`, decision))
        .statusCode,
      404,
    );
    assert.equal(
      (await authlead.request('POST', `/api/operations/retirements/${retirement.id}/decision`, decision))
        .statusCode,
      200,
    );
  });
});
