/**
 * What other modules may use of src/access (the shared vocabulary): the roles and their names, the
 * role groups several modules' matrix rows share, the shape of a matrix entry and its key, and the
 * 三员分立 policy. Not here: the authorization matrix itself (matrix.ts imports every module's
 * index.ts, which reach this file; only the composition root src/app.ts imports matrix.ts and hands
 * ROUTE_ACCESS to src/identity/plugin.ts).
 */
export { PROJECT_PARTIES, PROJECT_VIEWERS, STEP_ACTORS } from './groups.ts';
export { adminAccountRefusal, isAdminRole, roleGrantRefusal } from './policy.ts';
export {
  ADMIN_ROLES,
  AUTHORITY,
  BUSINESS_ROLES,
  DEPARTMENT,
  isRole,
  JURISDICTION_LEVEL_NAMES,
  ORGANISATION_KIND_NAMES,
  OVERSIGHT,
  REVIEW_ASSIGNEES,
  ROLE_CODES,
  ROLE_NAMES,
  type Role,
} from './roles.ts';
export { type Relation, type RouteRule, routeKey } from './rule.ts';
