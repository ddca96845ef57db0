/**
 * The system catalog through the HTTP API (SC-10, XZ-08b, XZ-28, XZ-30, DT-01): a department
 * registers, edits and retires its systems, the authority of the jurisdiction sees and corrects them,
 * nobody else does; every write is one audited command; 只减不增 counts the seeded history.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let staff2: Session; // 大同市卫生健康委员会
let reviewer: Session; // 大同市数字政府服务中心 (authority, DT)
let scReviewer: Session; // 朔城区政务信息管理局 (authority, SC)

before(async () => {
  ctx = await setup();
  [staff, staff2, reviewer, scReviewer] = await Promise.all([
    login(ctx, 'dt.staff'),
    login(ctx, 'dt.staff2'),
    login(ctx, 'dt.reviewer'),
    login(ctx, 'sc.reviewer'),
  ]);
});
after(async () => {
  await ctx.close();
});

const system = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  purpose: '支撑业务办理与统计分析',
  status: 'in_operation',
  deployment: 'city_cloud',
  networks: ['extranet'],
  mlpsLevel: 2,
  projectRefs: ['DT-2026-101'],
  resourceCodes: [],
  sharedOnPlatform: true,
  sharedResourceCount: 2,
  cloudMigration: 'migrated',
  cloudMigrationDate: '2024-06-30',
  ...extra,
});

async function auditCount(where?: ReturnType<typeof and>): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(auditEvents).where(where);
  return row.n;
}

async function register(session: Session, name: string, extra: Record<string, unknown> = {}) {
  const res = await session.request('POST', '/api/catalog/systems', system(name, extra));
  assert.equal(res.statusCode, 201, res.body);
  return res.json().system as { id: string; code: string; version: number; ownerOrganisationName: string };
}

describe('system catalog', () => {
  test('SC-10 a department registers, edits and retires its systems; every write is one audited command', async () => {
    const before = await auditCount();
    const created = await staff.request('POST', '/api/catalog/systems', system('大同市智慧校园平台'));
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json();
    assert.match(body.system.code, /^DT-XT-\d{5}$/);
    assert.equal(body.system.ownerOrganisationName, '大同市教育局');
    assert.equal(body.system.jurisdictionName, '大同市');
    assert.equal(body.system.version, 1);
    assert.equal(body.history.length, 1);
    assert.equal(await auditCount(), before + 1, 'one audit row for the create');
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'catalog.system_create'), eq(auditEvents.objectId, body.system.id)));
    assert.equal(audit.outcome, 'success');
    assert.equal(audit.actorName, 'dt.staff');

    // A minute later: the history is in time order, and two events of one instant have no defined order.
    ctx.clock.advance(60_000);
    const edited = await staff.request('PATCH', `/api/catalog/systems/${body.system.id}`, {
      purpose: '智慧校园：教学、安防与后勤',
      status: 'suspended',
      version: 1,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().system.purpose, '智慧校园：教学、安防与后勤');
    assert.equal(edited.json().system.version, 2);
    assert.deepEqual(
      edited.json().history.map((h: { status: string }) => h.status),
      ['in_operation', 'suspended'],
    );
    assert.equal(await auditCount(), before + 2, 'one audit row for the edit');

    const retired = await staff.request('POST', `/api/catalog/systems/${body.system.id}/retire`, {
      retirementDate: '2026-11-20',
      version: 2,
    });
    assert.equal(retired.statusCode, 200, retired.body);
    assert.equal(retired.json().system.status, 'retired');
    assert.equal(retired.json().system.retirementDate, '2026-11-20');
    assert.equal(retired.json().system.canEdit, false);
    assert.equal(await auditCount(), before + 3, 'one audit row for the retirement');
    assert.equal(
      await auditCount(
        and(eq(auditEvents.action, 'catalog.system_retire'), eq(auditEvents.objectId, body.system.id)),
      ),
      1,
    );

    const again = await staff.request('PATCH', `/api/catalog/systems/${body.system.id}`, {
      remarks: '再改',
      version: 3,
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'SYSTEM_RETIRED');
    assert.equal(again.json().article, 'DT-01');
  });

  test('SC-10 entry rules answer 400 with the field, a Chinese message, the article and every problem', async () => {
    const before = await auditCount();
    const res = await staff.request(
      'POST',
      '/api/catalog/systems',
      system('大同市考试安全监控系统', {
        deployment: 'own_machine_room',
        networks: ['dedicated'],
        cloudMigration: 'exempt',
        cloudMigrationDate: undefined,
      }),
    );
    assert.equal(res.statusCode, 400);
    const body = res.json();
    const fields = body.problems.map((p: { field: string; article?: string }) => `${p.field} ${p.article}`);
    assert.ok(fields.includes('dedicatedNetworkApproval DT-12d'), JSON.stringify(body.problems));
    // "上云为常态，不上云为例外" is XZ 第二十八条: a DT system states no exemption ground (issue 10 item 8).
    assert.ok(
      !fields.some((f: string) => f.startsWith('cloudExemptionReason')),
      JSON.stringify(body.problems),
    );
    assert.equal(body.field, body.problems[0].field);
    assert.match(body.message, /经市政务信息化主管部门同意/);
    assert.equal(await auditCount(), before, 'nothing written, nothing audited');

    const mismatch = await staff.request(
      'POST',
      '/api/catalog/systems',
      system('大同市教育装备管理系统', { deployment: 'own_machine_room', cloudMigration: 'migrated' }),
    );
    assert.equal(mismatch.statusCode, 400);
    assert.equal(mismatch.json().field, 'cloudMigration');
    assert.equal(mismatch.json().article, 'XZ-30');

    const unknownField = await staff.request('POST', '/api/catalog/systems', {
      ...system('x'),
      status2: 'x',
    });
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.json().field, 'status2');
  });

  test('SC-10 the same name twice in one department is refused; the same name in another department is flagged as near-duplicate', async () => {
    await register(staff, '大同市校车监管平台');
    const twice = await staff.request('POST', '/api/catalog/systems', system('大同市 校车监管平台！'));
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'DUPLICATE_NAME');
    assert.equal(twice.json().field, 'name');

    const other = await staff2.request('POST', '/api/catalog/systems', system('大同市校车监管平台'));
    assert.equal(other.statusCode, 201, other.body);
    assert.deepEqual(
      other.json().nearDuplicates.map((d: { organisationName: string }) => d.organisationName),
      ['大同市教育局'],
    );
  });

  test('SC-10 department B cannot see or change department A’s systems (404); the authority of the jurisdiction can; another jurisdiction’s authority cannot', async () => {
    const mine = await register(staff, '大同市教师培训管理系统');
    for (const session of [staff2, scReviewer]) {
      const get = await session.request('GET', `/api/catalog/systems/${mine.id}`);
      assert.equal(get.statusCode, 404, `${session.username} GET`);
      const patch = await session.request('PATCH', `/api/catalog/systems/${mine.id}`, {
        purpose: '越权修改',
        version: mine.version,
      });
      assert.equal(patch.statusCode, 404, `${session.username} PATCH`);
      const retire = await session.request('POST', `/api/catalog/systems/${mine.id}/retire`, {
        retirementDate: '2026-11-01',
        version: mine.version,
      });
      assert.equal(retire.statusCode, 404, `${session.username} retire`);
      const list = await session.request('GET', '/api/catalog/systems?keyword=教师培训');
      assert.equal(list.json().total, 0, `${session.username} list`);
    }
    const staff2List = await staff2.request('GET', '/api/catalog/systems?limit=500');
    assert.ok(
      staff2List
        .json()
        .items.every(
          (s: { ownerOrganisationName: string }) => s.ownerOrganisationName === '大同市卫生健康委员会',
        ),
    );

    const seen = await reviewer.request('GET', `/api/catalog/systems/${mine.id}`);
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.json().system.canEdit, true);
    const corrected = await reviewer.request('PATCH', `/api/catalog/systems/${mine.id}`, {
      mlpsLevel: 3,
      version: mine.version,
    });
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal(corrected.json().system.mlpsLevel, 3);
    const all = await reviewer.request('GET', '/api/catalog/systems?limit=500');
    const owners = new Set(
      all.json().items.map((s: { ownerOrganisationName: string }) => s.ownerOrganisationName),
    );
    assert.ok(owners.has('大同市教育局') && owners.has('大同市卫生健康委员会'));
    assert.ok(all.json().items.every((s: { jurisdictionName: string }) => s.jurisdictionName === '大同市'));

    const elsewhere = await scReviewer.request('GET', '/api/catalog/systems?limit=500');
    assert.ok(elsewhere.json().items.length > 0);
    assert.ok(
      elsewhere
        .json()
        .items.every((s: { jurisdictionName: string }) => s.jurisdictionName === '朔州市朔城区'),
    );

    const organisations = (await reviewer.request('GET', '/api/organisations')).json().items as {
      id: string;
      name: string;
    }[];
    const scDept = organisations.find((o) => o.name === '朔城区教育科技局')!;
    const crossing = await reviewer.request('POST', '/api/catalog/systems', {
      ...system('越界登记的系统'),
      ownerOrganisationId: scDept.id,
    });
    assert.equal(crossing.statusCode, 403);
    assert.equal(crossing.json().code, 'CATALOG_OUT_OF_SCOPE');
    const forOther = await staff.request('POST', '/api/catalog/systems', {
      ...system('替别的部门登记'),
      ownerOrganisationId: organisations.find((o) => o.name === '大同市卫生健康委员会')!.id,
    });
    assert.equal(forOther.statusCode, 403, 'a department registers only its own systems');
    const forDept = await reviewer.request('POST', '/api/catalog/systems', {
      ...system('主管部门代为登记的系统'),
      ownerOrganisationId: organisations.find((o) => o.name === '大同市交通运输局')!.id,
    });
    assert.equal(forDept.statusCode, 201, 'the authority registers for any department of its jurisdiction');
  });

  test('DT-01 a system is merged into another of the same jurisdiction (只合不分), never into a retired or foreign one', async () => {
    const target = await register(staff, '大同市教育数据中心');
    const merged = await register(staff, '大同市教育统计系统');
    const foreign = (await scReviewer.request('GET', '/api/catalog/systems?limit=1')).json().items[0];
    const abroad = await staff.request('POST', `/api/catalog/systems/${merged.id}/retire`, {
      retirementDate: '2026-11-10',
      mergedInto: foreign.code,
      version: 1,
    });
    assert.equal(abroad.statusCode, 400);
    assert.equal(abroad.json().code, 'MERGED_INTO_UNKNOWN');
    assert.equal(abroad.json().field, 'mergedInto');

    // A minute after the registration: the history is in time order (same-instant events have none).
    ctx.clock.advance(60_000);
    const res = await staff.request('POST', `/api/catalog/systems/${merged.id}/retire`, {
      retirementDate: '2026-11-10',
      mergedInto: target.code,
      version: 1,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().system.mergedInto, target.code);
    assert.equal(res.json().system.mergedIntoName, '大同市教育数据中心');
    assert.equal(res.json().history.at(-1).mergedInto, target.code);

    const third = await register(staff, '大同市教育宣传系统');
    const intoRetired = await staff.request('POST', `/api/catalog/systems/${third.id}/retire`, {
      retirementDate: '2026-11-10',
      mergedInto: merged.code,
      version: 1,
    });
    assert.equal(intoRetired.statusCode, 400);
    assert.equal(intoRetired.json().code, 'MERGED_INTO_RETIRED');
  });

  test('SECURITY-36 a stale version gets 409 VERSION_CONFLICT and changes nothing; two concurrent edits: one wins', async () => {
    const created = await register(staff, '大同市家校互通平台');
    const first = await staff.request('PATCH', `/api/catalog/systems/${created.id}`, {
      remarks: '第一次',
      version: 1,
    });
    assert.equal(first.statusCode, 200);
    const stale = await reviewer.request('PATCH', `/api/catalog/systems/${created.id}`, {
      remarks: '过期',
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'VERSION_CONFLICT');
    const now = await staff.request('GET', `/api/catalog/systems/${created.id}`);
    assert.equal(now.json().system.remarks, '第一次');
    assert.equal(now.json().system.version, 2);

    const race = await Promise.all([
      staff.request('PATCH', `/api/catalog/systems/${created.id}`, { remarks: 'A', version: 2 }),
      reviewer.request('PATCH', `/api/catalog/systems/${created.id}`, { remarks: 'B', version: 2 }),
    ]);
    assert.deepEqual(race.map((r) => r.statusCode).sort(), [200, 409]);
    assert.equal(
      await auditCount(
        and(
          eq(auditEvents.action, 'catalog.system_update'),
          eq(auditEvents.objectId, created.id),
          eq(auditEvents.outcome, 'refused'),
        ),
      ),
      2,
      'each refused edit is audited as refused',
    );
  });

  test('XZ-08b XZ-30 cloud migration and sharing are recorded per system and can be filtered', async () => {
    await register(staff, '大同市学生体质监测系统', {
      deployment: 'own_machine_room',
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-03-31',
      sharedOnPlatform: false,
      sharedResourceCount: 0,
    });
    const planned = await staff.request('GET', '/api/catalog/systems?cloudMigration=planned');
    assert.equal(planned.statusCode, 200);
    const hit = planned.json().items.find((s: { name: string }) => s.name === '大同市学生体质监测系统');
    assert.equal(hit.cloudMigrationDate, '2027-03-31');
    assert.equal(hit.sharedOnPlatform, false);
    const sharing = await staff.request(
      'POST',
      '/api/catalog/systems',
      system('大同市学生心理健康平台', { sharedOnPlatform: false, sharedResourceCount: 3 }),
    );
    assert.equal(sharing.statusCode, 400);
    assert.equal(sharing.json().article, 'XZ-08b');
    const noDate = await staff.request(
      'POST',
      '/api/catalog/systems',
      system('大同市招生咨询系统', {
        deployment: 'own_machine_room',
        cloudMigration: 'planned',
        cloudMigrationDate: undefined,
      }),
    );
    assert.equal(noDate.statusCode, 400);
    assert.equal(noDate.json().field, 'cloudMigrationDate');
  });
});

describe('只减不增 (DT-01)', () => {
  test('DT-01 the monthly count of the jurisdiction shows the seeded increase flagged and a retirement decreasing it', async () => {
    const res = await reviewer.request('GET', '/api/catalog/metrics/system-count?from=2026-01&to=2026-10');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.jurisdiction.code, 'DT');
    const month = (m: string) => body.months.find((x: { month: string }) => x.month === m);
    const june = month('2026-06');
    assert.equal(june.increased, true);
    assert.equal(june.change, 1);
    assert.deepEqual(
      june.added.map((a: { name: string }) => a.name),
      ['大同市预约挂号服务平台'],
    );
    assert.match(june.explanation, /只减不增/);
    const august = month('2026-08');
    assert.equal(august.change, -1);
    assert.equal(august.merged[0].intoName, '大同市教育管理公共服务平台');
    const september = month('2026-09');
    assert.equal(september.increased, false);
    assert.equal(september.change, -1);
    assert.deepEqual(
      september.retired.map((r: { name: string }) => r.name),
      ['大同市旧版预约挂号系统'],
    );
    assert.equal(september.count, june.count - 2);
    assert.equal(body.increases, 1);
  });

  test('DT-01 the count is only for the caller’s own jurisdiction; departments do not read it', async () => {
    const sc = await reviewer.request('GET', '/api/catalog/metrics/system-count?jurisdiction=SC');
    assert.equal(sc.statusCode, 404);
    const own = await scReviewer.request(
      'GET',
      '/api/catalog/metrics/system-count?jurisdiction=SC&from=2026-01&to=2026-11',
    );
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().jurisdiction.code, 'SC');
    const dept = await staff.request('GET', '/api/catalog/metrics/system-count');
    assert.equal(dept.statusCode, 403);
    const bad = await reviewer.request('GET', '/api/catalog/metrics/system-count?from=2026-11&to=2026-01');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'METRIC_RANGE_INVALID');
  });
});
