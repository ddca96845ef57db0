/**
 * SC-27 daily monitoring and XZ-30 industry clouds, read in the catalog's scope. Which jurisdictions
 * flag a missing day or an unplanned industry cloud is rulebook data: the jurisdictions of the
 * visible systems are read first (one statement), then visibility, the rule, filters, paging and
 * counts are one SQL condition.
 */
import { and, asc, count, desc, eq, gte, inArray, ne, notExists, type SQL, sql } from 'drizzle-orm';
import { formatIsoDate, parseIsoDate } from '../../calendar/index.ts';
import { type Caller, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { users } from '../../identity/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { derivedFromCode } from '../../rulebooks/index.ts';
import { missingMonitoringDays, type OperationsRules, operationsRulesFor } from '../../rules/index.ts';
import { opsIndustryClouds, opsMonitoringEntries } from '../tables/index.ts';
import { loadSystem } from './context.ts';

const DEFAULT_LOOKBACK_DAYS = 30;

/** The visible jurisdictions whose rulebook has `pick` (one statement). */
async function jurisdictionsWith(
  q: Queryable,
  caller: Caller,
  pick: (rules: OperationsRules) => unknown,
): Promise<{ id: string; rules: OperationsRules }[]> {
  const rows = await q
    .selectDistinct({
      id: jurisdictions.id,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(informationSystems)
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationSystems.jurisdictionId))
    .where(
      visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
    );
  return rows.flatMap((r) => {
    const rules = operationsRulesFor(r.rulebookCode, r.derivedFrom);
    return rules && pick(rules) ? [{ id: r.id, rules }] : [];
  });
}

/** One system's monitoring entries in the look-back window and the days missing from it. */
export async function systemMonitoring(q: Queryable, caller: Caller, systemId: string) {
  const system = await loadSystem(q, caller, systemId, 'read');
  const monitoring = system.rules?.dailyMonitoring ?? null;
  const today = chinaDate(caller.now);
  const lookback = monitoring?.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const from = formatIsoDate(parseIsoDate(today) - lookback);
  const [listed] = await q
    .select({ createdAt: informationSystems.createdAt })
    .from(informationSystems)
    .where(eq(informationSystems.id, system.id));
  const entries = await q
    .select({
      id: opsMonitoringEntries.id,
      monitoredOn: opsMonitoringEntries.monitoredOn,
      status: opsMonitoringEntries.status,
      resourceCode: opsMonitoringEntries.resourceCode,
      finding: opsMonitoringEntries.finding,
      handler: opsMonitoringEntries.handler,
      recordedByName: users.displayName,
      recordedAt: opsMonitoringEntries.recordedAt,
    })
    .from(opsMonitoringEntries)
    .innerJoin(users, eq(users.id, opsMonitoringEntries.recordedBy))
    .where(and(eq(opsMonitoringEntries.systemId, system.id), gte(opsMonitoringEntries.monitoredOn, from)))
    .orderBy(desc(opsMonitoringEntries.monitoredOn));
  const missingDays = system.rules
    ? missingMonitoringDays(
        system.rules,
        { status: system.status, since: chinaDate(listed.createdAt) },
        today,
        entries.map((e) => e.monitoredOn),
      )
    : [];
  return {
    systemId: system.id,
    systemName: system.name,
    status: system.status,
    required: monitoring !== null,
    articles: monitoring?.articles ?? [],
    wording: monitoring?.wording ?? null,
    lookbackDays: lookback,
    entries: entries.map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString() })),
    missingDays,
  };
}

/**
 * Running systems that must be monitored daily and have no entry for `date` (default yesterday):
 * the authority's and the department's list of missing days.
 */
export async function monitoringGaps(
  q: Queryable,
  caller: Caller,
  filter: { date?: string; limit: number; offset: number },
) {
  const date = filter.date ?? formatIsoDate(parseIsoDate(chinaDate(caller.now)) - 1);
  const required = await jurisdictionsWith(q, caller, (r) => r.dailyMonitoring);
  const empty = { date, items: [], total: 0, limit: filter.limit, offset: filter.offset };
  if (required.length === 0) return empty;
  const where = and(
    visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
    eq(informationSystems.status, 'in_operation'),
    inArray(
      informationSystems.jurisdictionId,
      required.map((j) => j.id),
    ),
    sql`(${informationSystems.createdAt} at time zone 'Asia/Shanghai')::date <= ${date}::date`,
    notExists(
      q
        .select({ one: sql`1` })
        .from(opsMonitoringEntries)
        .where(
          and(
            eq(opsMonitoringEntries.systemId, informationSystems.id),
            eq(opsMonitoringEntries.monitoredOn, date),
          ),
        ),
    ),
  ) as SQL;
  const [{ total }] = await q.select({ total: count() }).from(informationSystems).where(where);
  const rows = await q
    .select({
      id: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
      jurisdictionId: informationSystems.jurisdictionId,
      organisationId: informationSystems.ownerOrganisationId,
      organisationName: organisations.name,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .where(where)
    .orderBy(asc(informationSystems.code))
    .limit(filter.limit)
    .offset(filter.offset);
  const articleOf = new Map(required.map((j) => [j.id, j.rules.dailyMonitoring?.articles ?? []]));
  return {
    date,
    items: rows.map(({ jurisdictionId, ...r }) => ({ ...r, articles: articleOf.get(jurisdictionId) ?? [] })),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}

/**
 * XZ-30 industry clouds: recorded plans, and the running systems on an industry-cloud deployment in a
 * jurisdiction whose rulebook requires bringing them under the city cloud with no plan yet.
 */
export async function industryClouds(
  q: Queryable,
  caller: Caller,
  filter: { limit: number; offset: number },
) {
  const today = chinaDate(caller.now);
  const required = await jurisdictionsWith(q, caller, (r) => r.industryClouds);
  const unplanned: SQL[] = required.map(
    (j) =>
      sql`(${informationSystems.jurisdictionId} = ${j.id} and ${informationSystems.deployment} in (${sql.join(
        (j.rules.industryClouds?.deployments ?? []).map((d) => sql`${d}`),
        sql`, `,
      )}))`,
  );
  const where = and(
    visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
    ne(informationSystems.status, 'retired'),
    sql`(${opsIndustryClouds.id} is not null${unplanned.length ? sql` or ${sql.join(unplanned, sql` or `)}` : sql``})`,
  ) as SQL;
  const base = () =>
    q
      .select({ total: count() })
      .from(informationSystems)
      .leftJoin(opsIndustryClouds, eq(opsIndustryClouds.systemId, informationSystems.id))
      .where(where);
  const [{ total }] = await base();
  const rows = await q
    .select({
      systemId: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
      deployment: informationSystems.deployment,
      jurisdictionId: informationSystems.jurisdictionId,
      organisationId: informationSystems.ownerOrganisationId,
      organisationName: organisations.name,
      id: opsIndustryClouds.id,
      cloudName: opsIndustryClouds.cloudName,
      operatorName: opsIndustryClouds.operatorName,
      state: opsIndustryClouds.state,
      plannedBy: opsIndustryClouds.plannedBy,
      completedOn: opsIndustryClouds.completedOn,
      note: opsIndustryClouds.note,
      version: opsIndustryClouds.version,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .leftJoin(opsIndustryClouds, eq(opsIndustryClouds.systemId, informationSystems.id))
    .where(where)
    .orderBy(asc(informationSystems.code))
    .limit(filter.limit)
    .offset(filter.offset);
  const rulesOf = new Map(required.map((j) => [j.id, j.rules.industryClouds]));
  const items = rows.map(({ jurisdictionId, ...r }) => {
    const rule = rulesOf.get(jurisdictionId) ?? null;
    return {
      ...r,
      required: rule !== null,
      articles: rule?.articles ?? [],
      unplanned: r.id === null,
      overdue: r.state !== null && r.state !== 'brought_under' && r.plannedBy !== null && r.plannedBy < today,
    };
  });
  return { items, total, limit: filter.limit, offset: filter.offset };
}
