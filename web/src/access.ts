/**
 * Who may see which page: a pure function of the signed-in user's canonical roles, in the manner of
 * ant-design-pro's `src/access.ts`. The server decides every request on its own; this only shapes the
 * menu and the route guards so nobody is shown a page that would answer 403.
 *
 * 三员分立 (SECURITY.md 17; 等保 8.1.5): the system administrator (users, organisations, configuration),
 * the security administrator (roles, security policy) and the audit administrator (reads the audit
 * log) hold disjoint rights, and none of them sees business data.
 *
 * No React, no DOM, no I/O: this file runs under `node --test` (web/src/access.test.ts).
 */

import {
  ADMIN_ROLES,
  AUTHORITY,
  DEPARTMENT,
  OVERSIGHT,
  ROLE_NAMES,
  type RoleCode,
  BUSINESS_ROLES as SHARED_BUSINESS_ROLES,
} from '../../shared/roles.ts';

export type { RoleCode };
/** The canonical role codes and their names come from the one vocabulary the server uses too (shared/roles.ts). */
export { ADMIN_ROLES };
export type AdminRole = (typeof ADMIN_ROLES)[number];
export type BusinessRole = Exclude<RoleCode, AdminRole>;
export const BUSINESS_ROLES = SHARED_BUSINESS_ROLES as readonly BusinessRole[];

/**
 * Generic Chinese names of the canonical roles, for places where the server sends only the code
 * (the audit log, role pickers). Where the server sends `roleName`, show that: it carries the
 * jurisdiction's wording.
 */
export const ROLE_LABELS: Record<RoleCode, string> = ROLE_NAMES;

const BUSINESS_ROLE_SET: ReadonlySet<string> = new Set(BUSINESS_ROLES);
const ADMIN_ROLE_SET: ReadonlySet<string> = new Set(ADMIN_ROLES);
const KNOWN_ROLE_SET: ReadonlySet<string> = new Set<string>([...BUSINESS_ROLES, ...ADMIN_ROLES]);

export const isKnownRole = (role: string): role is RoleCode => KNOWN_ROLE_SET.has(role);
export const isBusinessRole = (role: string): role is BusinessRole => BUSINESS_ROLE_SET.has(role);
export const isAdminRole = (role: string): role is AdminRole => ADMIN_ROLE_SET.has(role);

/** A role of the authority (主管部门: reviewer or leader), as shared/roles.ts groups them. */
export function isAuthorityRole(role: string): boolean {
  return (AUTHORITY as readonly string[]).includes(role);
}

export function roleLabel(role: string | null | undefined): string {
  if (!role) return '';
  return isKnownRole(role) ? ROLE_LABELS[role] : role;
}

/**
 * Roles that read the system and resource catalogs: departments their own entries, the overseeing
 * bodies (OVERSIGHT, shared/roles.ts) the whole catalog of their jurisdiction.
 */
const CATALOG_READER_ROLES: readonly RoleCode[] = [...DEPARTMENT, ...OVERSIGHT];

export const ACCESS_KEYS = [
  'authenticated',
  'canSeeProjects',
  'canSeeRulebooks',
  'canDeriveRulebooks',
  'canAdminOrgs',
  'canAdminUsers',
  'canAdminCalendar',
  'canManageSecurity',
  'canReadAudit',
  'canSeeCatalogs',
  'canSeeCloudCatalog',
  'canSeeSystemCount',
  'canApplyProjects',
  'canSeePlans',
  'canManageExperts',
  'canSeeObligations',
  'canSeeFunds',
  'canManagePublicity',
  'canSeeDisbursements',
] as const;

export type AccessKey = (typeof ACCESS_KEYS)[number];
export type Access = Record<AccessKey, boolean>;

/** The part of GET /api/auth/me that access depends on (structurally a MeResponse). */
export interface AccessSubject {
  roles: ReadonlyArray<{ role: string }>;
}

/**
 * `me` is null when nobody is signed in. Unknown role codes grant nothing (fail closed), so a role
 * the server adds before the web app knows it cannot open a page by accident.
 */
export function accessFor(me: AccessSubject | null | undefined): Access {
  const roles = new Set((me?.roles ?? []).map((r) => r.role));
  const authenticated = me != null;
  const has = (role: RoleCode) => authenticated && roles.has(role);
  return {
    authenticated,
    // Business data: any business role. The three administrators see none (三员分立).
    canSeeProjects: authenticated && [...roles].some(isBusinessRole),
    // Rulebooks are published regulations, not business data: every signed-in user may read them.
    canSeeRulebooks: authenticated,
    // Deriving a rulebook version (a county's rules, DT-37) is configuration: the system administrator.
    canDeriveRulebooks: has('sys_admin'),
    canAdminOrgs: has('sys_admin'),
    canAdminUsers: has('sys_admin'),
    canAdminCalendar: has('sys_admin'),
    // Roles, unlocking, second-factor resets and the security policy: the security administrator.
    canManageSecurity: has('sec_admin'),
    canReadAudit: has('audit_admin'),
    // Catalogs (src/catalog/access.ts): departments their own entries, the authority, approval bureau,
    // finance and leadership their jurisdiction's; every business role the published cloud catalog.
    canSeeCatalogs: [...CATALOG_READER_ROLES].some(has),
    canSeeCloudCatalog: authenticated && [...roles].some(isBusinessRole),
    // 只减不增 (DT-01): the readers of the whole jurisdiction.
    canSeeSystemCount: [...OVERSIGHT].some(has),
    // Projects (src/access/matrix.ts): department staff apply; plans are read by the parties of a
    // project (departments, authority, approval bureau, finance, leadership); the authority keeps the
    // expert pool and the yearly department assessments.
    canApplyProjects: has('dept_staff'),
    canSeePlans: [...CATALOG_READER_ROLES].some(has),
    canManageExperts: AUTHORITY.some(has),
    // Obligations and the supervision board (src/obligations/access.ts): departments their own,
    // the authority, approval bureau, finance and leadership their jurisdiction's.
    canSeeObligations: [...CATALOG_READER_ROLES].some(has),
    // Money (src/funds/access.ts): the project's departments, the named bodies and the third party
    // commissioned for the budget review; the authority publishes the 公示; finance decides payments.
    canSeeFunds: [...CATALOG_READER_ROLES, 'third_party_evaluator' as const].some(has),
    canManagePublicity: AUTHORITY.some(has),
    canSeeDisbursements: [...CATALOG_READER_ROLES].some(has),
  };
}

/** True when no access key is required (public page) or the key is granted. */
export function isAllowed(access: Access, key: AccessKey | undefined): boolean {
  return key === undefined || access[key] === true;
}

// ---- menu ---------------------------------------------------------------------------------------

/** The fields of a route entry the menu needs (structurally a `RouteEntry` from routes.ts). */
export interface MenuSource {
  path: string;
  name: string;
  icon?: string;
  access?: AccessKey;
  hideInMenu?: boolean;
  /** A group that only holds children (no page of its own). */
  load?: unknown;
  children?: readonly MenuSource[];
}

export interface MenuEntry {
  path: string;
  name: string;
  icon?: string;
  children?: MenuEntry[];
}

/**
 * The menu a user sees: entries hidden from the menu, public entries (no access key: login and the
 * like live outside the layout) and entries the user may not open are dropped; a group stays only while
 * it keeps at least one child, or has a page of its own.
 */
export function menuFor(routes: readonly MenuSource[], access: Access): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const route of routes) {
    if (route.hideInMenu || route.access === undefined || !access[route.access]) continue;
    const entry: MenuEntry = { path: route.path, name: route.name };
    if (route.icon) entry.icon = route.icon;
    if (route.children?.length) {
      const children = menuFor(route.children, access);
      if (children.length === 0 && !route.load) continue;
      if (children.length > 0) entry.children = children;
    }
    out.push(entry);
  }
  return out;
}

/** The menu as a flat list of leaf pages, in menu order (the workbench's shortcut cards). */
export function flattenMenu(menu: readonly MenuEntry[]): MenuEntry[] {
  return menu.flatMap((entry) => (entry.children ? flattenMenu(entry.children) : [entry]));
}
