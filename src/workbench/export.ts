/**
 * Lists export to .xlsx with their current filters (issue 17): 我的项目, 已办, 我发起的. The file
 * names who exported it, when, and the filters; the export is audited with its row count; more rows
 * than the cap is refused (narrow the filter) rather than silently cut.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordEvent } from '../platform/command.ts';
import { invalid } from '../platform/errors.ts';
import { errors, Uuid } from '../platform/http/schemas.ts';
import {
  labelOf,
  loadWorkflowEnv,
  PROJECT_STATE_CODES,
  PROJECT_STATES,
  type WorkflowEnv,
} from '../projects/index.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { doneItems } from './queries/done-items.ts';
import { projectRows } from './queries/project-rows.ts';
import { startedItems } from './queries/started-items.ts';

/** Rows one export may hold (SECURITY.md 35: bulk export capped). */
export const MAX_LIST_EXPORT_ROWS = 5_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LISTS = {
  projects: '我的项目',
  done: '已办',
  started: '我发起的',
} as const;
type ListName = keyof typeof LISTS;

export const ExportQuery = Type.Object(
  {
    list: Type.Union(Object.keys(LISTS).map((k) => Type.Literal(k))),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    state: Type.Optional(Type.Union(PROJECT_STATE_CODES.map((c) => Type.Literal(c)))),
    organisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

interface Filters {
  list: ListName;
  q?: string;
  state?: string;
  organisationId?: string;
}

const actorOf = (req: FastifyRequest): Actor => req.actor!;

const HEADERS: Record<ListName, string[]> = {
  projects: ['项目编码', '项目名称', '类型', '申报单位', '总预算（元）', '状态', '更新时间'],
  done: ['办理时间', '项目编码', '项目名称', '办理', '环节', '结果', '意见', '项目状态'],
  started: ['项目编码', '项目名称', '申报单位', '状态', '总预算（元）', '创建时间', '最近更新'],
};

async function rowsOf(db: ProjectDeps['db'], e: WorkflowEnv, actor: Actor, f: Filters, limit: number) {
  if (f.list === 'projects') return projectRows(db, e, actor, f, limit);
  if (f.list === 'done') {
    const r = await doneItems(db, e, actor, { q: f.q, limit, offset: 0 });
    return {
      total: r.total,
      rows: r.items.map((i) => [
        i.at,
        i.projectCode,
        i.projectName,
        i.kindName,
        i.stepName ?? '',
        i.outcomeName ?? '',
        i.opinion ?? '',
        i.stateName,
      ]),
    };
  }
  const r = await startedItems(db, e, actor, { q: f.q, limit, offset: 0 });
  return {
    total: r.total,
    rows: r.items.map((i) => [
      i.projectCode,
      i.projectName,
      i.ownerName,
      i.stateName,
      i.totalBudget,
      i.createdAt,
      i.updatedAt,
    ]),
  };
}

/** `关键词：证照；状态：审核中` — the filters as the file states them. */
export function filterText(f: Filters): string {
  const parts: string[] = [];
  if (f.q?.trim()) parts.push(`关键词：${f.q.trim()}`);
  if (f.state) parts.push(`状态：${labelOf(PROJECT_STATES, f.state)}`);
  if (f.organisationId) parts.push(`申报单位：${f.organisationId}`);
  return parts.length > 0 ? parts.join('；') : '无（全部）';
}

export async function listWorkbook(
  title: string,
  header: string[],
  rows: string[][],
  meta: { exportedBy: string; exportedAt: Date; filter: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.exportedBy;
  workbook.created = meta.exportedAt;
  const sheet = workbook.addWorksheet(title);
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(['导出人', meta.exportedBy]);
  sheet.addRow(['导出时间', meta.exportedAt.toISOString()]);
  sheet.addRow(['筛选条件', meta.filter]);
  sheet.addRow(['条数', String(rows.length)]);
  sheet.addRow([]);
  sheet.addRow(header).font = { bold: true };
  // Values are strings, never formulas (a name starting with “=” stays text).
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

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
      const f: Filters = req.query;
      const e = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      const { total, rows } = await rowsOf(deps.db, e, actor, f, MAX_LIST_EXPORT_ROWS);
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
