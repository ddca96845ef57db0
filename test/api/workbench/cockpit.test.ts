/**
 * The authority cockpit (issue 17): money disbursed by year, overdue obligations by kind and
 * department, the departments' grades and open incidents — each within the caller's scope and each
 * carrying the filtered list behind it (`drill`). The rows are stored directly: this file tests the
 * read, the modules' own tests cover how the rows come about.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { disbursements } from '../../../src/funds/tables.ts';
import { obligations } from '../../../src/obligations/tables.ts';
import { opsIncidents } from '../../../src/operations/tables/index.ts';
import { departmentAssessments } from '../../../src/review/tables.ts';
import {
  expectStatus,
  jurisdictionId,
  organisationId,
  ProjectFixtures,
  Sessions,
  setupProjects,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;

interface Cockpit {
  disbursedByYear: { year: number; disbursed: string; count: number; drill: string }[];
  overdueObligations: {
    kind: string;
    kindName: string;
    organisationId: string;
    organisationName: string;
    count: number;
    drill: string;
  }[];
  grades: {
    organisationId: string;
    organisationName: string;
    year: number;
    grade: string;
    gradeName: string;
    drill: string;
  }[];
  openIncidents: {
    total: number;
    drill: string;
    byDepartment: { organisationId: string; organisationName: string; count: number; drill: string }[];
  };
}

async function cockpitOf(username: string): Promise<Cockpit> {
  const res = await (await sessions.as(username)).request('GET', '/api/cockpit');
  expectStatus(res, 200, `cockpit of ${username}`);
  return res.json();
}

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

describe('cockpit figures from funds, obligations, assessments and operations', () => {
  test('each figure is scoped and drills down to its filtered list', async () => {
    const fx = new ProjectFixtures(ctx, sessions);
    const projectId = await fx.submitted();
    const staff = await sessions.as('dt.staff');
    const dtJurisdiction = await jurisdictionId(staff, 'DT');
    const scJurisdiction = await jurisdictionId(staff, 'SC');
    const education = await organisationId(staff, '大同市教育局');
    const health = await organisationId(staff, '大同市卫生健康委员会');
    const scOrg = await organisationId(staff, '朔城区教育科技局');
    const db = ctx.database.db;
    const now = ctx.clock.now();

    await db.insert(disbursements).values(
      [3_000_000n, 1_500_050n].map((amountFen) => ({
        projectId,
        year: 2026,
        kind: 'construction',
        amountFen,
        purpose: '建设资金',
        requestedBy: staff.userId,
        requestingOrganisationId: education,
        requestedAt: now,
        status: 'approved',
      })),
    );
    await db.insert(disbursements).values({
      projectId,
      year: 2027,
      kind: 'construction',
      amountFen: 9_900_000n,
      purpose: '尚未审批',
      requestedBy: staff.userId,
      requestingOrganisationId: education,
      requestedAt: now,
    });
    const obligation = {
      jurisdictionId: dtJurisdiction,
      holderOrganisationId: education,
      projectId,
      title: '合同签订后向主管部门备案',
      articles: ['DT-27'],
      amount: 10,
      unit: 'working_days',
      updatedAt: now,
    };
    await db.insert(obligations).values([
      {
        ...obligation,
        kind: 'dt.deadline.contract_filing',
        ref: 'A',
        anchorDate: '2026-09-01',
        dueDate: '2026-09-15',
      },
      {
        ...obligation,
        kind: 'dt.deadline.contract_filing',
        ref: 'B',
        anchorDate: '2026-09-02',
        dueDate: '2026-09-16',
        state: 'overdue',
      },
      // Not overdue: due in the future, or met.
      {
        ...obligation,
        kind: 'dt.deadline.contract_filing',
        ref: 'C',
        anchorDate: '2026-11-20',
        dueDate: '2027-01-20',
      },
      {
        ...obligation,
        kind: 'dt.deadline.contract_filing',
        ref: 'D',
        anchorDate: '2026-09-01',
        dueDate: '2026-09-15',
        state: 'met',
        metOn: '2026-09-10',
      },
    ]);
    // The demo seeds last year's grades (教育局 88 良好, 卫健委 93 优秀); an older year must not win.
    await db
      .insert(departmentAssessments)
      .values({ organisationId: education, year: 2024, score: 70, grade: 'pass', recordedBy: staff.userId });
    const incident = {
      description: '门户网站被篡改',
      incidentClass: 'general',
      criticalInfrastructure: false,
      foundAt: now,
      authorityFilingRequired: false,
      recordedBy: staff.userId,
      recordedAt: now,
    };
    await db.insert(opsIncidents).values([
      { ...incident, jurisdictionId: dtJurisdiction, organisationId: education, title: '事件一' },
      { ...incident, jurisdictionId: dtJurisdiction, organisationId: education, title: '事件二' },
      {
        ...incident,
        jurisdictionId: dtJurisdiction,
        organisationId: health,
        title: '已办结',
        status: 'closed',
        closedAt: now,
      },
    ]);
    await db
      .insert(opsIncidents)
      .values({ ...incident, jurisdictionId: scJurisdiction, organisationId: scOrg, title: '朔州事件' });

    const c = await cockpitOf('dt.authlead');
    assert.deepEqual(
      c.disbursedByYear.map((d) => [d.year, d.disbursed, d.count]),
      [[2026, '45000.50', 2]],
      'approved disbursements only, by year',
    );
    assert.equal(c.disbursedByYear[0].drill, '/projects/cockpit/disbursed?year=2026');
    // The drill-down page lists the funds list filtered by that year: its rows and sum are the figure clicked.
    const lead = await sessions.as('dt.authlead');
    const drill = (year: number) => `/api/funds/disbursements?status=approved&year=${year}`;
    const drilled = await lead.request('GET', drill(2026));
    assert.equal(drilled.statusCode, 200, drilled.body);
    assert.equal(drilled.json().total, c.disbursedByYear[0].count);
    assert.equal(drilled.json().totalAmount, c.disbursedByYear[0].disbursed);
    assert.deepEqual(
      drilled
        .json()
        .items.map((i: { amount: string; projectId: string }) => [i.amount, i.projectId])
        .sort(),
      [
        ['15000.50', projectId],
        ['30000.00', projectId],
      ],
    );
    const pendingYear = (await lead.request('GET', drill(2027))).json();
    assert.deepEqual([pendingYear.total, pendingYear.totalAmount], [0, '0.00'], 'pending is not disbursed');
    const badYear = await lead.request('GET', drill(1999));
    assert.equal(badYear.statusCode, 400);
    assert.equal(badYear.json().field, 'year');
    const otherDrill = (await (await sessions.as('sc.reviewer')).request('GET', drill(2026))).json();
    assert.equal(otherDrill.total, 0, 'another jurisdiction sees none of DT’s disbursements');

    assert.equal(c.overdueObligations.length, 1, JSON.stringify(c.overdueObligations));
    const overdue = c.overdueObligations[0];
    assert.equal(overdue.count, 2, 'past due and marked overdue; not the future or met ones');
    assert.equal(overdue.organisationName, '大同市教育局');
    assert.ok(overdue.kindName.length > 0);
    assert.equal(
      overdue.drill,
      `/projects/supervision?overdue=1&kind=dt.deadline.contract_filing&holderOrganisationId=${education}`,
    );

    const mine = c.grades.find((g) => g.organisationId === education);
    assert.ok(mine);
    assert.equal(mine.year, 2025, 'the latest year');
    assert.equal(mine.gradeName, '良好');
    assert.equal(mine.drill, `/projects/list?organisationId=${education}`);
    assert.equal(c.grades[0].organisationId, health, 'best first');

    assert.equal(c.openIncidents.total, 2, 'open DT incidents only');
    assert.deepEqual(
      c.openIncidents.byDepartment.map((d) => [d.organisationName, d.count]),
      [['大同市教育局', 2]],
    );
    assert.equal(c.openIncidents.drill, '/operations/incidents?status=open');
    assert.equal(
      c.openIncidents.byDepartment[0].drill,
      `/operations/incidents?status=open&organisationId=${education}`,
    );

    // Another jurisdiction sees none of DT's figures.
    const other = await cockpitOf('sc.reviewer');
    assert.deepEqual(other.disbursedByYear, []);
    assert.deepEqual(other.overdueObligations, []);
    assert.ok(other.grades.every((g) => g.organisationId !== education && g.organisationId !== health));
    assert.ok(other.openIncidents.byDepartment.every((d) => d.organisationId !== education));
    assert.ok(
      c.grades.every((g) => g.organisationId !== scOrg),
      'DT sees no 朔城区 grade',
    );
    assert.ok(c.openIncidents.byDepartment.every((d) => d.organisationId !== scOrg));
  });
});
