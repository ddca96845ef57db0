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

/**
 * The kinds of organisation, in the order of the organisations CHECK constraint
 * (src/platform/db/core.ts, built from this array). `platform` is the platform's own operating
 * organisation (the three administrators); every other kind is one a rulebook may name
 * (src/rules ORG_KINDS is this list without it). Labels: ORGANISATION_KIND_NAMES in src/access/roles.ts.
 */
export const ORGANISATION_KINDS = [
  'department',
  'authority',
  'approval_bureau',
  'finance',
  'leadership_body',
  'data_center',
  'expert_committee',
  'contractor',
  'supervisor',
  'evaluator',
  'platform',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
