/** 三员分立 for role grants and administrator accounts (src/access/policy.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { adminAccountRefusal, isAdminRole, roleGrantRefusal } from './policy.ts';

const platform = { id: 'org-platform', kind: 'platform' };
const department = { id: 'org-dept', kind: 'department' };
const otherDepartment = { id: 'org-dept-2', kind: 'department' };

describe('roleGrantRefusal (三员分立)', () => {
  test('an administrator role on an account without roles, at the platform organisation, is granted', () => {
    assert.equal(roleGrantRefusal('sec_admin', platform, []), null);
  });

  test('a second administrator role is refused', () => {
    const refusal = roleGrantRefusal('audit_admin', platform, [
      { role: 'sys_admin', organisationId: platform.id },
    ]);
    assert.equal(refusal?.code, 'SEPARATION_OF_DUTIES');
    assert.equal(refusal?.kind, 'conflict');
    assert.equal(refusal?.field, 'role');
  });

  test('an administrator role beside a business role is refused, and a business role beside an administrator role', () => {
    assert.equal(
      roleGrantRefusal('sys_admin', platform, [{ role: 'dept_staff', organisationId: department.id }])?.code,
      'SEPARATION_OF_DUTIES',
    );
    assert.equal(
      roleGrantRefusal('dept_staff', department, [{ role: 'sec_admin', organisationId: platform.id }])?.code,
      'SEPARATION_OF_DUTIES',
    );
  });

  test('business roles may be combined', () => {
    assert.equal(
      roleGrantRefusal('dept_leader', department, [{ role: 'dept_staff', organisationId: department.id }]),
      null,
    );
    assert.equal(
      roleGrantRefusal('dept_staff', otherDepartment, [
        { role: 'dept_staff', organisationId: department.id },
      ]),
      null,
    );
  });

  test('a role only at its organisation kinds', () => {
    const refusal = roleGrantRefusal('sys_admin', department, []);
    assert.equal(refusal?.code, 'ROLE_ORGANISATION_KIND');
    assert.equal(refusal?.field, 'organisationId');
    assert.match(refusal?.message ?? '', /系统管理员/);
    assert.equal(roleGrantRefusal('finance_officer', department, [])?.code, 'ROLE_ORGANISATION_KIND');
  });

  test('the same role twice at one organisation is refused', () => {
    const refusal = roleGrantRefusal('dept_staff', department, [
      { role: 'dept_staff', organisationId: department.id },
    ]);
    assert.equal(refusal?.code, 'ROLE_ALREADY_HELD');
  });
});

describe('adminAccountRefusal (三员分立)', () => {
  test('an account holding an administrator role is protected; a business account is not', () => {
    const refusal = adminAccountRefusal(['sec_admin']);
    assert.equal(refusal?.code, 'ADMIN_ACCOUNT_PROTECTED');
    assert.equal(refusal?.kind, 'forbidden');
    assert.equal(adminAccountRefusal(['dept_staff', 'dept_leader']), null);
    assert.equal(adminAccountRefusal([]), null);
  });

  test('isAdminRole names the three administrators only', () => {
    assert.deepEqual(['sys_admin', 'sec_admin', 'audit_admin', 'dept_staff', 'expert'].map(isAdminRole), [
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
