import { type ApiResponse, api } from '../../../api/client.ts';
import { fetchFile } from '../../../api/download.ts';
import type { AuditListResponse, AuditQuery } from '../../../api/types.ts';

/** audit_admin only. Every query is itself an audited event on the server (SECURITY.md 19). */
export const listAudit = (query: AuditQuery, signal: AbortSignal) =>
  api.get<AuditListResponse>('/api/audit', { query: { ...query }, signal });

/** Verifies the SM3 hash chain of the whole log (the verification is itself audited). */
export const verifyAudit = () => api.get<ApiResponse<'/api/audit/verify', 'get'>>('/api/audit/verify');

export type ExportFormat = 'xlsx' | 'csv';

/**
 * Downloads the filtered log as a file (audit_admin; capped, rate-limited, and audited with who and
 * when — SECURITY.md 35). Errors come back as ApiError like every other call.
 */
export const exportAudit = (filter: Omit<AuditQuery, 'limit' | 'offset'>, format: ExportFormat) =>
  fetchFile('/api/audit/export', { ...filter, format }, `audit.${format}`);
