/**
 * The plans' rows of the authorization matrix (SECURITY.md 13), composed into ROUTE_ACCESS by
 * src/access/matrix.ts: a project's parties read plans of their jurisdiction, departments and the
 * authority compile them, the leadership body and the authority decide (routes.ts); who compiles,
 * edits and sees a given plan is actors.ts.
 */
import { AUTHORITY, DEPARTMENT, PROJECT_PARTIES, type Role, type RouteRule } from '../access/index.ts';

/** Who compiles plans: department staff (department plan) and the authority (jurisdiction plan). */
const PLAN_COMPILERS: readonly Role[] = ['dept_staff', ...AUTHORITY];

export const PLAN_ACCESS: Record<string, RouteRule> = {
  'GET /api/plans': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction' },
  'POST /api/plans': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'GET /api/plans/:id': { roles: PROJECT_PARTIES, relation: 'own_jurisdiction' },
  'PATCH /api/plans/:id': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'POST /api/plans/:id/entries': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'DELETE /api/plans/:id/entries/:entryId': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'POST /api/plans/:id/submit': { roles: PLAN_COMPILERS, relation: 'own_department' },
  'POST /api/plans/:id/decision': { roles: ['leadership_body', ...AUTHORITY], relation: 'own_jurisdiction' },
  'GET /api/plan-entries': { roles: DEPARTMENT, relation: 'own_department' },
};
