/**
 * Obligations over HTTP: the list (a project's, my department's, the jurisdiction's), the
 * supervision board (open and overdue by department and kind), the CSV export, and the authority's
 * extend / waive decisions. Visibility, filters, paging and counts are SQL.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import { type CommandDeps, recordEvent } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { errors, IdParams, Paged, Paging, VersionInput } from '../platform/http/schemas.ts';
import { decideObligation } from './commands/decide-obligation.ts';
import { OBLIGATION_STATES } from './model.ts';
import { obligationBoard } from './queries/board.ts';
import { exportObligations, listObligations } from './queries/list.ts';
import { obligationView } from './queries/obligation.ts';

/** Read by the workbench cockpit (its figures use the same scope and overdue condition). */

const TAGS = ['督办'];
const strict = { additionalProperties: false } as const;
const S = Type.String();
const NullableS = Type.Union([S, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });

export const ObligationView = Type.Object(
  {
    id: S,
    kind: S,
    title: S,
    articles: Type.Array(S),
    projectId: NullableS,
    projectCode: NullableS,
    projectName: NullableS,
    systemId: NullableS,
    jurisdictionId: S,
    holderOrganisationId: S,
    holderName: S,
    ref: S,
    anchorDate: S,
    amount: Type.Integer(),
    unit: S,
    dueDate: NullableS,
    calendarUnknown: Type.Boolean(),
    unknownYears: Type.Array(Type.Integer()),
    state: S,
    overdue: Type.Boolean(),
    remainingWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
    metOn: NullableS,
    late: Type.Boolean(),
    extendedFrom: NullableS,
    extensionReason: NullableS,
    waivedReason: NullableS,
    link: NullableS,
    version: Type.Integer(),
  },
  strict,
);

const StateFilter = Type.Union([...OBLIGATION_STATES.map((s) => Type.Literal(s)), Type.Literal('live')]);
const Filters = {
  projectId: Type.Optional(Type.String({ format: 'uuid' })),
  systemId: Type.Optional(Type.String({ format: 'uuid' })),
  holderOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  state: Type.Optional(StateFilter),
  overdue: Type.Optional(Type.Boolean()),
};
const ListQuery = Type.Object({ ...Filters, ...Paging }, strict);
const BoardQuery = Type.Object(
  { kind: Filters.kind, holderOrganisationId: Filters.holderOrganisationId },
  strict,
);
const ExtendBody = Type.Object(
  {
    until: IsoDate,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    version: VersionInput,
  },
  strict,
);
const WaiveBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }), version: VersionInput },
  strict,
);

const actorOf = (req: FastifyRequest): Actor => req.actor!;

const STATE_LABEL: Record<string, string> = {
  open: '待履行',
  met: '已履行',
  overdue: '已逾期',
  extended: '已延期',
  waived: '已豁免',
};

function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Spreadsheet formula injection: a leading = + - @ is neutralised.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const EXPORT_MAX_ROWS = 10_000;

export function registerObligationRoutes(
  root: FastifyInstance,
  deps: CommandDeps & { keyring: Keyring },
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const today = () => chinaDate(deps.clock.now());

  app.get(
    '/api/obligations',
    {
      schema: {
        tags: TAGS,
        summary: '义务（期限）清单：本单位、可见项目、本辖区',
        querystring: ListQuery,
        response: {
          200: Paged(ObligationView),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query;
      return listObligations(deps, actorOf(req), q, today(), { limit: q.limit ?? 50, offset: q.offset ?? 0 });
    },
  );

  app.get(
    '/api/obligations/board',
    {
      schema: {
        tags: TAGS,
        summary: '督办看板：按单位和类别统计待履行、逾期、已履行',
        querystring: BoardQuery,
        response: {
          200: Type.Object(
            {
              rows: Type.Array(
                Type.Object(
                  {
                    holderOrganisationId: S,
                    holderName: S,
                    kind: S,
                    title: S,
                    live: Type.Integer(),
                    overdue: Type.Integer(),
                    met: Type.Integer(),
                    metLate: Type.Integer(),
                    waived: Type.Integer(),
                  },
                  strict,
                ),
              ),
              totals: Type.Object(
                { live: Type.Integer(), overdue: Type.Integer(), met: Type.Integer() },
                strict,
              ),
            },
            strict,
          ),
          ...errors,
        },
      },
    },
    async (req) => obligationBoard(deps, actorOf(req), req.query, today()),
  );

  app.get(
    '/api/obligations/export',
    {
      schema: {
        tags: TAGS,
        summary: '导出督办台账（CSV，UTF-8）',
        querystring: Type.Object(Filters, strict),
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'text/csv 附件' }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const t = today();
      const actor = actorOf(req);
      const rows = await exportObligations(deps, actor, q, t, EXPORT_MAX_ROWS);
      await recordEvent(deps, commandContext(req), {
        action: 'obligation.export',
        objectType: 'obligation',
        details: { rows: rows.length, filters: { ...q } },
      });
      const header = [
        '项目编号',
        '项目名称',
        '承担单位',
        '义务',
        '依据',
        '起算日',
        '到期日',
        '剩余工作日',
        '状态',
        '是否逾期',
        '履行日',
      ];
      const lines = [header.join(',')];
      for (const v of rows) {
        lines.push(
          [
            v.projectCode,
            v.projectName,
            v.holderName,
            v.title,
            v.articles.join('、'),
            v.anchorDate,
            v.dueDate ?? '日历未知',
            v.remainingWorkingDays,
            STATE_LABEL[v.state] ?? v.state,
            v.overdue ? '是' : '否',
            v.metOn,
          ]
            .map(csvCell)
            .join(','),
        );
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="obligations-${t}.csv"`)
        .send(Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'));
    },
  );

  app.post(
    '/api/obligations/:id/extend',
    {
      schema: {
        tags: TAGS,
        summary: '批准延期：到期日改为新日期并说明理由',
        params: IdParams,
        body: ExtendBody,
        response: { 200: ObligationView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { until, reason, version } = req.body;
      await decideObligation(deps, commandContext(req), actorOf(req), id, {
        kind: 'extend',
        until,
        reason,
        version,
      });
      return obligationView(deps.db, id, today());
    },
  );

  app.post(
    '/api/obligations/:id/waive',
    {
      schema: {
        tags: TAGS,
        summary: '豁免义务并说明理由',
        params: IdParams,
        body: WaiveBody,
        response: { 200: ObligationView, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { reason, version } = req.body;
      await decideObligation(deps, commandContext(req), actorOf(req), id, { kind: 'waive', reason, version });
      return obligationView(deps.db, id, today());
    },
  );
}
