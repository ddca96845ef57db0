/**
 * Operations and security records per system through the HTTP API (issue 15): 等保 and 测评 due
 * dates, incidents with class-based reporting deadlines, DT-36 filing only where the rulebook says
 * so, retirement out of the DT-01 live count, and the jurisdiction differences of SC-28/29, XZ-30/31/32,
 * DT-05b, DT-33, DT-34 and JC-06 — all on systems and resources stored through the catalog API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { usccCheckChar } from '../../../src/catalog/codes.ts';
import { runSweep } from '../../../src/obligations/index.ts';
import { opsIncidentEntries } from '../../../src/operations/tables/index.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { organisations } from '../../../src/platform/db/core.ts';
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
let jcStaff: Session;

async function loginAll() {
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
}

before(async () => {
  ctx = await setup();
  await loginAll();
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

    // The re-assessment is an obligation of the engine (src/obligations): overdue, on the board.
    const owed = async () =>
      (await reviewer.request('GET', `/api/obligations?systemId=${system.id}&limit=50`)).json().items as {
        kind: string;
        state: string;
        dueDate: string;
        overdue: boolean;
        articles: string[];
      }[];
    const obligations = await owed();
    const next = obligations.find((o) => o.kind === 'ops.reassessment.mlps' && o.state !== 'met');
    assert.ok(next, JSON.stringify(obligations));
    assert.equal(next.dueDate, '2026-06-01');
    assert.equal(next.overdue, true);
    assert.deepEqual(next.articles, ['DT-35']);
    const first = obligations.find((o) => o.kind === 'ops.reassessment.mlps' && o.state === 'met');
    assert.ok(first, 'the first 测评 owed after the 备案 was met by the report');
    assert.equal(first.dueDate, '2025-01-10');
    const sweep = await runSweep(ctx.deps);
    assert.ok(sweep.markedOverdue >= 1, JSON.stringify(sweep));
    assert.equal(
      (await owed()).find((o) => o.kind === 'ops.reassessment.mlps' && o.state !== 'met')?.state,
      'overdue',
    );
    assert.ok(
      (await owed()).some((o) => o.kind === 'ops.reassessment.crypto' && o.overdue),
      '密评 never filed: overdue since a year after the 备案',
    );
    // The supervision board names each row by its kind, not by one system's item of it.
    const board = (
      await reviewer.request('GET', '/api/obligations/board?kind=ops.reassessment.crypto')
    ).json();
    assert.deepEqual(
      board.rows.map((r: { title: string }) => r.title),
      ['密码应用安全性评估'],
    );

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
    const renewed = (await owed()).filter((o) => o.kind === 'ops.reassessment.mlps');
    assert.deepEqual(
      renewed.map((o) => o.state).sort(),
      ['met', 'met', 'open'],
      'the overdue one met, the next one open',
    );
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
