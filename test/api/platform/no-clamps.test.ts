/**
 * Out-of-range input is an error at the field, never clamped or accepted (issue 17 item 10): a 0 元
 * budget, a year before 2000, a review score over 100 are refused with the field named.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { applicationBody, expectStatus, Sessions, setupProjects } from '../../factories/projects.ts';
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

test('a 0 元 total budget or a 0 元 year is refused at its field', async () => {
  const staff = await sessions.as('dt.staff');
  const zero = await staff.request(
    'POST',
    '/api/projects',
    applicationBody({ totalBudget: '0', budgetByYear: [] }),
  );
  expectStatus(zero, 400, 'zero total');
  assert.equal(zero.json().code, 'BUDGET_NOT_POSITIVE');
  assert.equal(zero.json().field, 'totalBudget');

  const zeroYear = await staff.request(
    'POST',
    '/api/projects',
    applicationBody({
      totalBudget: '1000',
      budgetByYear: [
        { year: 2026, amount: '1000' },
        { year: 2027, amount: '0' },
      ],
    }),
  );
  expectStatus(zeroYear, 400, 'zero year');
  assert.equal(zeroYear.json().field, 'budgetByYear.1.amount');

  const created = await staff.request('POST', '/api/projects', applicationBody());
  expectStatus(created, 201, 'a real budget');
  const id = created.json().id;
  const edit = await staff.request('PATCH', `/api/projects/${id}`, {
    totalBudget: '0.00',
    budgetByYear: [],
    version: created.json().version,
  });
  expectStatus(edit, 400, 'zero on edit');
  assert.equal(edit.json().field, 'totalBudget');
});

test('a year before 2000 is refused, not turned into 2000', async () => {
  const staff = await sessions.as('dt.staff');
  const res = await staff.request(
    'POST',
    '/api/projects',
    applicationBody({ totalBudget: '1000', budgetByYear: [{ year: 1999, amount: '1000' }] }),
  );
  expectStatus(res, 400, '1999');
  assert.match(res.json().field ?? '', /budgetByYear/);
});
