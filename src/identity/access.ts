/**
 * The identity routes' rows of the authorization matrix (SECURITY.md 13), composed into ROUTE_ACCESS
 * by src/access/matrix.ts: login and the second factor (public), the caller's own session, password
 * and MFA enrolment (`self`), and the security administrator's account-security routes
 * (routes.ts, mfa-routes.ts, security-admin-routes.ts). The user directory and role grants are
 * src/org's rows.
 */
import type { RouteRule } from '../access/index.ts';

const everyone = 'authenticated' as const;

export const IDENTITY_ACCESS: Record<string, RouteRule> = {
  'POST /api/auth/login': { public: true, relation: 'none' },
  'POST /api/auth/mfa': { public: true, relation: 'none', note: '登录第二步：凭待完成的登录令牌' },
  'POST /api/auth/logout': { roles: everyone, relation: 'self' },
  'GET /api/auth/me': { roles: everyone, relation: 'self' },
  'POST /api/auth/password': { roles: everyone, relation: 'self' },
  'POST /api/auth/mfa/enrolment': { roles: everyone, relation: 'self' },
  'POST /api/auth/mfa/enrolment/confirm': { roles: everyone, relation: 'self' },
  'GET /api/security/users': {
    roles: ['sec_admin'],
    relation: 'any',
    note: '账户安全状态与角色，不含个人信息',
  },
  'GET /api/security/policy': { roles: ['sec_admin'], relation: 'any' },
  'POST /api/users/:id/unlock': { roles: ['sec_admin'], relation: 'any' },
  'DELETE /api/users/:id/mfa': { roles: ['sec_admin'], relation: 'any' },
};
