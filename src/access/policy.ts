/**
 * Access policy as pure functions: 三员分立 (等保 8.1.4.2d, SECURITY.md 17) for role grants and for
 * administrator accounts. The database reads stay in the callers (src/org/commands/).
 */
import { conflict, type DomainError, forbidden, invalid } from '../platform/errors.ts';
import {
  ADMIN_ROLES,
  ORGANISATION_KIND_NAMES,
  ROLE_NAMES,
  ROLE_ORGANISATION_KINDS,
  type Role,
} from './roles.ts';

export function isAdminRole(role: string): boolean {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

/**
 * Why `role` may not be granted at an organisation of kind `organisationKind` to a user who holds
 * `held`, or null when it may: an administrator holds exactly one admin role and no business role;
 * each role only at its organisation kinds; a role is held at most once per organisation.
 */
export function roleGrantRefusal(
  role: Role,
  organisation: { id: string; kind: string },
  held: readonly { role: string; organisationId: string }[],
): DomainError | null {
  if (isAdminRole(role) ? held.some((h) => h.role !== role) : held.some((h) => isAdminRole(h.role))) {
    return conflict(
      'SEPARATION_OF_DUTIES',
      '三员分立：系统、安全、审计管理员角色不得兼任，也不得与业务角色兼任',
      {
        field: 'role',
      },
    );
  }
  if (!ROLE_ORGANISATION_KINDS[role].includes(organisation.kind)) {
    return invalid(
      'ROLE_ORGANISATION_KIND',
      `“${ROLE_NAMES[role]}”角色只能授予${ROLE_ORGANISATION_KINDS[role].map((k) => ORGANISATION_KIND_NAMES[k]).join('、')}的人员`,
      { field: 'organisationId' },
    );
  }
  if (held.some((h) => h.role === role && h.organisationId === organisation.id)) {
    return conflict('ROLE_ALREADY_HELD', '该用户已在此机构拥有该角色', { field: 'role' });
  }
  return null;
}

/**
 * The system administrator does not change (edit, disable, reset the password of) an account that
 * holds an administrator role: the security administrator first revokes that role (issue 9 item 7).
 */
export function adminAccountRefusal(targetRoles: readonly string[]): DomainError | null {
  return targetRoles.some(isAdminRole)
    ? forbidden(
        '管理员账户的变更须由安全管理员办理：先撤销其管理员角色（三员分立）',
        'ADMIN_ACCOUNT_PROTECTED',
      )
    : null;
}
