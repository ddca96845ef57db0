/**
 * 待办 paged in SQL (issue 11): pages in arrival order without gaps or repeats, the total over every
 * page, filters by project, text and kind, a project the caller cannot see gives an empty page (the
 * same answer as a project that does not exist), and out-of-range paging is a 400 at the field.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { draftProject, expectStatus, Sessions, setupProjects } from '../../factories/projects.ts';
import type { Session, TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
let staff: Session;
const ids: string[] = [];
const NAME = '分页待办测试项目';

interface Task {
  projectId: string;
  projectCode: string;
  kind: string;
  stepId: string;
  since: string;
}
interface Page {
  items: Task[];
  total: number;
  overdue: number;
  limit: number;
  offset: number;
}

async function page(s: Session, query: string): Promise<Page> {
  const res = await s.request('GET', `/api/tasks?${query}`);
  expectStatus(res, 200, query);
  return res.json();
}

before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
  staff = await sessions.as('dt.staff');
  for (let i = 0; i < 7; i++) {
    ids.push((await draftProject(staff, { name: `${NAME}${i}` })).id);
    // Each draft arrives a minute after the one before it (oldest first is then a defined order).
    ctx.clock.advance(60_000);
  }
});
after(async () => {
  await ctx.close();
});

describe('待办 paged in SQL', () => {
  test('pages follow one another in arrival order; the total counts every page', async () => {
    const q = `q=${encodeURIComponent(NAME)}`;
    const whole = await page(staff, `${q}&limit=200`);
    assert.equal(whole.total, whole.items.length);
    assert.ok(whole.total >= 7, `${whole.total} tasks`);
    assert.deepEqual(
      [...new Set(whole.items.map((t) => t.projectId))].sort(),
      [...ids].sort(),
      'every draft and nothing else',
    );
    const sinces = whole.items.map((t) => t.since);
    assert.deepEqual(sinces, [...sinces].sort(), 'oldest first');
    assert.equal(whole.items[0].projectId, ids[0]);

    const pages: Task[] = [];
    for (let offset = 0; offset < whole.total; offset += 3) {
      const p = await page(staff, `${q}&limit=3&offset=${offset}`);
      assert.deepEqual([p.total, p.limit, p.offset], [whole.total, 3, offset]);
      assert.ok(p.items.length <= 3);
      pages.push(...p.items);
    }
    assert.deepEqual(pages, whole.items);
    const beyond = await page(staff, `${q}&offset=${whole.total}`);
    assert.deepEqual([beyond.items.length, beyond.total], [0, whole.total]);
    // Without a limit: the first 50.
    const first = await page(staff, q);
    assert.deepEqual([first.limit, first.offset], [50, 0]);
  });

  test('filters: one project, a project code, a kind', async () => {
    const one = await page(staff, `projectId=${ids[3]}`);
    assert.ok(one.total >= 1);
    assert.ok(one.items.every((t) => t.projectId === ids[3]));
    const code = one.items[0].projectCode;
    const byCode = await page(staff, `q=${encodeURIComponent(code)}`);
    assert.deepEqual(
      byCode.items.map((t) => t.projectId),
      one.items.map((t) => t.projectId),
    );
    const applications = await page(staff, `projectId=${ids[3]}&kind=application`);
    assert.ok(applications.total >= 1);
    assert.ok(applications.items.every((t) => t.kind === 'application'));
    const reviews = await page(staff, `projectId=${ids[3]}&kind=review`);
    assert.deepEqual([reviews.total, reviews.items.length, reviews.overdue], [0, 0, 0]);
  });

  test('a project the caller cannot see answers like one that does not exist', async () => {
    const otherDepartment = await sessions.as('dt.staff2');
    const hidden = await page(otherDepartment, `projectId=${ids[0]}`);
    const missing = await page(otherDepartment, `projectId=${randomUUID()}`);
    assert.deepEqual(hidden, missing);
    assert.equal(hidden.total, 0);
    // The authority does not see drafts: none of them is its task.
    const reviewer = await sessions.as('dt.reviewer');
    assert.equal((await page(reviewer, `q=${encodeURIComponent(NAME)}`)).total, 0);
  });

  test('out-of-range paging and unknown filters are a 400 at the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['offset=-1', 'offset'],
      ['kind=approval', 'kind'],
      ['projectId=abc', 'projectId'],
      [`q=${'项'.repeat(51)}`, 'q'],
    ] as const) {
      const res = await staff.request('GET', `/api/tasks?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.equal(res.json().code, 'VALIDATION_FAILED', query);
      assert.equal(res.json().field, field, query);
    }
  });
});
