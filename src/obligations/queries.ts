/**
 * Obligation reads in SQL: the caller's scope as one condition, the filters, the list rows with
 * project and holder names, the supervision board, and the presentation of one row.
 */
import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { AUTHORITY } from '../access/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { CommandDeps } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Queryable } from '../platform/db/client.ts';
import { organisations } from '../platform/db/core.ts';
import {
  jurisdictionSubtree,
  loadDirectory,
  loadWorkflowEnv,
  projects,
  visibleProjectIds,
} from '../projects/index.ts';
import { dueStatus, type ObligationRow } from './engine.ts';
import { obligations } from './tables.ts';

export type ListFilters = {
  projectId?: string;
  systemId?: string;
  holderOrganisationId?: string;
  kind?: string;
  state?: string;
  overdue?: boolean;
};

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
        .filter((a) => (AUTHORITY as readonly string[]).includes(a.role))
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

export function filterConditions(f: ListFilters, today: string): SQL[] {
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

export async function listRows(q: Queryable, where: SQL, limit: number, offset: number) {
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

export type ListRow = Awaited<ReturnType<typeof listRows>>[number];

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

type Deps = CommandDeps & { keyring: Keyring };

/** One page of the obligations in the caller's scope matching the filters, with the total. */
export async function listObligations(
  deps: Deps,
  actor: Actor,
  filters: ListFilters,
  today: string,
  page: { limit: number; offset: number },
) {
  const where = and(await scopeCondition(deps, actor), ...filterConditions(filters, today)) as SQL;
  const rows = await listRows(deps.db, where, page.limit, page.offset);
  const [total] = await deps.db.select({ n: count() }).from(obligations).where(where);
  const calendar = await loadCalendar(deps.db);
  return { items: rows.map((r) => presentObligation(r, today, calendar)), total: total?.n ?? 0 };
}

/** Every obligation in the caller's scope matching the filters (at most `max`), presented. */
export async function exportObligations(
  deps: Deps,
  actor: Actor,
  filters: ListFilters,
  today: string,
  max: number,
) {
  const where = and(await scopeCondition(deps, actor), ...filterConditions(filters, today)) as SQL;
  const rows = await listRows(deps.db, where, max, 0);
  const calendar = await loadCalendar(deps.db);
  return rows.map((r) => presentObligation(r, today, calendar));
}

/** One obligation, presented (after a decision). */
export async function obligationView(db: Queryable, id: string, today: string) {
  const calendar = await loadCalendar(db);
  const [row] = await listRows(db, eq(obligations.id, id), 1, 0);
  return presentObligation(row, today, calendar);
}

/** The supervision board: live, overdue, met (late) and waived by holder and kind. */
export async function obligationBoard(deps: Deps, actor: Actor, filters: ListFilters, today: string) {
  const where = and(await scopeCondition(deps, actor), ...filterConditions(filters, today)) as SQL;
  const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
  const rows = await deps.db
    .select({
      holderOrganisationId: obligations.holderOrganisationId,
      holderName: organisations.name,
      kind: obligations.kind,
      // The kind's name, not one holder's item: titles read '<object>：<kind>（第N级）' where an
      // obligation belongs to a system or plan, so the object and the level are cut off.
      title: sql<string>`min(regexp_replace(regexp_replace(${obligations.title}, '^.*：', ''), '（第[0-9一二三四五]级）$', ''))`,
      live: n(sql`${obligations.state} in ('open', 'extended', 'overdue')`),
      overdue: n(overdueSql(today)),
      met: n(sql`${obligations.state} = 'met'`),
      metLate: n(sql`${obligations.state} = 'met' and ${obligations.late}`),
      waived: n(sql`${obligations.state} = 'waived'`),
    })
    .from(obligations)
    .innerJoin(organisations, eq(organisations.id, obligations.holderOrganisationId))
    .where(where)
    .groupBy(obligations.holderOrganisationId, organisations.name, obligations.kind)
    .orderBy(
      desc(sql`count(*) filter (where ${overdueSql(today)})`),
      organisations.name,
      obligations.kind,
      obligations.holderOrganisationId,
    );
  const totals = rows.reduce(
    (acc, r) => ({ live: acc.live + r.live, overdue: acc.overdue + r.overdue, met: acc.met + r.met }),
    { live: 0, overdue: 0, met: 0 },
  );
  return { rows, totals };
}
