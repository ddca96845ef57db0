/**
 * Reads in SQL (issue 11): the plan list, the expert library's page and the departments'
 * assessments run the same number of SQL statements at 5 and at 50 rows — visibility, filters,
 * paging and the total are decided in the database and no statement runs per row (no N+1).
 * Counted at the driver for the whole request, as in read-statements.test.ts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { roleAssignments, users } from '../../../src/identity/tables.ts';
import { organisations } from '../../../src/platform/db/core.ts';
import { departmentAssessments, expertProfiles } from '../../../src/review/tables.ts';
import { expectStatus } from '../../factories/projects.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';
import { statementCounter } from '../../support/statement-counter.ts';

let ctx: TestContext;
let reviewer: Session;
let authlead: Session;
let count: ReturnType<typeof statementCounter>;

before(async () => {
  ctx = await setup();
  reviewer = await login(ctx, 'dt.reviewer');
  authlead = await login(ctx, 'dt.authlead');
  count = statementCounter(ctx.database, () => ctx.app.auditCheckpoint.flush());
});
after(async () => {
  await ctx.close();
});

const Q = encodeURIComponent('语句规划');

async function createPlans(n: number, from: number): Promise<void> {
  for (let i = from; i < from + n; i++) {
    const res = await reviewer.request('POST', '/api/plans', {
      kind: 'annual',
      title: `语句规划${i}`,
      year: 2000 + i,
      summary: '',
    });
    expectStatus(res, 201, 'plan');
  }
}

/** `n` more experts in the library of 大同市 and `n` more assessments of one department. */
async function createExpertsAndAssessments(n: number, from: number): Promise<void> {
  const db = ctx.database.db;
  const [org] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '大同市政务信息化专家咨询委员会'));
  const [dept] = await db.select().from(organisations).where(eq(organisations.name, '大同市教育局'));
  const [recorder] = await db.select().from(users).where(eq(users.username, 'dt.reviewer'));
  const rows = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    username: `stmt.e${String(from + i).padStart(3, '0')}`,
    displayName: `语句专家${from + i}`,
    passwordHash: 'not-a-login',
    passwordChangedAt: new Date(),
  }));
  await db.insert(users).values(rows);
  await db.insert(roleAssignments).values(
    rows.map((r) => ({
      userId: r.id,
      role: 'expert',
      organisationId: org.id,
      jurisdictionId: org.jurisdictionId,
    })),
  );
  await db.insert(expertProfiles).values(
    rows.map((r) => ({
      userId: r.id,
      jurisdictionId: org.jurisdictionId,
      fields: ['information_systems'],
      employerOrganisationId: org.id,
      title: '',
      createdBy: recorder.id,
    })),
  );
  await db.insert(departmentAssessments).values(
    rows.map((_, i) => ({
      organisationId: dept.id,
      year: 2050 + from + i,
      score: 80,
      grade: 'good',
      summary: '',
      recordedBy: recorder.id,
    })),
  );
}

async function measure(expected: number) {
  const plans = (await reviewer.request('GET', `/api/plans?q=${Q}&limit=25`)).json();
  assert.equal(plans.total, expected);
  assert.equal(plans.items.length, Math.min(25, expected));
  const experts = (await reviewer.request('GET', '/api/experts?q=%E8%AF%AD%E5%8F%A5&limit=25')).json();
  assert.equal(experts.total, expected);
  const assessments = (await reviewer.request('GET', '/api/department-assessments?year=2051')).json();
  assert.equal(assessments.total, 1);
  return {
    plans: await count(() => reviewer.request('GET', `/api/plans?q=${Q}&limit=25`)),
    filteredPlans: await count(() =>
      reviewer.request('GET', `/api/plans?q=${Q}&kind=annual&status=draft&limit=10&offset=2`),
    ),
    otherPlans: await count(() => authlead.request('GET', `/api/plans?q=${Q}&limit=25`)),
    experts: await count(() => reviewer.request('GET', '/api/experts?limit=25')),
    wholeLibrary: await count(() => reviewer.request('GET', '/api/experts')),
    assessments: await count(() => reviewer.request('GET', '/api/department-assessments?limit=25')),
  };
}

describe('statement counts do not grow with the number of plans, experts and assessments', () => {
  test('GET /api/plans, /api/experts and /api/department-assessments at 5 and at 50 rows', async () => {
    await createPlans(5, 0);
    await createExpertsAndAssessments(5, 0);
    const five = await measure(5);
    await createPlans(45, 5);
    await createExpertsAndAssessments(45, 5);
    const fifty = await measure(50);
    assert.deepEqual(fifty, five);
    for (const [read, n] of Object.entries(five)) assert.ok(n <= 12, `${read}: ${n} statements`);
    console.log('statements', JSON.stringify(five));
  });
});
