/**
 * The holiday calendar's rows of the authorization matrix (SECURITY.md 13), composed into
 * ROUTE_ACCESS by src/access/matrix.ts: every account reads the calendar and computes working days;
 * the system administrator saves a year.
 */
import type { RouteRule } from '../access/index.ts';

const everyone = 'authenticated' as const;

export const CALENDAR_ACCESS: Record<string, RouteRule> = {
  'GET /api/calendar/years': { roles: everyone, relation: 'none' },
  'GET /api/calendar/years/:year': { roles: everyone, relation: 'none' },
  'PUT /api/calendar/years/:year': { roles: ['sys_admin'], relation: 'any' },
  'GET /api/calendar/compute': { roles: everyone, relation: 'none' },
};
