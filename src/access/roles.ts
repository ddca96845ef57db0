/**
 * The canonical role model. Each jurisdiction's rulebook gives its own local names for these roles;
 * these are the generic Chinese names used where no rulebook applies (admin pages, audit log).
 */
import type { Role } from '../platform/actor.ts';
import { type OrganisationKind, ROLE_CODES } from '../platform/vocabulary.ts';

export type { Role };
export { ROLE_CODES };

export const ROLE_NAMES: Record<Role, string> = {
  dept_staff: '部门经办人员',
  dept_leader: '部门负责人',
  authority_reviewer: '主管部门审核人员',
  authority_leader: '主管部门负责人',
  approver: '审批部门人员',
  finance_officer: '财政（财务）人员',
  leadership_body: '决策机构（政府/党组）',
  expert: '评审专家',
  contractor: '承建单位',
  supervisor: '监理单位',
  third_party_evaluator: '第三方评估机构',
  sys_admin: '系统管理员',
  sec_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** 三员分立 (等保 8.1.4.2d): the three administrator roles; no account may hold two of them. */
export const ADMIN_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'] as const satisfies readonly Role[];

/** Roles that work on projects (business data). The three admins see none of it. */
export const BUSINESS_ROLES: readonly Role[] = ROLE_CODES.filter(
  (r) => !(ADMIN_ROLES as readonly string[]).includes(r),
);

export function isRole(value: string): value is Role {
  return (ROLE_CODES as readonly string[]).includes(value);
}

/** The name of each organisation kind (every kind of src/platform/vocabulary.ts has one). */
export const ORGANISATION_KIND_NAMES: Record<string, string> = {
  department: '部门（建设/使用单位）',
  authority: '主管部门',
  approval_bureau: '审批部门',
  finance: '财政部门',
  leadership_body: '决策机构',
  data_center: '数据中心',
  expert_committee: '专家咨询委员会',
  contractor: '承建单位',
  supervisor: '监理单位',
  evaluator: '第三方评估机构',
  platform: '平台运维单位',
} satisfies Record<OrganisationKind, string>;

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

export const JURISDICTION_LEVEL_NAMES: Record<string, string> = {
  province: '省',
  city: '市',
  district: '区（县）',
  bureau: '市直部门',
};
