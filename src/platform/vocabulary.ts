/**
 * The canonical role codes: one code per kind of user, whatever a jurisdiction calls them. The one
 * definition for the rules engine (src/rules/model.ts re-exports it), the actor types
 * (src/platform/actor.ts) and the role_assignments CHECK constraint (src/platform/db/core.ts, built
 * from this array). Labels live with the access vocabulary (src/access/roles.ts). Pure.
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
