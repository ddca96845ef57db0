/**
 * The canonical role model for the server. The role codes, their generic Chinese names, the
 * administrator and business roles, the role groups (DEPARTMENT, AUTHORITY, OVERSIGHT, REVIEW_ASSIGNEES) and the
 * organisation kind and jurisdiction level names are defined once in shared/ (shared/roles.ts,
 * shared/organisations.ts), which the web reads too; this file
 * re-exports them and adds the grant rule the server enforces (ROLE_ORGANISATION_KINDS).
 */
import type { Role } from '../platform/actor.ts';

export { JURISDICTION_LEVEL_NAMES, ORGANISATION_KIND_NAMES } from '../../shared/organisations.ts';
export {
  ADMIN_ROLES,
  AUTHORITY,
  BUSINESS_ROLES,
  DEPARTMENT,
  isRole,
  OVERSIGHT,
  REVIEW_ASSIGNEES,
  ROLE_CODES,
  ROLE_NAMES,
} from '../../shared/roles.ts';
export type { Role };

/**
 * The organisation kinds at which each role may be granted (issue 9 item 6): a 主管部门 role only at
 * the authority (or the data centre that acts for it, DT 数字政府服务中心, XZ 数据中心), a department role
 * only at a department (or a data centre), the administrators only at the platform organisation.
 */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly string[]> = {
  dept_staff: ['department', 'data_center'],
  dept_leader: ['department', 'data_center'],
  authority_reviewer: ['authority', 'data_center'],
  authority_leader: ['authority', 'data_center'],
  approver: ['approval_bureau', 'authority'],
  finance_officer: ['finance'],
  leadership_body: ['leadership_body'],
  expert: ['expert_committee'],
  contractor: ['contractor'],
  supervisor: ['supervisor'],
  third_party_evaluator: ['evaluator'],
  sys_admin: ['platform'],
  sec_admin: ['platform'],
  audit_admin: ['platform'],
};
