/**
 * The audit log export's read (SECURITY.md 19, 35): at most `maxRows` rows matching the filters,
 * newest first, and how many matched, read inside the 'audit.export' command's transaction, so the
 * export is audited with what it contained (format, filters, rows, truncated).
 */
import { count, desc, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit-log/tables.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { organisations } from '../../platform/db/core.ts';
import { type AuditQuery, auditCondition } from '../queries/search.ts';

export interface ExportInput {
  format: 'csv' | 'xlsx';
  filters: AuditQuery;
  maxRows: number;
}

export async function exportAuditRows(deps: CommandDeps, ctx: CommandContext, input: ExportInput) {
  const { format, filters, maxRows } = input;
  const condition = auditCondition(filters);
  return runCommand(deps, ctx, { action: 'audit.export', objectType: 'audit_events' }, async (tx, audit) => {
    const found = await tx
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorName: auditEvents.actorName,
        role: auditEvents.role,
        organisationName: organisations.name,
        action: auditEvents.action,
        objectType: auditEvents.objectType,
        objectId: auditEvents.objectId,
        outcome: auditEvents.outcome,
        sourceIp: auditEvents.sourceIp,
        requestId: auditEvents.requestId,
        details: auditEvents.details,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
      .where(condition)
      .orderBy(desc(auditEvents.id))
      .limit(maxRows);
    const [{ n }] = await tx.select({ n: count() }).from(auditEvents).where(condition);
    audit.details = {
      format,
      filters: { ...filters },
      rows: found.length,
      truncated: Number(n) > found.length,
    };
    return { rows: found, total: Number(n) };
  });
}

export type ExportedAuditRow = Awaited<ReturnType<typeof exportAuditRows>>['rows'][number];
