/**
 * The login page's facts (src/publication, SECURITY.md 8): in demo mode the demo accounts the
 * composition root passes in, with their published password and role name; with demo mode off
 * (a production install) none, although the demo users exist in this database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLE_NAMES } from '../../../src/access/roles.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../src/demo/accounts.ts';
import { setup, type TestContext } from '../../support/helper.ts';

describe('GET /api/public/login-info', () => {
  let demo: TestContext;
  let production: TestContext;
  before(async () => {
    demo = await setup();
    production = await setup({ demo: false });
  });
  after(async () => {
    await demo.close();
    await production.close();
  });

  test('demo mode lists every demo account with its published password and role name, to anyone', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/public/login-info' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.demo, true);
    assert.equal(body.platformName, '统筹 · 政务信息化项目管理平台');
    assert.equal(body.demoAccounts.length, DEMO_ACCOUNTS.length);
    const staff = DEMO_ACCOUNTS.find((a) => a.username === 'dt.staff');
    assert.ok(staff);
    assert.deepEqual(
      body.demoAccounts.find((a: { username: string }) => a.username === 'dt.staff'),
      {
        username: 'dt.staff',
        password: DEMO_PASSWORD,
        displayName: staff.displayName,
        roleNames: [ROLE_NAMES[staff.role]],
        jurisdictionName: staff.jurisdictionName,
        organisationName: staff.organisationName,
      },
    );
  });

  test('with demo mode off no account is listed (SECURITY.md 8)', async () => {
    const res = await production.app.inject({ method: 'GET', url: '/api/public/login-info' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      demo: false,
      platformName: '统筹 · 政务信息化项目管理平台',
      demoAccounts: [],
    });
  });
});
