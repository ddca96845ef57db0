import { api } from '../../api/client.ts';
import type { AuditListResponse, AuditQuery } from '../../api/types.ts';

/** audit_admin only. Every query is itself an audited event on the server (SECURITY.md 19). */
export const listAudit = (query: AuditQuery, signal: AbortSignal) =>
  api.get<AuditListResponse>('/api/audit', { query: { ...query }, signal });
