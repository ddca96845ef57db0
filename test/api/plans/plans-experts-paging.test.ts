/**
 * The plan list, the expert library and the departments' assessments page in SQL (issue 11):
 * GET /api/plans and GET /api/department-assessments take their filters and `limit`/`offset` and
 * answer { items, total, limit, offset }; GET /api/experts does the same when `limit` is given and
 * otherwise answers the whole library with its candidates as before (the assignment selector).
 * Out-of-range paging is a 400 at its field, never clamped. Who sees what is unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  expectStatus,
  extraUser,
  organisationId,
  Sessions,
  setupProjects,
} from '../../factories/projects.ts';
import type { TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sessions: Sessions;
before(async () => {
  ctx = await setupProjects();
  sessions = new Sessions(ctx);
});
after(async () => {
  await ctx.close();
});

const get = async (as: string, url: string) => {
  const res = await (await sessions.as(as)).request('GET', url);
  expectStatus(res, 200, url);
  return res.json();
};
const Q = encodeURIComponent('分页规划');

async function expect400(as: string, cases: [string, string][]) {
  for (const [url, field] of cases) {
    const res = await (await sessions.as(as)).request('GET', url);
    assert.equal(res.statusCode, 400, url);
    assert.equal(res.json().code, 'VALIDATION_FAILED', url);
    assert.equal(res.json().field, field, url);
  }
}

describe('GET /api/plans', () => {
  before(async () => {
    const reviewer = await sessions.as('dt.reviewer');
    for (let i = 0; i < 7; i++) {
      const res = await reviewer.request('POST', '/api/plans', {
        kind: i % 3 === 0 ? 'overall' : 'annual',
        title: `分页规划${i}`,
        year: 2026 + i,
        summary: '',
      });
      expectStatus(res, 201, 'plan');
    }
  });

  test('pages newest year first with the total of all matches', async () => {
    const first = await get('dt.reviewer', `/api/plans?q=${Q}&limit=3`);
    assert.deepEqual(
      { total: first.total, limit: first.limit, offset: first.offset },
      { total: 7, limit: 3, offset: 0 },
    );
    assert.deepEqual(
      first.items.map((p: { title: string }) => p.title),
      ['分页规划6', '分页规划5', '分页规划4'],
    );
    assert.ok(Array.isArray(first.items[0].entries) && first.items[0].chain);
    const last = await get('dt.reviewer', `/api/plans?q=${Q}&limit=3&offset=6`);
    assert.deepEqual(
      last.items.map((p: { title: string }) => p.title),
      ['分页规划0'],
    );
    assert.equal(last.total, 7);
    const byDefault = await get('dt.reviewer', '/api/plans');
    assert.equal(byDefault.limit, 25);
    assert.equal(byDefault.offset, 0);
  });

  test('filters by kind, status and jurisdiction in SQL', async () => {
    const overall = await get('dt.reviewer', `/api/plans?q=${Q}&kind=overall&limit=10`);
    assert.equal(overall.total, 3);
    assert.ok(overall.items.every((p: { kind: string }) => p.kind === 'overall'));
    assert.equal((await get('dt.reviewer', `/api/plans?q=${Q}&status=draft&limit=10`)).total, 7);
    assert.equal((await get('dt.reviewer', `/api/plans?q=${Q}&status=approved&limit=10`)).total, 0);
    assert.equal((await get('dt.reviewer', `/api/plans?q=${Q}&jurisdiction=DT`)).total, 7);
  });

  test('who sees the plans is unchanged: the compiler’s drafts stay with its organisation', async () => {
    assert.equal((await get('dt.staff', `/api/plans?q=${Q}`)).total, 0);
    assert.equal((await get('dt.authlead', `/api/plans?q=${Q}`)).total, 7);
  });

  test('out-of-range paging and unknown filters are a 400 at the field', async () => {
    await expect400('dt.reviewer', [
      ['/api/plans?limit=0', 'limit'],
      ['/api/plans?limit=101', 'limit'],
      ['/api/plans?offset=-1', 'offset'],
      ['/api/plans?kind=yearly', 'kind'],
      ['/api/plans?status=archived', 'status'],
    ]);
  });
});

describe('GET /api/experts and GET /api/department-assessments', () => {
  before(async () => {
    const reviewer = await sessions.as('dt.reviewer');
    const employer = await organisationId(reviewer, '大同市政务信息化专家咨询委员会');
    for (let i = 0; i < 4; i++) {
      const { userId } = await extraUser(ctx, sessions, 'expert', '大同市政务信息化专家咨询委员会');
      const fields = i % 2 === 0 ? ['information_systems', 'audit'] : ['hardware'];
      expectStatus(
        await reviewer.request('POST', '/api/experts', {
          userId,
          fields,
          employerOrganisationId: employer,
          title: '',
        }),
        201,
        'pool',
      );
    }
    for (const name of ['大同市教育局', '大同市卫生健康委员会']) {
      for (const year of [2023, 2024]) {
        expectStatus(
          await reviewer.request('POST', '/api/department-assessments', {
            organisationId: await organisationId(reviewer, name),
            year,
            score: 80,
            grade: 'good',
            summary: '',
          }),
          201,
          'assessment',
        );
      }
    }
  });

  test('without limit the whole library and its candidates, as before; with limit a page and the total', async () => {
    const whole = await get('dt.reviewer', '/api/experts');
    assert.equal(whole.total, undefined);
    assert.ok(whole.items.length >= 4);
    assert.ok(whole.candidates.length >= 4);
    const page = await get('dt.reviewer', '/api/experts?limit=2');
    assert.deepEqual(
      { total: page.total, limit: page.limit, offset: page.offset },
      { total: whole.items.length, limit: 2, offset: 0 },
    );
    const names = whole.items.map((e: { name: string }) => e.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    assert.deepEqual(
      page.items.map((e: { userId: string }) => e.userId),
      whole.items.slice(0, 2).map((e: { userId: string }) => e.userId),
    );
    const desc = await get('dt.reviewer', '/api/experts?limit=100&sort=-name');
    assert.deepEqual(
      desc.items.map((e: { userId: string }) => e.userId),
      [...whole.items].reverse().map((e: { userId: string }) => e.userId),
    );
    const audit = await get('dt.reviewer', '/api/experts?field=audit&limit=10');
    assert.equal(
      audit.total,
      whole.items.filter((e: { fields: string[] }) => e.fields.includes('audit')).length,
    );
    assert.ok(audit.total >= 2);
    const named = await get(
      'dt.reviewer',
      `/api/experts?q=${encodeURIComponent(whole.items[0].name)}&limit=10`,
    );
    assert.ok(named.items.some((e: { userId: string }) => e.userId === whole.items[0].userId));
  });

  test('assessments page newest year first, filtered by year and department name', async () => {
    const y2023 = await get('dt.reviewer', '/api/department-assessments?year=2023&limit=1');
    assert.deepEqual(
      { total: y2023.total, limit: y2023.limit, offset: y2023.offset },
      { total: 2, limit: 1, offset: 0 },
    );
    assert.equal(y2023.items.length, 1);
    const all = await get('dt.reviewer', '/api/department-assessments');
    assert.equal(all.limit, 25);
    assert.deepEqual(
      all.items.map((a: { year: number }) => a.year),
      [...all.items.map((a: { year: number }) => a.year)].sort((a, b) => b - a),
    );
    const everything = await get('dt.reviewer', '/api/department-assessments?limit=100');
    const edu = await get('dt.reviewer', `/api/department-assessments?q=${encodeURIComponent('教育局')}`);
    const expected = everything.items.filter((a: { organisationName: string }) =>
      a.organisationName.includes('教育局'),
    );
    assert.equal(edu.total, expected.length);
    assert.ok(edu.total >= 2);
    assert.ok(edu.items.every((a: { organisationName: string }) => a.organisationName.includes('教育局')));
    assert.ok(
      edu.items.some(
        (a: { organisationName: string; gradeName: string }) =>
          a.organisationName === '大同市教育局' && a.gradeName === '良好',
      ),
    );
  });

  test('who sees them is unchanged; out-of-range paging is a 400 at the field', async () => {
    for (const url of ['/api/experts', '/api/department-assessments']) {
      const res = await (await sessions.as('dt.staff')).request('GET', url);
      assert.equal(res.statusCode, 403, url);
    }
    await expect400('dt.reviewer', [
      ['/api/experts?limit=0', 'limit'],
      ['/api/experts?limit=101', 'limit'],
      ['/api/experts?field=cooking&limit=5', 'field'],
      ['/api/department-assessments?limit=101', 'limit'],
      ['/api/department-assessments?offset=-1', 'offset'],
    ]);
  });
});
