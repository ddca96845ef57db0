/**
 * Issue 17 item 8: the system administrator resets a user's password — a temporary password the
 * user must change at the next login, every session of the old password ended, audited; an
 * administrator's account is not reset by another administrator (三员分立), the policy applies to
 * the temporary password, and the security and audit administrators may not reset at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../../../src/identity/tables.ts';
import { auditEvents } from '../../../src/platform/audit-log/tables.ts';
import { login, type Session, setup, type TestContext } from '../../support/helper.ts';

let ctx: TestContext;
let sys: Session;

async function userId(username: string): Promise<string> {
  const [row] = await ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  return row.id;
}

function attempt(username: string, password: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

before(async () => {
  ctx = await setup();
  sys = await login(ctx, 'demo.sysadmin');
});
after(async () => {
  await ctx.close();
});

describe('password reset by the system administrator', () => {
  test('temporary password, change forced at next login, old sessions ended, audited', async () => {
    const before = await login(ctx, 'dt.finance');
    assert.equal((await before.request('GET', '/api/tasks')).statusCode, 200);
    const id = await userId('dt.finance');

    const weak = await sys.request('POST', `/api/users/${id}/password-reset`, {
      temporaryPassword: '123456',
    });
    assert.equal(weak.statusCode, 400, weak.body);
    assert.equal(weak.json().field, 'temporaryPassword');

    const res = await sys.request('POST', `/api/users/${id}/password-reset`, {
      temporaryPassword: 'Temporary#Reset-2026',
    });
    assert.equal(res.statusCode, 204, res.body);
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, String(res.headers['x-request-id'])))
      .orderBy(auditEvents.id);
    assert.equal(audit.action, 'user.password_reset');
    assert.equal(audit.objectId, id);
    assert.ok(
      !JSON.stringify(audit).includes('Temporary#Reset-2026'),
      'the password is not in the audit log',
    );

    assert.equal((await before.request('GET', '/api/tasks')).statusCode, 401, 'the old session ended');
    assert.equal((await attempt('dt.finance', 'Demo#Pass-2026-unused')).statusCode, 401);
    const fresh = await login(ctx, 'dt.finance', 'Temporary#Reset-2026');
    const blocked = await fresh.request('GET', '/api/tasks');
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'PASSWORD_CHANGE_REQUIRED');
    const changed = await fresh.request('POST', '/api/auth/password', {
      currentPassword: 'Temporary#Reset-2026',
      newPassword: 'Changed#After-Reset-2026',
    });
    assert.equal(changed.statusCode, 204, changed.body);
    const after = await login(ctx, 'dt.finance', 'Changed#After-Reset-2026');
    assert.equal((await after.request('GET', '/api/tasks')).statusCode, 200);
  });

  test('三员分立: no reset of an administrator, of oneself, or by the other administrators', async () => {
    const secadmin = await userId('demo.secadmin');
    const admin = await sys.request('POST', `/api/users/${secadmin}/password-reset`, {
      temporaryPassword: 'Temporary#Reset-2026',
    });
    assert.equal(admin.statusCode, 403, admin.body);
    assert.equal(admin.json().code, 'ADMIN_ACCOUNT_PROTECTED');

    const self = await sys.request('POST', `/api/users/${sys.userId}/password-reset`, {
      temporaryPassword: 'Temporary#Reset-2026',
    });
    assert.equal(self.statusCode, 400, self.body);

    const target = await userId('dt.gov');
    for (const username of ['demo.secadmin', 'demo.auditadmin', 'dt.reviewer']) {
      const s = await login(ctx, username);
      const res = await s.request('POST', `/api/users/${target}/password-reset`, {
        temporaryPassword: 'Temporary#Reset-2026',
      });
      assert.equal(res.statusCode, 403, `${username}: ${res.body}`);
    }
    assert.equal((await attempt('dt.gov', 'Temporary#Reset-2026')).statusCode, 401, 'nothing was reset');
  });
});
