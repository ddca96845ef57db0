/** Incidents the caller reads, with the reporting deadline of their class and what is missed. */
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Caller, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { notFound } from '../../platform/errors.ts';
import { type IncidentClass, reportingHours, reportMissed } from '../../rules/index.ts';
import { checkAccess } from '../policy.ts';
import { opsIncidentEntries, opsIncidentSystems, opsIncidents } from '../tables/index.ts';
import { rulesOfJurisdiction } from './context.ts';

const incidentColumns = {
  id: opsIncidents.id,
  jurisdictionId: opsIncidents.jurisdictionId,
  organisationId: opsIncidents.organisationId,
  organisationName: organisations.name,
  title: opsIncidents.title,
  description: opsIncidents.description,
  incidentClass: opsIncidents.incidentClass,
  criticalInfrastructure: opsIncidents.criticalInfrastructure,
  foundAt: opsIncidents.foundAt,
  reportDueAt: opsIncidents.reportDueAt,
  firstReportAt: opsIncidents.firstReportAt,
  cause: opsIncidents.cause,
  liableParty: opsIncidents.liableParty,
  liabilityArticle: opsIncidents.liabilityArticle,
  authorityFilingRequired: opsIncidents.authorityFilingRequired,
  authorityFilingArticle: opsIncidents.authorityFilingArticle,
  authorityFiledAt: opsIncidents.authorityFiledAt,
  status: opsIncidents.status,
  closedAt: opsIncidents.closedAt,
  recordedAt: opsIncidents.recordedAt,
  version: opsIncidents.version,
};

interface IncidentRow {
  id: string;
  jurisdictionId: string;
  organisationId: string;
  organisationName: string;
  title: string;
  description: string;
  incidentClass: string;
  criticalInfrastructure: boolean;
  foundAt: Date;
  reportDueAt: Date | null;
  firstReportAt: Date | null;
  cause: string | null;
  liableParty: string | null;
  liabilityArticle: string | null;
  authorityFilingRequired: boolean;
  authorityFilingArticle: string | null;
  authorityFiledAt: Date | null;
  status: string;
  closedAt: Date | null;
  recordedAt: Date;
  version: number;
}

/** Computed flags: the deadline of the class, whether it was missed, whether the DT-36 filing is outstanding. */
export function incidentFlags(
  row: Pick<
    IncidentRow,
    | 'incidentClass'
    | 'criticalInfrastructure'
    | 'reportDueAt'
    | 'firstReportAt'
    | 'authorityFilingRequired'
    | 'authorityFiledAt'
  >,
  now: Date,
) {
  return {
    reportingHours: reportingHours(row.incidentClass as IncidentClass, row.criticalInfrastructure),
    reportOverdue: reportMissed(row.reportDueAt, row.firstReportAt, now),
    authorityFilingMissing: row.authorityFilingRequired && row.authorityFiledAt === null,
  };
}

export interface IncidentFilter {
  status?: 'open' | 'closed';
  organisationId?: string;
  limit: number;
  offset: number;
}

export function incidentsVisible(
  caller: Caller,
  filter: Omit<IncidentFilter, 'limit' | 'offset'>,
): SQL | undefined {
  const parts: SQL[] = [visibleWhere(caller.scope, opsIncidents.organisationId, opsIncidents.jurisdictionId)];
  if (filter.status) parts.push(eq(opsIncidents.status, filter.status));
  if (filter.organisationId) parts.push(eq(opsIncidents.organisationId, filter.organisationId));
  return and(...parts);
}

async function systemsOf(q: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return q
    .select({
      incidentId: opsIncidentSystems.incidentId,
      id: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
    })
    .from(opsIncidentSystems)
    .innerJoin(informationSystems, eq(informationSystems.id, opsIncidentSystems.systemId))
    .where(inArray(opsIncidentSystems.incidentId, ids))
    .orderBy(asc(informationSystems.code));
}

function present(row: IncidentRow, systems: { id: string; code: string; name: string }[], now: Date) {
  const { jurisdictionId: _j, ...rest } = row;
  return { ...rest, systems, ...incidentFlags(row, now) };
}

export async function listIncidents(q: Queryable, caller: Caller, filter: IncidentFilter) {
  const where = incidentsVisible(caller, filter);
  const [{ total }] = await q.select({ total: count() }).from(opsIncidents).where(where);
  const rows = await q
    .select(incidentColumns)
    .from(opsIncidents)
    .innerJoin(organisations, eq(organisations.id, opsIncidents.organisationId))
    .where(where)
    .orderBy(desc(opsIncidents.foundAt), desc(opsIncidents.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const systems = await systemsOf(
    q,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) =>
      present(
        row,
        systems.filter((s) => s.incidentId === row.id).map(({ incidentId: _i, ...s }) => s),
        caller.now,
      ),
    ),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}

export async function incidentDetail(q: Queryable, caller: Caller, id: string) {
  const [row] = await q
    .select(incidentColumns)
    .from(opsIncidents)
    .innerJoin(organisations, eq(organisations.id, opsIncidents.organisationId))
    .where(eq(opsIncidents.id, id));
  if (!row) throw notFound('安全事件不存在或无权查看');
  checkAccess(caller, row, 'read');
  const systems = (await systemsOf(q, [id])).map(({ incidentId: _i, ...s }) => s);
  const entries = await q
    .select({
      id: opsIncidentEntries.id,
      seq: opsIncidentEntries.seq,
      kind: opsIncidentEntries.kind,
      at: opsIncidentEntries.at,
      text: opsIncidentEntries.text,
      recipient: opsIncidentEntries.recipient,
      correctsEntryId: opsIncidentEntries.correctsEntryId,
      recordedByName: users.displayName,
      recordedAt: opsIncidentEntries.recordedAt,
    })
    .from(opsIncidentEntries)
    .innerJoin(users, eq(users.id, opsIncidentEntries.recordedBy))
    .where(eq(opsIncidentEntries.incidentId, id))
    .orderBy(asc(opsIncidentEntries.seq));
  const rules = await rulesOfJurisdiction(q, row.jurisdictionId);
  return {
    incident: present(row, systems, caller.now),
    entries,
    reportTo: rules?.incident.reportTo ?? null,
    incidentArticles: rules?.incident.articles ?? [],
    authorityFilingWording: rules?.incident.authorityFiling?.wording ?? null,
  };
}
