/**
 * GET /api/workbench/export: a list as .xlsx with its filters; audited (`list.export`) with its row
 * count; more rows than the cap is refused (narrow the filter) rather than silently cut.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordEvent } from '../platform/command.ts';
import { invalid } from '../platform/errors.ts';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import {
  filterText,
  HEADERS,
  LISTS,
  type ListFilters,
  listWorkbook,
  MAX_LIST_EXPORT_ROWS,
} from './export.ts';
import { exportRows } from './queries/export-rows.ts';
import { ExportQuery } from './schemas.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const actorOf = (req: FastifyRequest): Actor => req.actor!;

function send(reply: FastifyReply, bytes: Buffer, ascii: string, chinese: string) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

export function registerListExportRoute(fastify: FastifyInstance, deps: ProjectDeps): void {
  fastify.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/workbench/export',
    {
      config: {
        rateLimit: {
          max: 20,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) => req.actor?.userId ?? req.ip,
        },
      },
      schema: {
        tags: ['工作台'],
        summary: `导出清单为 Excel（当前筛选条件；记录导出人、时间和条数，最多 ${MAX_LIST_EXPORT_ROWS} 条）`,
        querystring: ExportQuery,
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'Excel 工作簿（.xlsx）',
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const f: ListFilters = req.query;
      const e = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      const { total, rows } = await exportRows(deps.db, e, actor, f, MAX_LIST_EXPORT_ROWS);
      if (total > MAX_LIST_EXPORT_ROWS) {
        throw invalid(
          'EXPORT_TOO_LARGE',
          `符合条件的有 ${total} 条，超过单次导出上限 ${MAX_LIST_EXPORT_ROWS} 条，请缩小筛选范围`,
          { field: 'q' },
        );
      }
      const filter = filterText(f);
      const title = LISTS[f.list];
      const bytes = await listWorkbook(title, HEADERS[f.list], rows, {
        exportedBy: `${actor.displayName}（${actor.username}）`,
        exportedAt: e.now,
        filter,
      });
      await recordEvent(deps, commandContext(req), {
        action: 'list.export',
        objectType: 'list',
        objectId: f.list,
        details: { count: rows.length, filter },
      });
      const day = e.today;
      return send(reply, bytes, `${f.list}-${day}.xlsx`, `${title}-${day}.xlsx`);
    },
  );
}
