/**
 * Export of the audit log for the audit administrator (SECURITY.md 19, 29, 35): CSV or xlsx, at
 * most AUDIT_EXPORT_MAX_ROWS rows (configuration; newest first), rate-limited per user, audited as 'audit.export'
 * in the same transaction that reads the rows, and the file itself names who exported it and when.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { count, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES, type Role } from '../access/index.ts';
import { commandContext } from '../identity/index.ts';
import { auditActionName } from '../platform/audit-log/events.ts';
import { auditEvents } from '../platform/audit-log/tables.ts';
import { type CommandDeps, runCommand } from '../platform/command.ts';
import { organisations } from '../platform/db/core.ts';
import { errors } from '../platform/http/schemas.ts';
import { AuditFilters, type AuditQuery, auditCondition } from './query.ts';

/** Exports per user per minute (SECURITY.md 29). */
export const AUDIT_EXPORT_RATE_PER_MINUTE = 5;

const COLUMNS = [
  ['id', '序号'],
  ['at', '时间'],
  ['actorName', '操作人'],
  ['roleName', '角色'],
  ['organisationName', '单位'],
  ['actionName', '操作'],
  ['action', '操作代码'],
  ['objectType', '对象类型'],
  ['objectId', '对象'],
  ['outcome', '结果'],
  ['sourceIp', '来源地址'],
  ['requestId', '请求号'],
  ['details', '详情'],
  ['hash', '链哈希'],
] as const;

type ExportRow = Record<(typeof COLUMNS)[number][0], string>;

/** Beijing time for people reading the file: 2026-11-23 10:00:00 (UTC+8). */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * A CSV cell (RFC 4180) that a spreadsheet will not run as a formula: a value that starts with
 * = + - @ TAB or CR is prefixed with an apostrophe (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export interface ExportHeader {
  exportedBy: string;
  exportedAt: Date;
  filters: AuditQuery;
  rows: number;
  total: number;
}

function headerLines(h: ExportHeader): string[][] {
  const filters = Object.entries(h.filters)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return [
    ['统筹 · 安全审计日志导出'],
    ['导出人', h.exportedBy],
    ['导出时间（北京时间）', beijingTime(h.exportedAt)],
    ['筛选条件', filters || '无'],
    [
      '记录数',
      h.rows < h.total
        ? `${h.rows}（符合条件 ${h.total} 条，已截断为最新 ${h.rows} 条，请缩小时间范围分批导出）`
        : String(h.rows),
    ],
    [],
  ];
}

export function toCsv(header: ExportHeader, rows: ExportRow[]): Buffer {
  const lines = [
    ...headerLines(header),
    COLUMNS.map(([, title]) => title),
    ...rows.map((r) => COLUMNS.map(([key]) => r[key])),
  ].map((cells) => cells.map(csvCell).join(','));
  // BOM: Excel in a Chinese locale reads UTF-8 only with it.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(header: ExportHeader, rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = header.exportedBy;
  workbook.created = header.exportedAt;
  const sheet = workbook.addWorksheet('审计日志');
  for (const line of headerLines(header)) sheet.addRow(line);
  const titleRow = sheet.addRow(COLUMNS.map(([, title]) => title));
  titleRow.font = { bold: true };
  // Values are written as strings, never as formulas.
  for (const r of rows) sheet.addRow(COLUMNS.map(([key]) => r[key]));
  sheet.columns.forEach((column, i) => {
    column.width = [8, 20, 16, 14, 24, 16, 22, 12, 38, 10, 16, 38, 40, 66][i] ?? 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerAuditExportRoute(app: FastifyInstance, deps: CommandDeps, maxRows: number): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/audit/export',
    {
      schema: {
        tags: ['安全审计'],
        summary: `导出审计日志（CSV 或 Excel，最多 ${maxRows} 条；导出本身记入审计）`,
        querystring: Type.Object(
          { ...AuditFilters, format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'text/csv 或 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 附件',
          }),
          ...errors,
        },
      },
      config: {
        rateLimit: {
          max: AUDIT_EXPORT_RATE_PER_MINUTE,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => `user:${req.actor?.userId ?? req.ip}`,
        },
      },
    },
    async (req, reply) => {
      const { format = 'xlsx', ...filters } = req.query;
      const actor = req.actor!;
      const exportedAt = deps.clock.now();
      const condition = auditCondition(filters);
      const { rows, total } = await runCommand(
        deps,
        commandContext(req),
        { action: 'audit.export', objectType: 'audit_events' },
        async (tx, audit) => {
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
        },
      );
      const header: ExportHeader = {
        exportedBy: `${actor.username}（${actor.displayName}）`,
        exportedAt,
        filters,
        rows: rows.length,
        total,
      };
      const presented: ExportRow[] = rows.map((r) => ({
        id: String(r.id),
        at: beijingTime(r.at),
        actorName: r.actorName ?? '',
        roleName: r.role ? (ROLE_NAMES[r.role as Role] ?? r.role) : '',
        organisationName: r.organisationName ?? '',
        actionName: auditActionName(r.action),
        action: r.action,
        objectType: r.objectType ?? '',
        objectId: r.objectId ?? '',
        outcome: r.outcome,
        sourceIp: r.sourceIp ?? '',
        requestId: r.requestId ?? '',
        details: r.details ? JSON.stringify(r.details) : '',
        hash: r.hash,
      }));
      const stamp = beijingTime(exportedAt).replace(/[-: ]/g, '').slice(0, 14);
      const name = `audit-${stamp}.${format}`;
      const body = format === 'csv' ? toCsv(header, presented) : await toXlsx(header, presented);
      return reply
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );
}
