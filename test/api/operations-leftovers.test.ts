/**
 * Issue 15 leftovers through the HTTP API, on systems stored through the catalog API: one truth for
 * the 等保 level (the grading updates the catalog entry), the drill of a department-wide plan is an
 * obligation like a system plan's, SC-27 daily monitoring of data resources, XZ-30 industry clouds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { organisations } from '../../src/db/schema.ts';
import { login, type Session, setup, type TestContext } from '../helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let reviewer: Session; // 大同市数字政府服务中心
let scStaff: Session;
let scReviewer: Session;
let xzStaff: Session;
let xzReviewer: Session;

async function loginAll() {
  [staff, reviewer, scStaff, scReviewer, xzStaff, xzReviewer] = await Promise.all(
    ['dt.staff', 'dt.reviewer', 'sc.staff', 'sc.reviewer', 'xz.staff', 'xz.reviewer'].map((u) =>
      login(ctx, u),
    ),
  );
}

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
});
