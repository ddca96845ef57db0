/**
 * The directory's rows of the authorization matrix (SECURITY.md 13), composed into ROUTE_ACCESS by
 * src/access/matrix.ts: jurisdictions and organisations (read by every account, kept by the system
 * administrator), users and their personal data (the system administrator alone), role grants (the
 * security administrator; 三员分立 is src/access/policy.ts). Routes in routes.ts and user-routes.ts.
 */
import type { RouteRule } from '../access/index.ts';

const everyone = 'authenticated' as const;

export const ORG_ACCESS: Record<string, RouteRule> = {
  'GET /api/jurisdictions': { roles: everyone, relation: 'none', note: '行政区划树是公开的组织信息' },
  'POST /api/jurisdictions': { roles: ['sys_admin'], relation: 'any' },
  'GET /api/organisations': { roles: everyone, relation: 'none', note: '组织机构名录' },
  'GET /api/organisations/:id': { roles: everyone, relation: 'none', note: '组织机构名录中的一项' },
  'POST /api/organisations': { roles: ['sys_admin'], relation: 'any' },
  'PATCH /api/organisations/:id': { roles: ['sys_admin'], relation: 'any' },
  'GET /api/users': { roles: ['sys_admin'], relation: 'any', note: '个人信息脱敏显示' },
  'POST /api/users': { roles: ['sys_admin'], relation: 'any' },
  'PATCH /api/users/:id': { roles: ['sys_admin'], relation: 'any' },
  'POST /api/users/:id/password-reset': {
    roles: ['sys_admin'],
    relation: 'any',
    note: '临时密码，下次登录须修改；管理员账户除外（三员分立）',
  },
  'GET /api/users/:id/sensitive': { roles: ['sys_admin'], relation: 'any', note: '明文查看，记入审计' },
  'POST /api/users/lookup': {
    roles: ['sys_admin'],
    relation: 'any',
    note: '按手机号或身份证号（盲索引）查找',
  },
  'POST /api/users/:id/roles': { roles: ['sec_admin'], relation: 'any' },
  'DELETE /api/users/:id/roles/:assignmentId': { roles: ['sec_admin'], relation: 'any' },
};
