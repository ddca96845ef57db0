/**
 * Operations records per system through the HTTP API (issue 15) beyond security: retirement out of
 * the DT-01 live count, the cloud counts, exemptions and O&M handover of XZ-08b/XZ-28/XZ-30, the
 * DT-05b internal rules, and the base libraries and data responsibility of DT-33, DT-34 and JC-06 —
 * on systems and resources stored through the catalog API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { usccCheckChar } from '../../../src/catalog/codes.ts';
import { operationsHelpers } from '../../factories/operations.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let staff2: Session; // 大同市卫生健康委员会
let reviewer: Session; // 大同市数字政府服务中心
let scStaff: Session;
let scReviewer: Session;
let xzStaff: Session; // 忻州市公路事业发展中心
let xzReviewer: Session; // 忻州市交通运输数据中心 (authority)
let jcStaff: Session;

async function loginAll() {
  [staff, staff2, reviewer, scStaff, scReviewer, xzStaff, xzReviewer, jcStaff] = await Promise.all(
    [
      'dt.staff',
      'dt.staff2',
      'dt.reviewer',
      'sc.staff',
      'sc.reviewer',
      'xz.staff',
      'xz.reviewer',
      'jc.staff',
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

const { orgId, newSystem } = operationsHelpers(() => ctx);

describe('operations records', () => {
  test('DT-01 a retired system drops out of the live count and its resources are taken down', async () => {
    const count = async () => {
      const res = await reviewer.request('GET', '/api/catalog/metrics/system-count?from=2026-11&to=2026-11');
      assert.equal(res.statusCode, 200, res.body);
      return res.json().months.at(-1).count as number;
    };
    const first17 = `1114020000000091${'0'}`;
    const providerCode = first17 + usccCheckChar(first17);
    const resource = await staff.request('POST', '/api/catalog/resources', {
      code: '311009001',
      category: 'department',
      name: '停用系统测试资源',
      providerCode,
      summary: '测试',
      formatClass: 'database',
      formatType: '达梦',
      dataItems: [{ name: '学校名称', dataType: 'string', length: 100 }],
      sharing: 'conditional',
      sharingConditions: '仅限履职需要',
      sharingMethods: ['interface'],
      openness: 'none',
      updateCycle: 'monthly',
      relatedCodes: [],
      classified: false,
    });
    assert.equal(resource.statusCode, 201, resource.body);
    const r = resource.json().resource;
    assert.equal(
      (await staff.request('POST', `/api/catalog/resources/${r.id}/submit`, { version: 1 })).statusCode,
      200,
    );
    const published = await reviewer.request('POST', `/api/catalog/resources/${r.id}/review`, {
      decision: 'publish',
      version: 2,
    });
    assert.equal(published.statusCode, 200, published.body);
    const system = await newSystem(staff, { resourceCodes: [r.code] });
    const before = await count();

    const requested = await staff.request('POST', `/api/operations/systems/${system.id}/retirement`, {
      reason: '业务并入省级平台，本系统停用',
      retirementDate: '2026-11-20',
      dataDisposition: 'migrated',
      dataDestination: '省教育数据中心',
    });
    assert.equal(requested.statusCode, 201, requested.body);
    const retirementId = requested.json().id;
    const list = (await reviewer.request('GET', '/api/operations/retirements?status=requested')).json();
    const item = list.items.find((i: { id: string }) => i.id === retirementId);
    assert.ok(item);
    const notConfirmed = await reviewer.request(
      'POST',
      `/api/operations/retirements/${retirementId}/decision`,
      {
        decision: 'approved',
        note: '同意',
        version: item.version,
      },
    );
    assert.equal(notConfirmed.statusCode, 422, notConfirmed.body);
    assert.equal(notConfirmed.json().code, 'OPS_DATA_NOT_CONFIRMED');
    const confirmed = await staff.request(
      'POST',
      `/api/operations/retirements/${retirementId}/data-confirmation`,
      {
        version: item.version,
      },
    );
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const byStaff = await staff.request('POST', `/api/operations/retirements/${retirementId}/decision`, {
      decision: 'approved',
      note: '同意',
      version: item.version + 1,
    });
    assert.equal(byStaff.statusCode, 403, 'a department does not approve its own retirement');
    assert.equal(await count(), before, 'still live until approved');
    const approved = await reviewer.request('POST', `/api/operations/retirements/${retirementId}/decision`, {
      decision: 'approved',
      note: '同意停用报废',
      version: item.version + 1,
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().withdrawnResources, 1);
    assert.equal(await count(), before - 1, 'the retired system leaves the live count');
    const catalogEntry = (await staff.request('GET', `/api/catalog/systems/${system.id}`)).json();
    assert.equal(catalogEntry.system.status, 'retired');
    assert.equal(catalogEntry.system.retirementDate, '2026-11-20');
    const res = (await staff.request('GET', `/api/catalog/resources/${r.id}`)).json();
    assert.equal(res.resource.state, 'withdrawn', 'its resources are taken down');
    const again = await staff.request('POST', `/api/operations/systems/${system.id}/retirement`, {
      reason: '再次',
      retirementDate: '2026-11-21',
      dataDisposition: 'archived',
      dataDestination: '档案室',
    });
    assert.equal(again.statusCode, 409);
  });
});

describe('operations records: where the texts differ', () => {
  test('XZ-08b XZ-28 XZ-30 cloud counts per department count only the 市级政务云 in XZ; exemptions and O&M handover', async () => {
    const summary = async (session: Session, name: string) =>
      (await session.request('GET', '/api/operations/cloud'))
        .json()
        .departments.find((d: { organisationName: string }) => d.organisationName === name) ?? {
        systems: 0,
        onCloud: 0,
        exempt: 0,
        toMigrate: 0,
        handedOver: 0,
      };
    const start = await summary(xzReviewer, '忻州市公路事业发展中心');
    const onCity = await newSystem(xzStaff);
    // XZ's catalog refuses 已上云 for a district cloud (XZ-28): such a system is still to migrate.
    const onDistrict = await newSystem(xzStaff, {
      deployment: 'district_cloud',
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-03-31',
    });
    const own = await newSystem(xzStaff, {
      deployment: 'own_machine_room',
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-06-30',
    });
    const before = await summary(xzReviewer, '忻州市公路事业发展中心');
    assert.equal(before.systems - start.systems, 3);
    assert.equal(before.onCloud - start.onCloud, 1, 'a district cloud does not count for XZ');
    assert.equal(before.toMigrate - start.toMigrate, 2);
    // DT counts the county clouds as government cloud.
    await newSystem(staff2, {
      deployment: 'district_cloud',
      cloudMigration: 'migrated',
      cloudMigrationDate: '2025-01-01',
    });
    const dt = await summary(reviewer, '大同市卫生健康委员会');
    assert.equal(dt.onCloud, dt.systems);

    const badGround = await xzStaff.request('POST', `/api/operations/systems/${own.id}/cloud-exemption`, {
      ground: 'cost',
      reason: '费用',
    });
    assert.equal(badGround.statusCode, 400);
    const onCloud = await xzStaff.request('POST', `/api/operations/systems/${onCity.id}/cloud-exemption`, {
      ground: 'secrecy',
      reason: '涉密',
    });
    assert.equal(onCloud.statusCode, 409);
    const requested = await xzStaff.request('POST', `/api/operations/systems/${own.id}/cloud-exemption`, {
      ground: 'secrecy',
      reason: '处理涉密路网数据，按保密要求不上云',
    });
    assert.equal(requested.statusCode, 201, requested.body);
    const exemptionId = requested.json().id;
    const byStaff = await xzStaff.request(
      'POST',
      `/api/operations/cloud-exemptions/${exemptionId}/decision`,
      {
        decision: 'approved',
        note: '同意',
        version: 1,
      },
    );
    assert.equal(byStaff.statusCode, 403);
    const approved = await xzReviewer.request(
      'POST',
      `/api/operations/cloud-exemptions/${exemptionId}/decision`,
      {
        decision: 'approved',
        note: '同意按保密要求不上云',
        version: 1,
      },
    );
    assert.equal(approved.statusCode, 200, approved.body);
    const handover = await xzStaff.request('POST', `/api/operations/systems/${onDistrict.id}/om-handover`, {
      fromOrganisationId: await orgId('忻州交信科技有限公司'),
      toOrganisationId: await orgId('忻州市交通运输数据中心'),
      handedOverOn: '2026-10-01',
      note: '运维文档、账号与源代码已移交',
    });
    assert.equal(handover.statusCode, 201, handover.body);
    const after = await summary(xzReviewer, '忻州市公路事业发展中心');
    assert.equal(after.exempt - before.exempt, 1);
    assert.equal(after.toMigrate - start.toMigrate, 1);
    assert.equal(after.handedOver - before.handedOver, 1);
    const dtHandover = await staff.request(
      'POST',
      `/api/operations/systems/${(await newSystem(staff)).id}/om-handover`,
      {
        fromOrganisationId: await orgId('山西云数科技有限公司'),
        toOrganisationId: await orgId('大同市教育局'),
        handedOverOn: '2026-10-01',
      },
    );
    assert.equal(dtHandover.statusCode, 422, 'O&M handover is an XZ-30 rule');
  });

  test('DT-05b each DT department records its internal rules; the missing ones are flagged; SC has no such list', async () => {
    const status = async () =>
      (await reviewer.request('GET', '/api/operations/internal-rules'))
        .json()
        .items.find((d: { name: string }) => d.name === '大同市教育局');
    const before = await status();
    assert.equal(before.missing.length, 9);
    assert.deepEqual(before.articles, ['DT-05b']);
    const saved = await staff.request('PUT', '/api/operations/internal-rules', {
      kind: 'security',
      title: '大同市教育局网络与信息安全管理办法',
      documentNumber: '同教发〔2025〕8号',
      issuedOn: '2025-03-01',
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const after = await status();
    assert.equal(after.missing.length, 8);
    assert.ok(!after.missing.includes('security'));
    assert.equal(after.rules[0].title, '大同市教育局网络与信息安全管理办法');
    const stale = await staff.request('PUT', '/api/operations/internal-rules', {
      kind: 'security',
      title: '修订',
      issuedOn: '2025-03-01',
      version: 5,
    });
    assert.equal(stale.statusCode, 409);
    const sc = await scStaff.request('PUT', '/api/operations/internal-rules', {
      kind: 'security',
      title: '制度',
      issuedOn: '2025-03-01',
    });
    assert.equal(sc.statusCode, 422);
    const other = (await staff2.request('GET', '/api/operations/internal-rules')).json();
    assert.deepEqual(
      other.items.map((d: { name: string }) => d.name),
      ['大同市卫生健康委员会'],
    );
  });

  test('DT-33 DT-34 JC-06 base libraries with their responsible body; each resource names who collects, checks and answers', async () => {
    const first17 = `1114020000000092${'0'}`;
    const created = await staff.request('POST', '/api/catalog/resources', {
      code: '311009001',
      category: 'department',
      name: '学籍基础信息',
      providerCode: first17 + usccCheckChar(first17),
      summary: '学生学籍',
      formatClass: 'database',
      dataItems: [{ name: '学生姓名', dataType: 'string', length: 50 }],
      sharing: 'conditional',
      sharingConditions: '履职需要',
      sharingMethods: ['interface'],
      openness: 'none',
      updateCycle: 'monthly',
      relatedCodes: [],
      classified: false,
    });
    assert.equal(created.statusCode, 201, created.body);
    const resourceId = created.json().resource.id;
    const missing = await staff.request('PUT', `/api/operations/resources/${resourceId}/responsibility`, {
      collectorOrganisationId: await orgId('大同市教育局'),
    });
    assert.equal(missing.statusCode, 400, missing.body);
    assert.equal(missing.json().field, 'checkerOrganisationId');
    assert.equal(missing.json().article, 'DT-34');
    const set = await staff.request('PUT', `/api/operations/resources/${resourceId}/responsibility`, {
      collectorOrganisationId: await orgId('大同市教育局'),
      checkerOrganisationId: await orgId('大同市数字政府服务中心'),
    });
    assert.equal(set.statusCode, 200, set.body);
    const list = (await reviewer.request('GET', '/api/operations/responsibilities?limit=500')).json();
    const row = list.items.find((r: { resourceId: string }) => r.resourceId === resourceId);
    assert.equal(row.collectorOrganisationName, '大同市教育局');
    assert.equal(row.checkerOrganisationName, '大同市数字政府服务中心');
    assert.deepEqual(row.missing, []);
    assert.deepEqual(row.articles, ['DT-34']);
    const foreign = await staff2.request('PUT', `/api/operations/resources/${resourceId}/responsibility`, {
      collectorOrganisationId: await orgId('大同市卫生健康委员会'),
      checkerOrganisationId: await orgId('大同市数字政府服务中心'),
    });
    assert.equal(foreign.statusCode, 404);

    const libraries = async () =>
      (await reviewer.request('GET', '/api/operations/base-libraries')).json().items;
    assert.equal((await libraries()).length, 6);
    const byStaff = await staff.request('PUT', '/api/operations/base-libraries/natural_person', {
      responsibleOrganisationId: await orgId('大同市数字政府服务中心'),
      resourceIds: [resourceId],
    });
    assert.equal(byStaff.statusCode, 403);
    const saved = await reviewer.request('PUT', '/api/operations/base-libraries/natural_person', {
      responsibleOrganisationId: await orgId('大同市数字政府服务中心'),
      resourceIds: [resourceId],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const natural = (await libraries()).find((l: { kind: string }) => l.kind === 'natural_person');
    assert.equal(natural.responsibleOrganisationName, '大同市数字政府服务中心');
    assert.equal(natural.resources[0].id, resourceId);
    assert.deepEqual(natural.articles, ['DT-33']);
    const sc = await scReviewer.request('PUT', '/api/operations/base-libraries/natural_person', {
      responsibleOrganisationId: await orgId('朔城区政务信息管理局'),
      resourceIds: [],
    });
    assert.equal(sc.statusCode, 422, 'SC names no base libraries');

    // JC-06: 谁主管、谁提供、谁负责 — the responsible provider must be named.
    const jcFirst = `1114052500000093${'0'}`;
    const jcResource = await jcStaff.request('POST', '/api/catalog/resources', {
      code: '311009001',
      category: 'department',
      name: '城区学校名录',
      providerCode: jcFirst + usccCheckChar(jcFirst),
      summary: '学校名录',
      formatClass: 'database',
      dataItems: [{ name: '学校名称', dataType: 'string', length: 100 }],
      sharing: 'unconditional',
      sharingMethods: ['interface'],
      openness: 'none',
      updateCycle: 'yearly',
      relatedCodes: [],
      classified: false,
    });
    assert.equal(jcResource.statusCode, 201, jcResource.body);
    const jcId = jcResource.json().resource.id;
    const jcMissing = await jcStaff.request('PUT', `/api/operations/resources/${jcId}/responsibility`, {
      collectorOrganisationId: await orgId('城区教育局'),
    });
    assert.equal(jcMissing.statusCode, 400);
    assert.equal(jcMissing.json().field, 'providerOrganisationId');
    assert.equal(jcMissing.json().article, 'JC-06');
    const jcSet = await jcStaff.request('PUT', `/api/operations/resources/${jcId}/responsibility`, {
      providerOrganisationId: await orgId('城区教育局'),
      usageNote: '使用部门按授权范围使用，谁经手谁负责',
    });
    assert.equal(jcSet.statusCode, 200, jcSet.body);
  });
});
