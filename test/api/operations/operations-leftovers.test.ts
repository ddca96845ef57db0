/**
 * Issue 15 leftovers through the HTTP API, on systems stored through the catalog API: one truth for
 * the 等保 level (the grading updates the catalog entry), the drill of a department-wide plan is an
 * obligation like a system plan's, SC-27 daily monitoring of data resources, XZ-30 industry clouds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { formatIsoDate, parseIsoDate } from '../../../shared/dates/dates.ts';
import { chinaDate } from '../../../src/platform/clock.ts';
import { organisations } from '../../../src/platform/db/core.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let reviewer: Session; // 大同市数字政府服务中心
let scStaff: Session;
let scReviewer: Session;
let xzStaff: Session;
let xzReviewer: Session;
let scStaff2: Session;
let xzStaff2: Session;

async function loginAll() {
  [staff, reviewer, scStaff, scReviewer, xzStaff, xzReviewer, scStaff2, xzStaff2] = await Promise.all(
    [
      'dt.staff',
      'dt.reviewer',
      'sc.staff',
      'sc.reviewer',
      'xz.staff',
      'xz.reviewer',
      'sc.staff2',
      'xz.staff2',
    ].map((u) => login(ctx, u)),
  );
}

const today = () => chinaDate(ctx.clock.now());
const plusDays = (iso: string, days: number) => formatIsoDate(parseIsoDate(iso) + days);
const DAY = 86_400_000;

before(async () => {
  ctx = await setup();
  await loginAll();
});
after(async () => {
  await ctx.close();
});

async function orgId(name: string): Promise<string> {
  const [row] = await ctx.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  assert.ok(row, name);
  return row.id;
}

let seq = 0;
async function newSystem(
  session: Session,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  seq += 1;
  const res = await session.request('POST', '/api/catalog/systems', {
    name: `运行遗留项测试系统${seq}`,
    purpose: '支撑业务办理',
    status: 'in_operation',
    deployment: 'city_cloud',
    networks: ['extranet'],
    mlpsLevel: 2,
    projectRefs: [],
    resourceCodes: [],
    sharedOnPlatform: true,
    sharedResourceCount: 1,
    cloudMigration: 'migrated',
    cloudMigrationDate: '2024-06-30',
    ...extra,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().system;
}

async function catalogSystem(session: Session, id: string) {
  const res = await session.request('GET', `/api/catalog/systems/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('issue 15 leftovers', () => {
  test('DT-35 recording a 等保 grading sets the catalog level in the same transaction; the catalog refuses another level', async () => {
    const system = await newSystem(staff);
    const before = await catalogSystem(staff, system.id);
    assert.equal(before.system.mlpsLevel, 2);
    const graded = await staff.request('PUT', `/api/operations/systems/${system.id}/grading`, {
      level: 3,
      filingNumber: '14020099-LV3',
      filingDate: '2024-01-10',
      criticalInfrastructure: false,
    });
    assert.equal(graded.statusCode, 200, graded.body);
    const after = await catalogSystem(staff, system.id);
    assert.equal(after.system.mlpsLevel, 3, 'the catalog follows the grading');
    assert.equal(after.system.version, before.system.version + 1);

    const edit = await staff.request('PATCH', `/api/catalog/systems/${system.id}`, {
      mlpsLevel: 2,
      version: after.system.version,
    });
    assert.equal(edit.statusCode, 400, edit.body);
    assert.equal(edit.json().code, 'MLPS_LEVEL_FROM_GRADING');
    assert.equal(edit.json().field, 'mlpsLevel');
    assert.equal(edit.json().article, 'DT-35');
    assert.equal((await catalogSystem(staff, system.id)).system.mlpsLevel, 3, 'refused: nothing changed');
  });

  test('SC-29 a drill of a department-wide plan creates the overdue obligation like a system plan’s', async () => {
    const created = await scStaff.request('POST', '/api/operations/emergency-plans', {
      title: '教育科技局网络安全总体应急预案',
      documentNumber: '朔教科〔2026〕40号',
      summary: '全局统一的分级响应与处置流程',
      adoptedOn: '2026-03-01',
      contractorOrganisationId: await orgId('朔州智联信息技术有限公司'),
    });
    assert.equal(created.statusCode, 201, created.body);
    const drill = await scStaff.request(
      'POST',
      `/api/operations/emergency-plans/${created.json().id}/drills`,
      {
        plannedOn: '2026-11-24',
        scenario: '全局断网恢复',
      },
    );
    assert.equal(drill.statusCode, 201, drill.body);
    const drillId = drill.json().id;
    const owed = async (s: Session) =>
      (await s.request('GET', '/api/obligations?kind=ops.drill'))
        .json()
        .items.find((o: { title: string }) => o.title === '教育科技局网络安全总体应急预案：应急演练');
    const open = await owed(scStaff);
    assert.ok(open, 'the department sees its drill obligation');
    assert.equal(open.systemId, null);
    assert.equal(open.projectId, null);
    assert.deepEqual(open.articles, ['SC-29']);
    assert.equal(open.overdue, false);
    ctx.clock.advance(3 * 86_400_000);
    await loginAll();
    assert.equal((await owed(scReviewer)).overdue, true, 'the authority sees it overdue');
    const held = await scStaff.request('POST', `/api/operations/drills/${drillId}/held`, {
      version: 1,
      heldOn: '2026-11-25',
      participants: '教育科技局、朔州智联信息技术有限公司',
      findings: '通讯录需更新',
    });
    assert.equal(held.statusCode, 200, held.body);
    const met = await owed(scStaff);
    assert.equal(met.state, 'met');
    assert.equal(met.late, true);
  });

  test('SC-27 daily monitoring of a running SC system: entries per day, missing days flagged, other departments get 404 or 403', async () => {
    const system = await newSystem(scStaff);
    const first = today();
    const view = async (s: Session = scStaff) => {
      const res = await s.request('GET', `/api/operations/systems/${system.id}/monitoring`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const fresh = await view();
    assert.equal(fresh.required, true);
    assert.deepEqual(fresh.articles, ['SC-27']);
    assert.deepEqual(fresh.missingDays, [], 'listed today: nothing owed yet');

    ctx.clock.advance(3 * DAY);
    await loginAll();
    assert.deepEqual((await view(scReviewer)).missingDays, [first, plusDays(first, 1), plusDays(first, 2)]);
    const gaps = async (query = '') =>
      (await scReviewer.request('GET', `/api/operations/monitoring/gaps${query}`)).json();
    const yesterday = await gaps();
    assert.equal(yesterday.date, plusDays(first, 2));
    assert.ok(yesterday.items.some((i: { id: string; articles: string[] }) => i.id === system.id));

    const record = (body: Record<string, unknown>, s: Session = scStaff) =>
      s.request('POST', `/api/operations/systems/${system.id}/monitoring`, {
        status: 'normal',
        handler: '高敏',
        ...body,
      });
    const normal = await record({ monitoredOn: first });
    assert.equal(normal.statusCode, 201, normal.body);
    const noFinding = await record({ monitoredOn: plusDays(first, 1), status: 'abnormal' });
    assert.equal(noFinding.statusCode, 400, noFinding.body);
    assert.equal(noFinding.json().code, 'OPS_MONITORING_FINDING_REQUIRED');
    assert.equal(noFinding.json().article, 'SC-27');
    const foreignResource = await record({
      monitoredOn: plusDays(first, 1),
      status: 'abnormal',
      finding: '数据更新中断',
      resourceCode: 'NOT-OF-THIS-SYSTEM',
    });
    assert.equal(foreignResource.statusCode, 400, foreignResource.body);
    assert.equal(foreignResource.json().code, 'OPS_RESOURCE_NOT_OF_SYSTEM');
    const abnormal = await record({
      monitoredOn: plusDays(first, 1),
      status: 'abnormal',
      finding: '数据更新中断，已通知承建单位',
    });
    assert.equal(abnormal.statusCode, 201, abnormal.body);
    const twice = await record({ monitoredOn: first });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'OPS_MONITORING_EXISTS');
    const future = await record({ monitoredOn: plusDays(today(), 1) });
    assert.equal(future.statusCode, 400);

    const after = await view(scReviewer);
    assert.deepEqual(after.missingDays, [plusDays(first, 2)], 'only the day without an entry is flagged');
    assert.deepEqual(
      after.entries.map((e: { monitoredOn: string; status: string }) => [e.monitoredOn, e.status]),
      [
        [plusDays(first, 1), 'abnormal'],
        [first, 'normal'],
      ],
    );
    assert.ok(!(await gaps(`?date=${first}`)).items.some((i: { id: string }) => i.id === system.id));
    await assert.rejects(
      ctx.database.db.execute(
        sql`update ops_monitoring_entries set status = 'normal' where id = ${abnormal.json().id}`,
      ),
      'a filed entry is not changed',
    );

    // Outside the scope: another department and another jurisdiction.
    assert.equal(
      (await scStaff2.request('GET', `/api/operations/systems/${system.id}/monitoring`)).statusCode,
      404,
    );
    assert.equal((await record({ monitoredOn: plusDays(first, 2) }, scStaff2)).statusCode, 404);
    assert.equal(
      (await staff.request('GET', `/api/operations/systems/${system.id}/monitoring`)).statusCode,
      404,
    );

    // DT's text asks no daily monitoring: nothing is flagged there.
    const dtSystem = await newSystem(staff);
    const dt = (await staff.request('GET', `/api/operations/systems/${dtSystem.id}/monitoring`)).json();
    assert.equal(dt.required, false);
    assert.deepEqual(dt.missingDays, []);
    assert.deepEqual((await reviewer.request('GET', '/api/operations/monitoring/gaps')).json().items, []);
  });

  test('XZ-30 a system on an industry cloud records its plan to come under the city cloud; unplanned and overdue ones are flagged in XZ only', async () => {
    const system = await newSystem(xzStaff, {
      deployment: 'other_cloud',
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-06-30',
    });
    const list = async (s: Session = xzReviewer) => {
      const res = await s.request('GET', '/api/operations/industry-clouds');
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items.find((i: { systemId: string }) => i.systemId === system.id);
    };
    const unplanned = await list();
    assert.ok(unplanned, 'a system on an industry cloud is listed before any plan');
    assert.equal(unplanned.unplanned, true);
    assert.equal(unplanned.required, true);
    assert.deepEqual(unplanned.articles, ['XZ-30']);

    const put = (body: Record<string, unknown>, s: Session = xzStaff) =>
      s.request('PUT', `/api/operations/systems/${system.id}/industry-cloud`, {
        cloudName: '交通运输行业云',
        operatorName: '忻州交信科技有限公司',
        state: 'planned',
        plannedBy: plusDays(today(), 2),
        ...body,
      });
    const noDate = await put({ state: 'brought_under' });
    assert.equal(noDate.statusCode, 400, noDate.body);
    assert.equal(noDate.json().code, 'OPS_INDUSTRY_CLOUD_COMPLETION');
    assert.equal(noDate.json().article, 'XZ-30');
    assert.equal((await put({})).statusCode, 200);
    const planned = await list();
    assert.equal(planned.unplanned, false);
    assert.equal(planned.state, 'planned');
    assert.equal(planned.overdue, false);

    ctx.clock.advance(3 * DAY);
    await loginAll();
    assert.equal((await list()).overdue, true, 'past the planned date and not yet brought under');
    const stale = await put({ state: 'in_progress' });
    assert.equal(stale.statusCode, 409, 'the current version is required');
    assert.equal((await put({ state: 'brought_under', completedOn: today(), version: 1 })).statusCode, 200);
    const done = await list();
    assert.equal(done.state, 'brought_under');
    assert.equal(done.completedOn, today());
    assert.equal(done.overdue, false);

    assert.equal((await put({ version: 2 }, xzStaff2)).statusCode, 404, 'another department');
    assert.equal(await list(xzStaff2), undefined);
    assert.deepEqual(
      (await reviewer.request('GET', '/api/operations/industry-clouds')).json().items,
      [],
      'DT requires no industry-cloud plans and has none',
    );
  });
});
