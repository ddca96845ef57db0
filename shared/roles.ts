/**
 * The canonical roles: one code per kind of user, whatever a jurisdiction calls them, and the generic
 * Chinese name of each. The one definition for the server (src/platform/vocabulary.ts and
 * src/access/roles.ts re-export it: the rules engine, the actor types, the role_assignments CHECK
 * constraint built from ROLE_CODES) and for the web (web/src/access.ts). Each jurisdiction's rulebook
 * gives its own local names; these are the names used where no rulebook applies (admin pages, audit log).
 */
export const ROLE_CODES = [
  'dept_staff',
  'dept_leader',
  'authority_reviewer',
  'authority_leader',
  'approver',
  'finance_officer',
  'leadership_body',
  'expert',
  'contractor',
  'supervisor',
  'third_party_evaluator',
  'sys_admin',
  'sec_admin',
  'audit_admin',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const ROLE_NAMES: Record<RoleCode, string> = {
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
export const ADMIN_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'] as const satisfies readonly RoleCode[];

/** Roles that work on projects (business data). The three admins see none of it. */
export const BUSINESS_ROLES: readonly RoleCode[] = ROLE_CODES.filter(
  (r) => !(ADMIN_ROLES as readonly string[]).includes(r),
);

/** A department (部门): its staff and its leader. */
export const DEPARTMENT: readonly RoleCode[] = ['dept_staff', 'dept_leader'];
/** The authority (主管部门): reviewer and leader. */
export const AUTHORITY: readonly RoleCode[] = ['authority_reviewer', 'authority_leader'];
/** Those assigned to one project's review: experts and third-party evaluators (their relation is the assignment). */
export const REVIEW_ASSIGNEES: readonly RoleCode[] = ['expert', 'third_party_evaluator'];
/** The bodies that oversee a jurisdiction's projects and catalogs: authority, approval, finance, leadership. */
export const OVERSIGHT: readonly RoleCode[] = [
  ...AUTHORITY,
  'approver',
  'finance_officer',
  'leadership_body',
];

export function isRole(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}
