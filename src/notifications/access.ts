/** The bell's routes: every business role, on the caller's own notices only. */

import { BUSINESS_ROLES } from '../access/roles.ts';
import type { RouteRule } from '../access/rule.ts';

export const NOTIFICATION_ACCESS: Record<string, RouteRule> = {
  'GET /api/notifications': { roles: BUSINESS_ROLES, relation: 'self' },
  'GET /api/notifications/unread-count': { roles: BUSINESS_ROLES, relation: 'self' },
  'POST /api/notifications/:id/read': { roles: BUSINESS_ROLES, relation: 'self' },
  'POST /api/notifications/read-all': { roles: BUSINESS_ROLES, relation: 'self' },
};
