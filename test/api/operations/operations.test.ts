/**
 * Operations and security records per system through the HTTP API (issue 15): 等保 and 测评 due
 * dates (DT-35) and incidents with class-based reporting deadlines, DT-36 filing only where the
 * rulebook says so — on systems stored through the catalog API. Where the texts differ:
 * operations-security.test.ts; retirement, cloud, internal rules and data responsibility:
 * operations-governance.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { runSweep } from '../../../src/obligations/index.ts';
import { opsIncidentEntries } from '../../../src/operations/tables/index.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { immutable, operationsHelpers } from '../../factories/operations.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let staff: Session; // 大同市教育局
let staff2: Session; // 大同市卫生健康委员会
let reviewer: Session; // 大同市数字政府服务中心
let scStaff: Session;
let scReviewer: Session;

async function loginAll() {
  [staff, staff2, reviewer, scStaff, scReviewer] = await Promise.all(
    ['dt.staff', 'dt.staff2', 'dt.reviewer', 'sc.staff', 'sc.reviewer'].map((u) => login(ctx, u)),
  );
}

before(async () => {
  ctx = await setup();
  await loginAll();
});
after(async () => {
  await ctx.close();
});

const { hoursAgo, newSystem, grade, incident, incidentView } = operationsHelpers(() => ctx);

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
});
