/** GET /api/audit/export for the audit administrator: rate-limited, capped, audited (src/audit/export.ts). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { CommandDeps } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { exportAuditRows } from './commands/export.ts';
import {
  AUDIT_EXPORT_RATE_PER_MINUTE,
  beijingTime,
  type ExportHeader,
  presentExportRow,
  toCsv,
  toXlsx,
} from './export.ts';
import { AuditFilters } from './schemas.ts';

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
      const { rows, total } = await exportAuditRows(deps, commandContext(req), { format, filters, maxRows });
      const header: ExportHeader = {
        exportedBy: `${actor.username}（${actor.displayName}）`,
        exportedAt,
        filters,
        rows: rows.length,
        total,
      };
      const presented = rows.map(presentExportRow);
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
