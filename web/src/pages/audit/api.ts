import { ApiError, type ApiResponse, api, buildUrl, NETWORK_ERROR, toApiError } from '../../api/client.ts';
import type { AuditListResponse, AuditQuery } from '../../api/types.ts';

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
export async function exportAudit(
  filter: Omit<AuditQuery, 'limit' | 'offset'>,
  format: ExportFormat,
): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(buildUrl('/api/audit/export', { ...filter, format }), {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: NETWORK_ERROR, message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    const body = (response.headers.get('content-type') ?? '').includes('json')
      ? await response.json()
      : undefined;
    throw toApiError(response.status, body, response.headers.get('x-request-id'));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `audit.${format}`;
  return { blob: await response.blob(), fileName };
}
