/**
 * Operations and security records per system through the HTTP API (issue 15): 等保 and 测评 due
 * dates, incidents with class-based reporting deadlines, DT-36 filing only where the rulebook says
 * so, retirement out of the DT-01 live count, and the jurisdiction differences of SC-28/29, XZ-30/31/32,
 * DT-05b, DT-33, DT-34 and JC-06 — all on systems and resources stored through the catalog API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { usccCheckChar } from '../../src/catalog/codes.ts';
import { auditEvents, organisations } from '../../src/db/schema.ts';
import { opsIncidentEntries } from '../../src/operations/tables.ts';
import { login, type Session, setup, type TestContext } from '../helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let staff2: Session; // 大同市卫生健康委员会
let reviewer: Session; // 大同市数字政府服务中心
let authlead: Session;
let scStaff: Session;
let scReviewer: Session;
let xzStaff: Session; // 忻州市公路事业发展中心
let xzReviewer: Session; // 忻州市交通运输数据中心 (authority)
let jcStaff: Session;

before(async () => {
  ctx = await setup();
  [staff, staff2, reviewer, authlead, scStaff, scReviewer, xzStaff, xzReviewer, jcStaff] = await Promise.all(
    [
      'dt.staff',
      'dt.staff2',
      'dt.reviewer',
      'dt.authlead',
      'sc.staff',
      'sc.reviewer',
      'xz.staff',
      'xz.reviewer',
      'jc.staff',
    ].map((u) => login(ctx, u)),
  );
});
after(async () => {
  await ctx.close();
});

/** The database refused the change as a filed record (the driver wraps the trigger's message). */
const immutable = (err: unknown) => {
  const e = err as { message?: string; cause?: { message?: string } };
  return /OPS_RECORD_IMMUTABLE/.test(`${e.message} ${e.cause?.message ?? ''}`);
};
const hoursAgo = (h: number) => new Date(ctx.clock.now().getTime() - h * 3600_000).toISOString();

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
    name: `运行安全测试系统${seq}`,
    purpose: '支撑业务办理',
    status: 'in_operation',
    deployment: 'city_cloud',
    networks: ['extranet'],
    mlpsLevel: 3,
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

async function grade(session: Session, systemId: string, extra: Record<string, unknown> = {}) {
  const res = await session.request('PUT', `/api/operations/systems/${systemId}/grading`, {
    level: 3,
    filingNumber: `14020099-${systemId.slice(0, 4)}`,
    filingDate: '2024-01-10',
    criticalInfrastructure: false,
    ...extra,
  });
  assert.equal(res.statusCode, 200, res.body);
}

async function incident(session: Session, systemId: string, extra: Record<string, unknown> = {}) {
  const res = await session.request('POST', '/api/operations/incidents', {
    title: '门户网站被植入暗链',
    description: '巡检发现首页被植入暗链，已下线处置',
    incidentClass: 'major',
    foundAt: hoursAgo(1),
    systemIds: [systemId],
    ...extra,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

async function incidentView(session: Session, id: string) {
  const res = await session.request('GET', `/api/operations/incidents/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('operations records', () => {
  test('DT-35 an overdue 等保测评 shows as an overdue obligation on the authority overview', async () => {
    const system = await newSystem(staff);
    await grade(staff, system.id);
    const recorded = await staff.request('POST', `/api/operations/systems/${system.id}/assessments`, {
      kind: 'mlps',
      assessedOn: '2025-06-01',
      result: 'basic_pass',
      reportNumber: 'DJCP-2025-0601',
      assessor: '山西省信息安全测评中心',
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    assert.equal(recorded.json().nextDue, '2026-06-01', 'level 3: yearly');

    const overview = await reviewer.request('GET', '/api/operations/overview');
    assert.equal(overview.statusCode, 200, overview.body);
    const rows = overview.json().assessments.filter((a: { systemId: string }) => a.systemId === system.id);
    const mlps = rows.find((a: { kind: string }) => a.kind === 'mlps');
    assert.equal(mlps.status, 'overdue');
    assert.equal(mlps.dueDate, '2026-06-01');
    assert.equal(mlps.lastAssessedOn, '2025-06-01');
    assert.equal(mlps.article, 'DT-35');
    const crypto = rows.find((a: { kind: string }) => a.kind === 'crypto');
    assert.equal(crypto.status, 'overdue', 'never assessed: due a year after the 备案 date');
    assert.equal(crypto.dueDate, '2025-01-10');
    assert.ok(overview.json().counts.overdueAssessments >= 2);

    // A new report on time moves the due date a year on and clears the flag.
    const fresh = await staff.request('POST', `/api/operations/systems/${system.id}/assessments`, {
      kind: 'mlps',
      assessedOn: '2026-11-20',
      result: 'pass',
      reportNumber: 'DJCP-2026-1120',
      assessor: '山西省信息安全测评中心',
    });
    assert.equal(fresh.json().nextDue, '2027-11-20');
    const after = (await reviewer.request('GET', '/api/operations/overview')).json();
    assert.ok(
      !after.assessments.some(
        (a: { systemId: string; kind: string }) => a.systemId === system.id && a.kind === 'mlps',
      ),
    );

    // Other departments and other jurisdictions do not see the system's records.
    const other = (await staff2.request('GET', '/api/operations/overview')).json();
    assert.ok(!other.assessments.some((a: { systemId: string }) => a.systemId === system.id));
    const sc = (await scReviewer.request('GET', '/api/operations/overview')).json();
    assert.ok(!sc.assessments.some((a: { systemId: string }) => a.systemId === system.id));

    const exported = await reviewer.request('GET', '/api/operations/overview/export');
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /spreadsheetml/);
    assert.equal(exported.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  });

  test('DT-35 an assessment is a filed record: an ungraded system gets no 测评, the row cannot be changed', async () => {
    const system = await newSystem(staff);
    const refused = await staff.request('POST', `/api/operations/systems/${system.id}/assessments`, {
      kind: 'mlps',
      assessedOn: '2026-01-05',
      result: 'pass',
      reportNumber: 'X-1',
      assessor: '测评机构',
    });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().code, 'OPS_NOT_GRADED');
    assert.equal(refused.json().article, 'DT-35');
    const future = await staff.request('PUT', `/api/operations/systems/${system.id}/grading`, {
      level: 3,
      filingNumber: 'F-1',
      filingDate: '2027-01-01',
      criticalInfrastructure: false,
    });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().field, 'filingDate');
    await assert.rejects(
      ctx.database.db.execute(`update ops_assessments set result = 'pass'` as never),
      immutable,
    );
  });

  test('DT-36 a 较大 incident shows a 4-hour reporting deadline and is flagged when missed', async () => {
    const system = await newSystem(staff);
    const late = await incident(staff, system.id, { foundAt: hoursAgo(5) });
    const view = await incidentView(reviewer, late);
    assert.equal(view.incident.reportingHours, 4);
    assert.equal(
      new Date(view.incident.reportDueAt).getTime() - new Date(view.incident.foundAt).getTime(),
      4 * 3600_000,
    );
    assert.equal(view.incident.reportOverdue, true, 'no report 5 hours after it was found');
    assert.equal(view.reportTo, '按照规定向有关部门报告');

    const fresh = await incident(staff, system.id, { foundAt: hoursAgo(1) });
    assert.equal((await incidentView(staff, fresh)).incident.reportOverdue, false, 'still within 4 hours');
    // Found 6 hours ago, reported 1 hour after: the deadline has passed, but it was met.
    const onTime = await incident(staff, system.id, { foundAt: hoursAgo(6) });
    const report = await staff.request('POST', `/api/operations/incidents/${onTime}/entries`, {
      kind: 'report',
      at: hoursAgo(5),
      text: '已电话并书面报告',
      recipient: '市公安局网安支队',
    });
    assert.equal(report.statusCode, 201, report.body);
    assert.equal((await incidentView(staff, onTime)).incident.reportOverdue, false, 'reported in time');

    // A report sent after the deadline stays flagged.
    const lateReport = await staff.request('POST', `/api/operations/incidents/${late}/entries`, {
      kind: 'report',
      at: hoursAgo(0),
      text: '补报',
      recipient: '市公安局网安支队',
    });
    assert.equal(lateReport.statusCode, 201, lateReport.body);
    assert.equal((await incidentView(staff, late)).incident.reportOverdue, true);

    // 一般: no fixed deadline; critical information infrastructure: 1 hour.
    const general = await incident(staff, system.id, { incidentClass: 'general', foundAt: hoursAgo(30) });
    const g = (await incidentView(staff, general)).incident;
    assert.equal(g.reportingHours, null);
    assert.equal(g.reportOverdue, false);
    const cii = await incident(staff, system.id, { criticalInfrastructure: true, foundAt: hoursAgo(2) });
    const c = (await incidentView(staff, cii)).incident;
    assert.equal(c.reportingHours, 1);
    assert.equal(c.reportOverdue, true);

    const overview = (await reviewer.request('GET', '/api/operations/overview')).json();
    const flagged = overview.incidents.find((i: { id: string }) => i.id === late);
    assert.equal(flagged.reportOverdue, true);
  });

  test('DT-36 SC-29 a DT incident needs the authority filing and an SC one does not', async () => {
    const dtSystem = await newSystem(staff);
    const dt = await incident(staff, dtSystem.id);
    const dtView = await incidentView(staff, dt);
    assert.equal(dtView.incident.authorityFilingRequired, true);
    assert.equal(dtView.incident.authorityFilingMissing, true);
    assert.equal(dtView.incident.authorityFilingArticle, 'DT-36');

    await staff.request('POST', `/api/operations/incidents/${dt}/entries`, {
      kind: 'report',
      at: hoursAgo(0),
      text: '已报告',
      recipient: '市公安局网安支队',
    });
    const v1 = (await incidentView(staff, dt)).incident.version;
    const early = await staff.request('POST', `/api/operations/incidents/${dt}/close`, {
      version: v1,
      text: '处置完毕',
    });
    assert.equal(early.statusCode, 422, early.body);
    assert.equal(early.json().code, 'OPS_NOT_FILED');
    assert.equal(early.json().article, 'DT-36');
    const filed = await staff.request('POST', `/api/operations/incidents/${dt}/filing`, {
      at: hoursAgo(0),
      text: '已向市数字政府服务中心报备处置情况',
    });
    assert.equal(filed.statusCode, 200, filed.body);
    const twice = await staff.request('POST', `/api/operations/incidents/${dt}/filing`, {
      at: hoursAgo(0),
      text: '再次',
    });
    assert.equal(twice.statusCode, 409);
    const afterFiling = await incidentView(reviewer, dt);
    assert.equal(afterFiling.incident.authorityFilingMissing, false);
    const closed = await staff.request('POST', `/api/operations/incidents/${dt}/close`, {
      version: afterFiling.incident.version,
      text: '处置完毕',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(
      (await incidentView(staff, dt)).entries.map((e: { kind: string }) => e.kind),
      ['report', 'authority_filing', 'closure'],
    );

    const scSystem = await newSystem(scStaff, { projectRefs: [] });
    const sc = await incident(scStaff, scSystem.id);
    const scView = await incidentView(scStaff, sc);
    assert.equal(scView.incident.authorityFilingRequired, false);
    assert.equal(scView.incident.authorityFilingMissing, false);
    assert.equal(scView.reportTo, '按照规定向有关部门报告');
    const scFiling = await scStaff.request('POST', `/api/operations/incidents/${sc}/filing`, {
      at: hoursAgo(0),
      text: '报备',
    });
    assert.equal(scFiling.statusCode, 422, scFiling.body);
    assert.equal(scFiling.json().code, 'OPS_FILING_NOT_APPLICABLE');
    assert.equal(scFiling.json().article, 'SC-29');
    await scStaff.request('POST', `/api/operations/incidents/${sc}/entries`, {
      kind: 'report',
      at: hoursAgo(0),
      text: '已报告',
      recipient: '区公安分局',
    });
    const scClosed = await scStaff.request('POST', `/api/operations/incidents/${sc}/close`, {
      version: (await incidentView(scStaff, sc)).incident.version,
      text: '处置完毕',
    });
    assert.equal(scClosed.statusCode, 200, scClosed.body);
  });

  test('DT-36 filed incident records are immutable; corrections are appended', async () => {
    const system = await newSystem(staff);
    const id = await incident(staff, system.id);
    const handling = await staff.request('POST', `/api/operations/incidents/${id}/entries`, {
      kind: 'handling',
      at: hoursAgo(0.5),
      text: '已隔离受影响服务器',
    });
    const entryId = handling.json().id;
    const correction = await staff.request('POST', `/api/operations/incidents/${id}/entries`, {
      kind: 'correction',
      at: hoursAgo(0),
      text: '更正：隔离的是前置机而非数据库服务器',
      correctsEntryId: entryId,
    });
    assert.equal(correction.statusCode, 201, correction.body);
    const view = await incidentView(staff, id);
    assert.equal(view.entries.length, 2);
    assert.equal(view.entries[1].correctsEntryId, entryId);
    assert.equal(view.entries[0].text, '已隔离受影响服务器', 'the original entry is kept');
    await assert.rejects(
      ctx.database.db
        .update(opsIncidentEntries)
        .set({ text: '篡改' })
        .where(eq(opsIncidentEntries.id, entryId)),
      immutable,
    );
    await assert.rejects(
      ctx.database.db.execute(
        `update ops_incidents set incident_class = 'general' where id = '${id}'` as never,
      ),
      immutable,
    );
    const audits = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'ops.incident_entry')));
    assert.equal(audits.length, 2, 'one audit row per appended entry');
  });

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

