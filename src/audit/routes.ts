/** The audit log for the audit administrator: read-only (no route updates or deletes rows). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES, type Role } from '../access/index.ts';
import { commandContext } from '../identity/index.ts';
import { auditActionName } from '../platform/audit-log/events.ts';
import { type CommandDeps, recordEvent } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { errors, Paged, Paging } from '../platform/http/schemas.ts';
import { registerAuditExportRoute } from './export-routes.ts';
import { searchAudit } from './queries/search.ts';
import { verifyAuditChain } from './queries/verify-chain.ts';
import { AuditFilters, AuditItem } from './schemas.ts';

export function registerAuditRoutes(
  app: FastifyInstance,
  deps: CommandDeps,
  options: { exportMaxRows: number; anchor?: { keyring: Keyring; dir: string } } = { exportMaxRows: 10_000 },
): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/audit',
    {
      schema: {
        tags: ['安全审计'],
        summary: '查询审计日志（查询本身也被记录）',
        querystring: Type.Object(
          {
            ...AuditFilters,
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Paged(AuditItem),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const { rows, total } = await searchAudit(deps.db, q);
      await recordEvent(deps, commandContext(req), {
        action: 'audit.query',
        objectType: 'audit_events',
        details: { filters: { ...q } },
      });
      return {
        items: rows.map((r) => ({
          ...r,
          at: r.at.toISOString(),
          roleName: r.role ? (ROLE_NAMES[r.role as Role] ?? r.role) : null,
          actionName: auditActionName(r.action),
        })),
        total,
      };
    },
  );

  typed.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['安全审计'],
        summary: '校验审计日志 SM3 哈希链',
        response: {
          200: Type.Object(
            {
              ok: Type.Boolean(),
              count: Type.Integer(),
              firstBrokenId: Type.Union([Type.Integer(), Type.Null()]),
              reason: Type.Union([Type.String(), Type.Null()]),
              /** Gaps in the ids: rows deleted before newer ones were written. */
              gaps: Type.Array(
                Type.Object(
                  { id: Type.Integer(), missingFrom: Type.Integer(), missingTo: Type.Integer() },
                  { additionalProperties: false },
                ),
              ),
              /** The signed checkpoint outside the database: ok, missing, truncated, mismatch, bad_signature. */
              anchor: Type.String(),
            },
            { additionalProperties: false },
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const report = await verifyAuditChain(deps.db, deps.auditKey, { anchor: options.anchor });
      const anchor = report.anchor?.status ?? 'missing';
      const reason =
        report.firstBroken?.reason ??
        (report.gaps.length > 0 ? 'id_gap' : report.ok ? null : `checkpoint_${anchor}`);
      await recordEvent(deps, commandContext(req), {
        action: 'audit.verify',
        objectType: 'audit_events',
        details: {
          ok: report.ok,
          count: report.count,
          firstBrokenId: report.firstBroken?.id ?? null,
          gaps: report.gaps.length,
          anchor,
        },
      });
      return {
        ok: report.ok,
        count: report.count,
        firstBrokenId: report.firstBroken?.id ?? null,
        reason,
        gaps: report.gaps,
        anchor,
      };
    },
  );

  registerAuditExportRoute(app, deps, options.exportMaxRows);
}
