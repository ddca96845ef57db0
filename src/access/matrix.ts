/**
 * The authorization matrix (SECURITY.md 13): for every API route, which roles may call it and
 * which relation to the object is required. The app refuses to start when a route under /api has
 * no entry here, and the access plugin enforces the roles before any handler runs; relations
 * (own department, own jurisdiction, assigned expert) are enforced by each domain's queries and
 * tested route by route.
 */
import { type ADMIN_ROLES, BUSINESS_ROLES, type Role } from './roles.ts';

export type Relation =
  | 'none' // public or self-service: no object
  | 'self' // the caller's own account or session
  | 'own_department' // objects of the caller's organisation
  | 'own_jurisdiction' // objects of the caller's jurisdiction (authority, finance, approval bureau)
  | 'assigned' // objects assigned to the caller (experts, evaluators)
  | 'any'; // platform-wide (administrators)

export type RouteRule =
  | { public: true; relation: 'none'; note?: string }
  | { public?: false; roles: readonly Role[] | 'authenticated'; relation: Relation; note?: string };

const everyone = 'authenticated' as const;
const admin = (r: (typeof ADMIN_ROLES)[number]): readonly Role[] => [r];

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  'GET /api/health': { public: true, relation: 'none' },
  'GET /api/public/login-info': { public: true, relation: 'none' },
  'POST /api/auth/login': { public: true, relation: 'none' },
  'POST /api/auth/logout': { roles: everyone, relation: 'self' },
  'GET /api/auth/me': { roles: everyone, relation: 'self' },
  'POST /api/auth/password': { roles: everyone, relation: 'self' },

  'GET /api/jurisdictions': { roles: everyone, relation: 'none', note: '行政区划树是公开的组织信息' },
  'POST /api/jurisdictions': { roles: admin('sys_admin'), relation: 'any' },
  'GET /api/organisations': { roles: everyone, relation: 'none', note: '组织机构名录' },
  'POST /api/organisations': { roles: admin('sys_admin'), relation: 'any' },
  'PATCH /api/organisations/:id': { roles: admin('sys_admin'), relation: 'any' },

  'GET /api/users': { roles: ['sys_admin', 'sec_admin'], relation: 'any' },
  'POST /api/users': { roles: admin('sys_admin'), relation: 'any' },
  'PATCH /api/users/:id': { roles: admin('sys_admin'), relation: 'any' },
  'POST /api/users/:id/roles': { roles: admin('sec_admin'), relation: 'any' },
  'DELETE /api/users/:id/roles/:assignmentId': { roles: admin('sec_admin'), relation: 'any' },

  'GET /api/audit': { roles: admin('audit_admin'), relation: 'any' },
  'GET /api/audit/verify': { roles: admin('audit_admin'), relation: 'any' },

  'GET /api/calendar/years': { roles: everyone, relation: 'none' },
  'GET /api/calendar/years/:year': { roles: everyone, relation: 'none' },
  'PUT /api/calendar/years/:year': { roles: admin('sys_admin'), relation: 'any' },
  'GET /api/calendar/compute': { roles: everyone, relation: 'none' },

  'GET /api/rulebooks': { roles: everyone, relation: 'none', note: '规则集即公开的管理办法' },
  'GET /api/rulebooks/:jurisdiction': { roles: everyone, relation: 'none' },
  'POST /api/rulebooks/:jurisdiction/versions': { roles: admin('sys_admin'), relation: 'any' },
  'POST /api/rulebooks/:jurisdiction/evaluate': { roles: BUSINESS_ROLES, relation: 'none' },
};

export function routeKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}
