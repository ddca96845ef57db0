/**
 * The cockpit's figures from the other modules (issue 17): money disbursed by year (src/funds),
 * overdue obligations by kind and department (src/obligations), the departments' yearly grades
 * (department_assessments) and open security incidents (src/operations). Each is one SQL aggregate
 * inside the scope the caller already has in that module, and each item carries `drill`: the list
 * behind it, filtered like the figure.
 */
import { and, count, desc, eq, inArray, lte, sql, sum } from 'drizzle-orm';
import { callerOf } from '../../catalog/index.ts';
import { disbursements } from '../../funds/index.ts';
import { obligations, overdueSql, scopeOf } from '../../obligations/index.ts';
import { incidentsVisible, opsIncidents } from '../../operations/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { fenToYuan } from '../../platform/documents/format.ts';
import {
  ASSESSMENT_GRADES,
  jurisdictionSubtree,
  labelOf,
  loadDirectory,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { departmentAssessments } from '../../review/index.ts';

const url = (path: string, filters: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
};

export const drills = {
  /** The approved disbursements of that budget year (the web page lists `GET /api/funds/disbursements?status=approved&year=…`). */
  disbursed: (year: number) => url('/projects/cockpit/disbursed', { year: String(year) }),
  overdue: (kind: string, holderOrganisationId: string) =>
    url('/projects/supervision', { overdue: '1', kind, holderOrganisationId }),
  grade: (organisationId: string) => url('/projects/list', { organisationId }),
  incidents: (organisationId?: string) => url('/operations/incidents', { status: 'open', organisationId }),
};

export async function disbursedByYear(db: Queryable, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({ year: disbursements.year, fen: sum(disbursements.amountFen), n: count() })
    .from(disbursements)
    .where(and(inArray(disbursements.projectId, projectIds), eq(disbursements.status, 'approved')))
    .groupBy(disbursements.year)
    .orderBy(disbursements.year);
  return rows.map((r) => ({
    year: r.year,
    disbursed: fenToYuan(BigInt(r.fen ?? 0)),
    count: r.n,
    drill: drills.disbursed(r.year),
  }));
}

export async function overdueObligations(
  db: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  projectIds: readonly string[],
) {
  const scope = await scopeOf(db, actor, projectIds);
  const rows = await db
    .select({
      kind: obligations.kind,
      title: sql<string>`min(${obligations.title})`,
      organisationId: obligations.holderOrganisationId,
      organisationName: organisations.name,
      n: count(),
    })
    .from(obligations)
    .innerJoin(organisations, eq(organisations.id, obligations.holderOrganisationId))
    .where(and(scope, overdueSql(env.today)))
    .groupBy(obligations.kind, obligations.holderOrganisationId, organisations.name)
    .orderBy(desc(count()), obligations.kind, organisations.name, obligations.holderOrganisationId);
  const names = new Map<string, string>();
  for (const summary of env.catalog.registry.list())
    for (const d of env.catalog.registry.get(summary.id, summary.version).deadlines) names.set(d.id, d.name);
  return rows.map((r) => ({
    kind: r.kind,
    kindName: names.get(r.kind) ?? r.title,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    count: r.n,
    drill: drills.overdue(r.kind, r.organisationId),
  }));
}

export async function departmentGrades(db: Queryable, env: WorkflowEnv, actor: Actor) {
  const directory = await loadDirectory(db);
  const jurisdictions = new Set(
    actor.assignments.flatMap((a) => jurisdictionSubtree(directory, a.jurisdictionId)),
  );
  const orgIds = directory.organisations.filter((o) => jurisdictions.has(o.jurisdictionId)).map((o) => o.id);
  if (orgIds.length === 0) return [];
  const year = Number(env.today.slice(0, 4));
  // The latest assessment per department (one statement: distinct on).
  const rows = await db
    .selectDistinctOn([departmentAssessments.organisationId], {
      organisationId: departmentAssessments.organisationId,
      organisationName: organisations.name,
      year: departmentAssessments.year,
      score: departmentAssessments.score,
      grade: departmentAssessments.grade,
    })
    .from(departmentAssessments)
    .innerJoin(organisations, eq(organisations.id, departmentAssessments.organisationId))
    .where(and(inArray(departmentAssessments.organisationId, orgIds), lte(departmentAssessments.year, year)))
    .orderBy(departmentAssessments.organisationId, desc(departmentAssessments.year));
  return rows
    .map((r) => ({
      ...r,
      gradeName: labelOf(ASSESSMENT_GRADES, r.grade),
      drill: drills.grade(r.organisationId),
    }))
    .sort((a, b) => b.score - a.score || a.organisationName.localeCompare(b.organisationName, 'zh'));
}

export async function openIncidents(db: Queryable, actor: Actor, now: Date) {
  const where = incidentsVisible(callerOf(actor, now), { status: 'open' });
  const rows = await db
    .select({ organisationId: opsIncidents.organisationId, organisationName: organisations.name, n: count() })
    .from(opsIncidents)
    .innerJoin(organisations, eq(organisations.id, opsIncidents.organisationId))
    .where(where)
    .groupBy(opsIncidents.organisationId, organisations.name)
    .orderBy(desc(count()), organisations.name, opsIncidents.organisationId);
  return {
    total: rows.reduce((n, r) => n + r.n, 0),
    drill: drills.incidents(),
    byDepartment: rows.map((r) => ({
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      count: r.n,
      drill: drills.incidents(r.organisationId),
    })),
  };
}
