/**
 * The Excel round trip over HTTP, per catalog: the template (with the caller's departments as
 * drop-downs), the upload — all or nothing: every row is written in one audited transaction, or
 * nothing is and the answer is 422 with the user's own workbook marked (`x-catalog-errors`: rows in
 * error) — and the export of the caller's filtered view, audited with its row count and capped.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../../identity/index.ts';
import { type CommandDeps, recordEvent } from '../../platform/command.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { perCallerQuota } from '../../platform/http/quota.ts';
import { errors, strict } from '../../platform/http/schemas.ts';
import { importEntries } from '../commands/import-entries.ts';
import { catalogRulesFor } from '../commands/rules.ts';
import { locateProblems, planImport } from '../commands/transfer.ts';
import {
  buildTemplate,
  MAX_UPLOAD_BYTES,
  markErrors,
  parseUpload,
  type RowProblem,
  SHEET_NAMES,
} from '../excel.ts';
import {
  type CatalogKind,
  CLOUD_MIGRATION_STATUSES,
  CLOUD_SERVICE_CATEGORIES,
  DEPLOYMENTS,
  type EnumList,
  labelOf,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_STATES,
  SHARING_TYPES,
  SYSTEM_STATUSES,
} from '../model.ts';
import { exportWorkbook, MAX_EXPORT_ENTRIES } from '../queries/export-workbook.ts';
import { existingEntries, importScope } from '../queries/import-scope.ts';
import { callerFrom, TAGS } from './common.ts';
import { CloudListQuery, ResourceListQuery, SystemListQuery, Xlsx } from './schemas.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PATHS: Record<CatalogKind, string> = {
  systems: '/api/catalog/systems',
  resources: '/api/catalog/resources',
  cloudServices: '/api/catalog/cloud-services',
};
const FILE_STEM: Record<CatalogKind, string> = {
  systems: 'catalog-systems',
  resources: 'catalog-resources',
  cloudServices: 'catalog-cloud-services',
};
const TAG: Record<CatalogKind, string[]> = {
  systems: TAGS.systems,
  resources: TAGS.resources,
  cloudServices: TAGS.cloud,
};

/** `attachment` with an ASCII fallback and the Chinese name (RFC 6266 / 5987). */
export function attachment(ascii: string, chinese: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

function sendXlsx(reply: FastifyReply, bytes: Buffer, ascii: string, chinese: string) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachment(ascii, chinese))
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

const day = (now: Date) =>
  new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');

async function receiveWorkbook(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  const missing = () =>
    invalid('CATALOG_FILE_REQUIRED', '请选择要上传的 Excel 文件（.xlsx）', { field: 'file' });
  if (!req.isMultipart()) throw missing();
  let file: MultipartFile | undefined;
  try {
    file = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  } catch {
    throw missing();
  }
  if (!file) throw missing();
  const fileName = file.filename.slice(0, 200);
  if (!/\.xlsx$/i.test(fileName)) {
    file.file.resume();
    throw invalid('CATALOG_FILE_NOT_XLSX', '只接受 Excel 工作簿（.xlsx），请使用下载的模板填写后上传', {
      field: 'file',
    });
  }
  try {
    return { bytes: await file.toBuffer(), fileName };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw invalid('CATALOG_FILE_TOO_LARGE', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请分批上传`, {
        field: 'file',
      });
    }
    throw err;
  }
}

const pick = (list: EnumList, code: string | undefined) => (code ? labelOf(list, code) : undefined);

function filterText(kind: CatalogKind, query: Record<string, unknown>): string {
  const parts: [string, string | undefined][] = [['关键词', query.keyword as string | undefined]];
  if (kind === 'systems') {
    parts.push(
      ['系统状态', pick(SYSTEM_STATUSES, query.status as string)],
      ['部署方式', pick(DEPLOYMENTS, query.deployment as string)],
      ['上云状态', pick(CLOUD_MIGRATION_STATUSES, query.cloudMigration as string)],
    );
  } else if (kind === 'resources') {
    parts.push(
      ['状态', pick(RESOURCE_STATES, query.state as string)],
      ['资源分类', pick(RESOURCE_CATEGORIES, query.category as string)],
      ['共享属性', pick(SHARING_TYPES, query.sharing as string)],
      ['开放属性', pick(OPENNESS_TYPES, query.openness as string)],
    );
  } else {
    parts.push(
      ['服务类别', pick(CLOUD_SERVICE_CATEGORIES, query.category as string)],
      ['状态', query.status as string],
    );
  }
  const shown = parts.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`);
  return shown.length === 0 ? '全部（本人可见范围）' : shown.join('；');
}

const ImportResult = Type.Object(
  {
    kind: Type.String(),
    rows: Type.Integer({ description: '读取的数据行数' }),
    created: Type.Integer(),
    updated: Type.Integer(),
    codes: Type.Array(Type.String(), { description: '写入的条目编码' }),
    conflictsOpen: Type.Optional(
      Type.Integer({ description: '导入后本辖区待处理的一数一源提示数（SC-26）' }),
    ),
  },
  strict,
);

/** Exports per user and minute, over all three catalogs, GET and HEAD alike (SECURITY.md 35). */
export const EXPORTS_PER_MINUTE = 20;

export function registerTransferRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const exportQuota = perCallerQuota(deps.clock, EXPORTS_PER_MINUTE, 60_000);
  for (const kind of ['systems', 'resources', 'cloudServices'] as const) {
    const base = PATHS[kind];
    const sheet = SHEET_NAMES[kind];

    typed.get(
      `${base}/template`,
      {
        schema: {
          tags: TAG[kind],
          summary: `下载${sheet}导入模板（下拉选项为本人可登记的单位）`,
          response: { 200: Xlsx, ...errors },
        },
      },
      async (req, reply) => {
        const caller = callerFrom(req, deps);
        const scope = await importScope(deps.db, caller);
        if (kind === 'cloudServices' && !scope.cloudJurisdiction) {
          throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
        }
        const bytes = await buildTemplate(kind, scope.lists);
        await recordEvent(deps, commandContext(req), {
          action: 'catalog.template_download',
          objectType: 'catalog',
          objectId: kind,
        });
        return sendXlsx(reply, bytes, `${FILE_STEM[kind]}-template.xlsx`, `${sheet}-导入模板.xlsx`);
      },
    );

    typed.post(
      `${base}/import`,
      {
        schema: {
          tags: TAG[kind],
          summary: `导入${sheet}（multipart 字段 file，.xlsx，≤ 10 MB）：整批校验，全部写入或全部不写入；有误时返回 422 及标注了错误的原工作簿`,
          consumes: ['multipart/form-data'],
          response: {
            200: ImportResult,
            ...errors,
            422: Type.Unsafe<Buffer>({
              type: 'string',
              format: 'binary',
              description: '标注了错误的原工作簿；响应头 x-catalog-errors 为有误的行数',
            }),
          },
        },
      },
      async (req, reply) => {
        const caller = callerFrom(req, deps);
        const ctx = commandContext(req);
        const { bytes, fileName } = await receiveWorkbook(req);
        const scope = await importScope(deps.db, caller);
        if (kind === 'cloudServices' && !scope.cloudJurisdiction) {
          throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
        }
        const existing = await existingEntries(deps.db, caller, kind, scope);
        // Each row's jurisdiction rules (its rulebook's), so one pass marks every bad row (issue 10 item 8).
        const rulebookOf = new Map(scope.organisations.map((o) => [o.jurisdictionName, o.rulebookCode]));
        const parsed = await parseUpload(kind, bytes, {
          ...scope.lists,
          existing: existing.entries,
          systemRules: (jurisdictionName) => catalogRulesFor(rulebookOf.get(jurisdictionName) ?? null),
        });
        let problems: RowProblem[] = parsed.problems;
        let plan = null;
        if (parsed.ok) {
          const planned = await planImport(deps.db, caller, kind, parsed.rows, scope, existing.records);
          plan = planned.plan;
          if (!plan) problems = await locateProblems(kind, bytes, parsed.sheet, planned.problems);
        }
        if (!plan) {
          const errorRows = new Set(problems.map((p) => p.row)).size;
          await recordEvent(deps, ctx, {
            action: 'catalog.import',
            objectType: 'catalog',
            objectId: kind,
            outcome: 'failure',
            details: { fileName, rows: parsed.dataRowCount, errorRows, problems: problems.length },
          });
          const marked = await markErrors(kind, bytes, problems);
          reply.status(422).header('x-catalog-errors', String(errorRows));
          return sendXlsx(
            reply,
            marked,
            `${FILE_STEM[kind]}-errors.xlsx`,
            `${fileName.replace(/\.xlsx$/i, '')}-错误标注.xlsx`,
          );
        }
        const written = await importEntries(deps, ctx, caller, kind, plan, {
          fileName,
          rows: parsed.dataRowCount,
        });
        return {
          kind,
          rows: parsed.dataRowCount,
          created: written.created,
          updated: written.updated,
          codes: written.codes,
          ...(written.conflictsOpen !== undefined ? { conflictsOpen: written.conflictsOpen } : {}),
        };
      },
    );

    const querystring =
      kind === 'systems' ? SystemListQuery : kind === 'resources' ? ResourceListQuery : CloudListQuery;
    typed.get(
      `${base}/export`,
      {
        schema: {
          tags: TAG[kind],
          summary: `导出${sheet}（本人可见范围内按条件筛选；记录导出人、时间和条数，最多 ${MAX_EXPORT_ENTRIES} 条）`,
          querystring,
          response: { 200: Xlsx, ...errors },
        },
      },
      async (req, reply) => {
        const caller = callerFrom(req, deps);
        exportQuota.take(caller.userId);
        const query: Readonly<Record<string, unknown>> = req.query;
        const scope = await importScope(deps.db, caller);
        const filter = filterText(kind, query);
        const { bytes, count } = await exportWorkbook(deps.db, caller, kind, query, {
          exportedBy: `${caller.displayName}（${caller.username}）`,
          exportedAt: caller.now,
          filter,
          lists: scope.lists,
        });
        await recordEvent(deps, commandContext(req), {
          action: 'catalog.export',
          objectType: 'catalog',
          objectId: kind,
          details: { count, filter },
        });
        return sendXlsx(
          reply,
          bytes,
          `${FILE_STEM[kind]}-${day(caller.now)}.xlsx`,
          `${sheet}-${day(caller.now)}.xlsx`,
        );
      },
    );
  }
}
