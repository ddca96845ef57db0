/**
 * Reads in SQL (issue 11): the project list and 待办 (/api/tasks) run the same number of SQL
 * statements at 5 and at 50 projects — visibility, filters, paging and the total are decided in the
 * database and no statement runs per project (no N+1). Counted at the driver, for the whole request
 * (session check included), for a department (who sees all of them, drafts with open steps) and an
 * oversight body (who sees none of the drafts but runs the same predicate). And the bounds of the
 * hot reads (issue 11 bench): one statement for the session check with its roles, one for the
 * rulebook, calendar and directory stamps, one for a project's detail with all its child rows.
 * The user directories (GET /api/users, GET /api/security/users) likewise: the page's roles in one
 * statement.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { roleAssignments, users } from '../../../src/identity/tables.ts';
import { seal } from '../../../src/org/user-data.ts';
import { organisations } from '../../../src/platform/db/core.ts';
import { applicationBody, expectStatus } from '../../factories/projects.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';
import { statementCounter } from '../../support/statement-counter.ts';

let ctx: TestContext;
let staff: Session;
let reviewer: Session;
let count: ReturnType<typeof statementCounter>;

before(async () => {
  ctx = await setup();
  staff = await login(ctx, 'dt.staff');
  reviewer = await login(ctx, 'dt.reviewer');
  count = statementCounter(ctx.database, () => ctx.app.auditCheckpoint.flush());
});
after(async () => {
  await ctx.close();
});

async function createProjects(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await staff.request(
      'POST',
      '/api/projects',
      applicationBody({ name: `统计语句测试项目${i}` }),
    );
    expectStatus(res, 201, 'create project');
  }
}

async function measure(expected: number) {
  const list = await staff.request('GET', '/api/projects?limit=25');
  assert.equal(list.json().total, expected);
  assert.equal(list.json().items.length, Math.min(25, expected));
  const tasks = await staff.request('GET', '/api/tasks');
  assert.ok(
    tasks.json().items.length >= expected,
    `${tasks.json().items.length} tasks for ${expected} drafts`,
  );
  assert.equal((await reviewer.request('GET', '/api/projects')).json().total, 0);
  return {
    list: await count(() => staff.request('GET', '/api/projects?limit=25')),
    filteredPage: await count(() =>
      staff.request('GET', '/api/projects?state=draft&q=%E9%A1%B9%E7%9B%AE&mine=true&limit=10&offset=5'),
    ),
    tasks: await count(() => staff.request('GET', '/api/tasks')),
    oversightList: await count(() => reviewer.request('GET', '/api/projects')),
    oversightTasks: await count(() => reviewer.request('GET', '/api/tasks')),
  };
}

describe('statement counts do not grow with the number of projects', () => {
  test('project list and /api/tasks at 5 and at 50 projects', async () => {
    await createProjects(5);
    const five = await measure(5);
    await createProjects(45);
    const fifty = await measure(50);
    assert.deepEqual(fifty, five);
    // The session check, the snapshot stamps (rulebooks, calendar, directory), the page and its
    // total (or the urged notices for 待办).
    for (const [read, n] of Object.entries(five)) assert.ok(n <= 4, `${read}: ${n} statements`);
  });
});

describe('statements per request on the hot read paths', () => {
  test('project detail: session, stamps and one statement for the project; the ceiling: session and one', async () => {
    const list = await staff.request('GET', '/api/projects?limit=1');
    const id = list.json().items[0].id as string;
    const orgId = (await staff.request('GET', '/api/auth/me')).json().roles[0].organisationId as string;
    const detail = await count(() => staff.request('GET', `/api/projects/${id}`));
    assert.ok(detail <= 3, `detail: ${detail} statements`);
    const ceiling = await count(() => staff.request('GET', `/api/organisations/${orgId}`));
    assert.ok(ceiling <= 2, `ceiling: ${ceiling} statements`);
  });
});

/** `n` more accounts named stmt.*, each with a phone (masked in the list) and a role. */
async function createUsers(n: number, from: number): Promise<void> {
  const db = ctx.database.db;
  const [org] = await db.select().from(organisations).limit(1);
  const rows = Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      username: `stmt.u${String(from + i).padStart(3, '0')}`,
      displayName: `语句统计${from + i}`,
      passwordHash: 'not-a-login',
      passwordChangedAt: new Date(),
      ...seal(ctx.keyring, id, { phone: `1390000${String(from + i).padStart(4, '0')}` }),
    };
  });
  await db.insert(users).values(rows);
  await db.insert(roleAssignments).values(
    rows.map((r) => ({
      userId: r.id,
      role: 'dept_staff',
      organisationId: org.id,
      jurisdictionId: org.jurisdictionId,
    })),
  );
}

describe('statement counts do not grow with the number of users', () => {
  test('GET /api/users and GET /api/security/users at 5 and at 50 users', async () => {
    const sys = await login(ctx, 'demo.sysadmin');
    const sec = await login(ctx, 'demo.secadmin');
    const measureUsers = async (expected: number) => {
      const page = (await sys.request('GET', '/api/users?q=stmt.&limit=25')).json();
      assert.equal(page.total, expected);
      assert.equal(page.items.length, Math.min(25, expected));
      assert.ok(page.items.every((u: { roles: unknown[]; phoneMasked: string }) => u.roles.length === 1));
      assert.match(page.items[0].phoneMasked, /^139\*{4}\d{4}$/);
      return {
        users: await count(() => sys.request('GET', '/api/users?q=stmt.&limit=25')),
        filtered: await count(() =>
          sys.request(
            'GET',
            '/api/users?q=stmt.&role=dept_staff&status=enabled&sort=-username&limit=10&offset=2',
          ),
        ),
        security: await count(() => sec.request('GET', '/api/security/users?q=stmt.&limit=25')),
      };
    };
    await createUsers(5, 0);
    const five = await measureUsers(5);
    await createUsers(45, 5);
    const fifty = await measureUsers(50);
    assert.deepEqual(fifty, five);
    for (const [read, n] of Object.entries(five)) assert.ok(n <= 6, `${read}: ${n} statements`);
  });
});
