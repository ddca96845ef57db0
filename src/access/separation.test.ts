/**
 * 三员分立 over the authorization matrix (SECURITY.md 17, 20; 等保 8.1.5, 8.1.4.2d), as pure checks
 * of src/access/matrix.ts: the system, security and audit administrators hold disjoint permission
 * sets, none of them reaches business data, the audit administrator only reads, and no route edits
 * or deletes audit records.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROUTE_ACCESS, type RouteRule } from './matrix.ts';
import { ADMIN_ROLES, BUSINESS_ROLES, type Role } from './roles.ts';

/**
 * Routes every signed-in user may call: self-service (relation 'self': the caller's own account,
 * session or options) and published reference data read with GET (administrative divisions, the
 * organisation directory, the holiday calendar, the rulebooks). Anything else must name its roles.
 */
const SHARED_PREFIXES = ['/api/jurisdictions', '/api/organisations', '/api/calendar/', '/api/rulebooks'];

const entries = Object.entries(ROUTE_ACCESS);
const pathOf = (key: string) => key.split(' ')[1];
const explicitRoles = (rule: RouteRule): readonly Role[] =>
  rule.public || rule.roles === 'authenticated' ? [] : rule.roles;

describe('三员分立 in the authorization matrix', () => {
  test('the three administrator roles have disjoint permission sets (self-service and reference routes aside)', () => {
    const overlaps = entries
      .filter(
        ([, rule]) =>
          explicitRoles(rule).filter((r) => (ADMIN_ROLES as readonly Role[]).includes(r)).length > 1,
      )
      .map(([key]) => key);
    assert.deepEqual(overlaps, []);
    const sets = ADMIN_ROLES.map((admin) =>
      entries.filter(([, rule]) => explicitRoles(rule).includes(admin)).map(([key]) => key),
    );
    for (const set of sets) assert.ok(set.length > 0, 'each administrator has rights of its own');
  });

  test('routes open to every signed-in user are self-service or published reference data', () => {
    const shared = entries.filter(([, rule]) => !rule.public && rule.roles === 'authenticated');
    const outside = shared
      .filter(([key, rule]) => {
        if (rule.relation === 'self') return false; // the caller's own account, session or options
        const reference = SHARED_PREFIXES.some((p) => pathOf(key).startsWith(p)) && key.startsWith('GET ');
        return !(reference && rule.relation === 'none');
      })
      .map(([key]) => key);
    assert.deepEqual(outside, [], 'business routes must list their roles, never "authenticated"');
  });

  test('business routes never list an administrator role', () => {
    const mixed = entries
      .filter(([, rule]) => {
        const roles = explicitRoles(rule);
        return (
          roles.some((r) => BUSINESS_ROLES.includes(r)) &&
          roles.some((r) => (ADMIN_ROLES as readonly Role[]).includes(r))
        );
      })
      .map(([key]) => key);
    assert.deepEqual(mixed, []);
  });

  test('the audit administrator only reads, and only the audit log', () => {
    const own = entries.filter(([, rule]) => explicitRoles(rule).includes('audit_admin')).map(([key]) => key);
    assert.ok(own.length >= 3);
    for (const key of own) {
      assert.match(key, /^GET \/api\/audit/, key);
    }
  });

  test('no route edits or deletes audit records', () => {
    const writes = entries
      .map(([key]) => key)
      .filter((key) => pathOf(key).startsWith('/api/audit') && !key.startsWith('GET '));
    assert.deepEqual(writes, []);
  });

  test('personal data in plain text is for the system administrator alone', () => {
    assert.deepEqual(ROUTE_ACCESS['GET /api/users/:id/sensitive'], {
      roles: ['sys_admin'],
      relation: 'any',
      note: '明文查看，记入审计',
    });
  });
});
