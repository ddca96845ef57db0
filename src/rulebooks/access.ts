/**
 * The rulebooks' rows of the authorization matrix (SECURITY.md 13), composed into ROUTE_ACCESS by
 * src/access/matrix.ts: every account reads the rulebooks (the published 管理办法), the system
 * administrator stores a derived version (DT-37), the business roles evaluate one.
 */
import { BUSINESS_ROLES, type RouteRule } from '../access/index.ts';

const everyone = 'authenticated' as const;

export const RULEBOOK_ACCESS: Record<string, RouteRule> = {
  'GET /api/rulebooks': { roles: everyone, relation: 'none', note: '规则集即公开的管理办法' },
  'GET /api/rulebooks/:jurisdiction': { roles: everyone, relation: 'none' },
  'POST /api/rulebooks/:jurisdiction/versions': { roles: ['sys_admin'], relation: 'any' },
  'POST /api/rulebooks/:jurisdiction/evaluate': { roles: BUSINESS_ROLES, relation: 'none' },
};
