/**
 * What other modules may use of src/access (the shared vocabulary): the roles and their names, the
 * shape of a matrix entry, and the 三员分立 policy. Not here: the authorization matrix itself
 * (matrix.ts imports every module's access.ts, which import this file; src/identity/plugin.ts, which
 * enforces it, imports matrix.ts directly).
 */
export { adminAccountRefusal, isAdminRole, roleGrantRefusal } from './policy.ts';
export {
  ADMIN_ROLES,
  BUSINESS_ROLES,
  isRole,
  JURISDICTION_LEVEL_NAMES,
  ORGANISATION_KIND_NAMES,
  ROLE_CODES,
  ROLE_NAMES,
  type Role,
} from './roles.ts';
export type { RouteRule } from './rule.ts';
