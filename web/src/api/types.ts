/**
 * Response and request types of the Tongchou HTTP API.
 *
 * GENERATED FILE (to be): once the server publishes its OpenAPI document (`/api/docs/json`), this file
 * is regenerated from it and must not be edited by hand. Until then it mirrors, field for field, the API
 * contract of issue 2 (UI shell). Keep it free of logic so the swap to the generated file is mechanical.
 */

/** Every error body the server sends (4xx and 5xx). */
export interface ApiErrorBody {
  code: string;
  /** Chinese, shown to the user as is. */
  message: string;
  field?: string;
  /** Rule citation such as `DT-19` when a rulebook article refuses the action. */
  article?: string;
  requestId?: string;
}

// ---- auth ---------------------------------------------------------------------------------------

export interface MeUser {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
}

export interface MeRole {
  /** Canonical role code, e.g. `dept_staff`. */
  role: string;
  /** The role's name in the jurisdiction's own wording. */
  roleName: string;
  organisationId: string;
  organisationName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionCode: string;
}

/** GET /api/auth/me, POST /api/auth/login */
export interface MeResponse {
  user: MeUser;
  roles: MeRole[];
  csrfToken: string;
}

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
}

/** POST /api/auth/password → 204 */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

// ---- public -------------------------------------------------------------------------------------

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  roleNames: string[];
  jurisdictionName: string;
  organisationName: string;
}

/** GET /api/public/login-info */
export interface LoginInfoResponse {
  demo: boolean;
  platformName: string;
  demoAccounts: DemoAccount[];
}

// ---- organisations and jurisdictions ------------------------------------------------------------

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  kindName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  parentId: string | null;
}

/** GET /api/organisations */
export interface OrganisationListResponse {
  items: Organisation[];
}

export interface Jurisdiction {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

/** GET /api/jurisdictions */
export interface JurisdictionListResponse {
  items: Jurisdiction[];
}

// ---- users --------------------------------------------------------------------------------------

export interface UserRoleSummary {
  role: string;
  roleName: string;
  organisationName: string;
  jurisdictionName: string;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: UserRoleSummary[];
}

/** GET /api/users */
export interface UserListResponse {
  items: UserSummary[];
}

// ---- audit --------------------------------------------------------------------------------------

export interface AuditEvent {
  id: number;
  /** ISO 8601 timestamp. */
  at: string;
  actorName: string | null;
  role: string | null;
  organisationName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  sourceIp: string | null;
  requestId: string | null;
}

/** GET /api/audit?from&to&actor&action&limit&offset */
export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  limit?: number;
  offset?: number;
}

export interface AuditListResponse {
  items: AuditEvent[];
  total: number;
}

// ---- rulebooks (endpoint arrives in a later issue) ----------------------------------------------

export interface RulebookSummary {
  code: string;
  name: string;
  version: string;
  effectiveFrom: string;
}

/** GET /api/rulebooks */
export interface RulebookListResponse {
  items: RulebookSummary[];
}
