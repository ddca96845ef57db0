/**
 * The audit log's rows of the authorization matrix (SECURITY.md 13, 17, 20), composed into
 * ROUTE_ACCESS by src/access/matrix.ts: search, chain verification and export, the audit
 * administrator's alone; no route edits or deletes an audit record.
 */
import type { RouteRule } from '../access/index.ts';

export const AUDIT_ACCESS: Record<string, RouteRule> = {
  'GET /api/audit': { roles: ['audit_admin'], relation: 'any' },
  'GET /api/audit/verify': { roles: ['audit_admin'], relation: 'any' },
  'GET /api/audit/export': { roles: ['audit_admin'], relation: 'any', note: '限量导出，记入审计' },
};
