/**
 * Regression tests for the outside probe's findings (issue 9), one describe block per item.
 * Each test fails on the code before the fix.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, type Session, setup, type TestContext } from '../helper.ts';
import {
  applicationBody,
  catalogSystem,
  expectStatus,
  ProjectFixtures,
  Sessions,
} from './projects-support.ts';

let ctx: TestContext;
let admin: Session;
before(async () => {
  ctx = await setup();
  admin = await login(ctx, 'demo.sysadmin');
});
after(async () => {
  await ctx.close();
});

const head = (url: string, cookie?: string) =>
  ctx.app.inject({ method: 'HEAD', url, ...(cookie ? { headers: { cookie } } : {}) });

describe('item 1: HEAD passes the same authentication and authorization as GET', () => {
  test('anonymous HEAD on the audit log, users and personal data is refused with 401 and no body', async () => {
    const user = (await admin.request('GET', '/api/users')).json().items[0].id;
    for (const url of [
      '/api/audit',
      '/api/audit/verify',
      '/api/users',
      '/api/security/users',
      `/api/users/${user}/sensitive`,
    ]) {
      const res = await head(url);
      assert.equal(res.statusCode, 401, `HEAD ${url}`);
      assert.equal(res.body, '');
      // No length oracle: the answer is the same as for a route that does not exist behind the gate.
      const unknownUser = await head(url.replace(user, '00000000-0000-0000-0000-000000000000'));
      assert.equal(res.headers['content-length'], unknownUser.headers['content-length']);
    }
  });

  test('HEAD as a role the matrix refuses gets 403; as the allowed role it gets the GET status', async () => {
    const staff = await login(ctx, 'dt.staff');
    assert.equal((await head('/api/audit', staff.cookie)).statusCode, 403);
    const audit = await login(ctx, 'demo.auditadmin');
    assert.equal((await head('/api/audit?limit=1', audit.cookie)).statusCode, 200);
  });

  test('HEAD is held to the forced password change like GET', async () => {
    const created = await admin.request('POST', '/api/users', {
      username: 'probe.newcomer',
      displayName: '新人',
      initialPassword: 'Probe#Initial-2026',
    });
    assert.equal(created.statusCode, 201, created.body);
    const grant = await (await login(ctx, 'demo.secadmin')).request(
      'POST',
      `/api/users/${created.json().id}/roles`,
      {
        role: 'dept_staff',
        organisationId: (await admin.request('GET', '/api/organisations'))
          .json()
          .items.find((o: { kind: string }) => o.kind === 'department').id,
      },
    );
    assert.equal(grant.statusCode < 300, true, grant.body);
    const newcomer = await login(ctx, 'probe.newcomer', 'Probe#Initial-2026');
    const get = await newcomer.request('GET', '/api/projects');
    assert.equal(get.statusCode, 403);
    assert.equal(get.json().code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await head('/api/projects', newcomer.cookie)).statusCode, 403);
    assert.equal((await head('/api/auth/me', newcomer.cookie)).statusCode, 200);
  });

  test('a percent-encoded path that routes to an API route is authorized like the plain path', async () => {
    for (const url of ['/%61pi/audit', '/%61pi/users', '/api/%61udit']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, `GET ${url}: ${res.body.slice(0, 80)}`);
    }
  });
});

