/**
 * Obligations over HTTP: the list (a project's, my department's, the jurisdiction's), the
 * supervision board (open and overdue by department and kind), the CSV export, and the authority's
 * extend / waive decisions. Visibility, filters, paging and counts are SQL.
 */

import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { loadCalendar } from '../calendar/repository.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { errors, IdParams, Paging, VersionInput } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { commandContext } from '../identity/plugin.ts';
import { jurisdictionSubtree } from '../projects/actors.ts';
import { loadDirectory, loadWorkflowEnv, visibleProjectIds } from '../projects/repository.ts';
import { projects } from '../projects/tables.ts';
import { chinaDate } from '../shared/clock.ts';
import { type CommandDeps, recordEvent, runCommand } from '../shared/command.ts';
import { conflict, forbidden, notFound } from '../shared/errors.ts';
import { AUTHORITY_ROLES } from './access.ts';
import { dueStatus, extendObligation, type ObligationRow, waiveObligation } from './engine.ts';
import { OBLIGATION_STATES, obligations } from './tables.ts';

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

type ListFilters = {
  projectId?: string;
  systemId?: string;
  holderOrganisationId?: string;
  kind?: string;
  state?: string;
  overdue?: boolean;
};

const actorOf = (req: FastifyRequest): Actor => req.actor!;

/**
 * The caller's scope as one SQL condition: held by the caller's organisation, on a project the
 * caller sees, or (authority) on a catalog system of a jurisdiction the caller oversees.
 */
export async function scopeCondition(deps: CommandDeps & { keyring: Keyring }, actor: Actor): Promise<SQL> {
  const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
  return scopeOf(deps.db, actor, await visibleProjectIds(deps.db, env, actor));
}

/** `scopeCondition` for a caller whose visible projects are already known. */
export async function scopeOf(db: Queryable, actor: Actor, projectIds: readonly string[]): Promise<SQL> {
  const directory = await loadDirectory(db);
  const ownOrgs = [...new Set(actor.assignments.map((a) => a.organisationId))];
  const overseen = [
    ...new Set(
      actor.assignments
        .filter((a) => (AUTHORITY_ROLES as readonly string[]).includes(a.role))
        .flatMap((a) => jurisdictionSubtree(directory, a.jurisdictionId)),
    ),
  ];
  const parts: SQL[] = [];
  if (ownOrgs.length > 0) parts.push(inArray(obligations.holderOrganisationId, ownOrgs));
  if (projectIds.length > 0) parts.push(inArray(obligations.projectId, [...projectIds]));
  if (overseen.length > 0) {
    parts.push(and(isNull(obligations.projectId), inArray(obligations.jurisdictionId, overseen)) as SQL);
  }
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}

/** Overdue as of `today`: swept overdue, or still open (or extended) past its due date. */
export const overdueSql = (today: string) =>
  sql`(${obligations.state} = 'overdue' or (${obligations.state} in ('open', 'extended') and ${obligations.dueDate} < ${today}::date))`;

function filterConditions(f: ListFilters, today: string): SQL[] {
  const c: SQL[] = [];
  if (f.projectId) c.push(eq(obligations.projectId, f.projectId));
  if (f.systemId) c.push(eq(obligations.systemId, f.systemId));
  if (f.holderOrganisationId) c.push(eq(obligations.holderOrganisationId, f.holderOrganisationId));
  if (f.kind) c.push(eq(obligations.kind, f.kind));
  if (f.state === 'live') c.push(inArray(obligations.state, ['open', 'extended', 'overdue']));
  else if (f.state) c.push(eq(obligations.state, f.state as ObligationRow['state']));
  if (f.overdue === true) c.push(overdueSql(today));
  if (f.overdue === false) c.push(sql`not ${overdueSql(today)}`);
  return c;
}

async function listRows(q: Queryable, where: SQL, limit: number, offset: number) {
  return q
    .select({
      o: obligations,
      projectCode: projects.code,
      projectName: projects.name,
      holderName: organisations.name,
    })
    .from(obligations)
    .innerJoin(organisations, eq(organisations.id, obligations.holderOrganisationId))
    .leftJoin(projects, eq(projects.id, obligations.projectId))
    .where(where)
    .orderBy(sql`${obligations.dueDate} asc nulls last`, desc(obligations.createdAt), obligations.id)
    .limit(limit)
    .offset(offset);
}

type ListRow = Awaited<ReturnType<typeof listRows>>[number];

export function presentObligation(r: ListRow, today: string, calendar: Parameters<typeof dueStatus>[2]) {
  const o = r.o;
  const due = dueStatus(o, today, calendar);
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    articles: o.articles,
    projectId: o.projectId,
    projectCode: r.projectCode ?? null,
    projectName: r.projectName ?? null,
    systemId: o.systemId,
    jurisdictionId: o.jurisdictionId,
    holderOrganisationId: o.holderOrganisationId,
    holderName: r.holderName,
    ref: o.ref,
    anchorDate: o.anchorDate,
    amount: o.amount,
    unit: o.unit,
    dueDate: o.dueDate,
    calendarUnknown: due.calendarUnknown,
    unknownYears: o.unknownYears,
    state: o.state,
    overdue: due.overdue,
    remainingWorkingDays: due.remainingWorkingDays,
    metOn: o.metOn,
    late: o.late,
    extendedFrom: o.extendedFrom,
    extensionReason: o.extensionReason,
    waivedReason: o.waivedReason,
    link: o.link,
    version: o.version,
  };
}

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
  app: FastifyInstance,
  deps: CommandDeps & { keyring: Keyring },
): void {
  const today = () => chinaDate(deps.clock.now());

  app.get(
    '/api/obligations',
    {
      schema: {
        tags: TAGS,
        summary: '义务（期限）清单：本单位、可见项目、本辖区',
        querystring: ListQuery,
        response: {
          200: Type.Object({ items: Type.Array(ObligationView), total: Type.Integer() }, strict),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query as ListFilters & { limit?: number; offset?: number };
      const t = today();
      const where = and(await scopeCondition(deps, actorOf(req)), ...filterConditions(q, t)) as SQL;
      const [rows, [total], calendar] = await Promise.all([
        listRows(deps.db, where, q.limit ?? 50, q.offset ?? 0),
        deps.db.select({ n: count() }).from(obligations).where(where),
        loadCalendar(deps.db),
      ]);
      return { items: rows.map((r) => presentObligation(r, t, calendar)), total: total?.n ?? 0 };
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
    async (req) => {
      const q = req.query as ListFilters;
      const t = today();
      const where = and(await scopeCondition(deps, actorOf(req)), ...filterConditions(q, t)) as SQL;
      const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
      const rows = await deps.db
        .select({
          holderOrganisationId: obligations.holderOrganisationId,
          holderName: organisations.name,
          kind: obligations.kind,
          title: sql<string>`min(${obligations.title})`,
          live: n(sql`${obligations.state} in ('open', 'extended', 'overdue')`),
          overdue: n(overdueSql(t)),
          met: n(sql`${obligations.state} = 'met'`),
          metLate: n(sql`${obligations.state} = 'met' and ${obligations.late}`),
          waived: n(sql`${obligations.state} = 'waived'`),
        })
        .from(obligations)
        .innerJoin(organisations, eq(organisations.id, obligations.holderOrganisationId))
        .where(where)
        .groupBy(obligations.holderOrganisationId, organisations.name, obligations.kind)
        .orderBy(desc(sql`count(*) filter (where ${overdueSql(t)})`), organisations.name, obligations.kind);
      const totals = rows.reduce(
        (acc, r) => ({ live: acc.live + r.live, overdue: acc.overdue + r.overdue, met: acc.met + r.met }),
        { live: 0, overdue: 0, met: 0 },
      );
      return { rows, totals };
    },
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
    async (req, reply: FastifyReply) => {
      const q = req.query as ListFilters;
      const t = today();
      const actor = actorOf(req);
      const where = and(await scopeCondition(deps, actor), ...filterConditions(q, t)) as SQL;
      const [rows, calendar] = await Promise.all([
        listRows(deps.db, where, EXPORT_MAX_ROWS, 0),
        loadCalendar(deps.db),
      ]);
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
      for (const r of rows) {
        const v = presentObligation(r, t, calendar);
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

  /** Loads the obligation in the caller's scope and checks the authority may decide on it. */
  async function decidable(tx: Tx, req: FastifyRequest, scope: SQL, id: string, version: number) {
    const actor = actorOf(req);
    const [row] = await tx
      .select()
      .from(obligations)
      .where(and(eq(obligations.id, id), scope))
      .for('update');
    if (!row) throw notFound('义务不存在或无权查看', 'OBLIGATION_NOT_FOUND');
    const authorityOrgs = actor.assignments
      .filter((a) => (AUTHORITY_ROLES as readonly string[]).includes(a.role))
      .map((a) => a.organisationId);
    if (authorityOrgs.length === 0) throw forbidden('只有主管部门可以处理义务', 'NOT_AUTHORITY');
    if (authorityOrgs.includes(row.holderOrganisationId)) {
      throw forbidden('不得处理本单位承担的义务', 'SELF_DECISION');
    }
    if (row.version !== version) {
      throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', { field: 'version' });
    }
    return row;
  }

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
      const { id } = req.params as { id: string };
      const body = req.body as { until: string; reason: string; version: number };
      const calendar = await loadCalendar(deps.db);
      // Read outside the transaction: PGlite has one connection, held by the transaction.
      const scope = await scopeCondition(deps, actorOf(req));
      await runCommand(
        deps,
        commandContext(req),
        {
          action: 'obligation.extend',
          objectType: 'obligation',
          objectId: id,
          details: { until: body.until },
        },
        async (tx) => {
          await decidable(tx, req, scope, id, body.version);
          await extendObligation(tx, { calendar, now: deps.clock.now() }, id, body);
        },
      );
      const [row] = await listRows(deps.db, eq(obligations.id, id), 1, 0);
      return presentObligation(row, today(), calendar);
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
      const { id } = req.params as { id: string };
      const body = req.body as { reason: string; version: number };
      const calendar = await loadCalendar(deps.db);
      // Read outside the transaction: PGlite has one connection, held by the transaction.
      const scope = await scopeCondition(deps, actorOf(req));
      await runCommand(
        deps,
        commandContext(req),
        { action: 'obligation.waive', objectType: 'obligation', objectId: id },
        async (tx) => {
          await decidable(tx, req, scope, id, body.version);
          await waiveObligation(tx, { calendar, now: deps.clock.now() }, id, {
            reason: body.reason,
            by: actorOf(req).userId,
          });
        },
      );
      const [row] = await listRows(deps.db, eq(obligations.id, id), 1, 0);
      return presentObligation(row, today(), calendar);
    },
  );
}
