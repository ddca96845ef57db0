/** The bell's routes and 通知设置: every business role, on the caller's own notices and preferences only. */

import type { RouteRule } from '../access/index.ts';
import { BUSINESS_ROLES } from '../access/index.ts';

export const NOTIFICATION_ACCESS: Record<string, RouteRule> = {
  'GET /api/notifications': { roles: BUSINESS_ROLES, relation: 'self' },
  'GET /api/notifications/unread-count': { roles: BUSINESS_ROLES, relation: 'self' },
  'POST /api/notifications/:id/read': { roles: BUSINESS_ROLES, relation: 'self' },
  'POST /api/notifications/read-all': { roles: BUSINESS_ROLES, relation: 'self' },
  'GET /api/notifications/preferences': {
    roles: BUSINESS_ROLES,
    relation: 'self',
    note: '只读本人的通知设置（无按用户编号的路由）',
  },
  'PUT /api/notifications/preferences': {
    roles: BUSINESS_ROLES,
    relation: 'self',
    note: '只改本人的通知设置；带版本号，记入审计',
  },
};
