/**
 * Reads of the review routes in SQL: user names, the department's latest assessment (部门考核) before
 * a year, the expert library and its candidates, and the assessments of a set of departments.
 */
import { and, asc, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { roleAssignments, users } from '../identity/index.ts';
import type { Queryable } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { organisations } from '../platform/db/core.ts';
import { departmentAssessments, expertProfiles } from './tables.ts';

/** Display names of the given users (unknown ids are left out). */
export async function usersByIds(db: Queryable, ids: readonly string[]) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

/** The department's latest assessment of a year before `year`, if any. */
export async function latestAssessmentBefore(db: Queryable, organisationId: string, year: number) {
  const [row] = await db
    .select()
    .from(departmentAssessments)
    .where(
      and(eq(departmentAssessments.organisationId, organisationId), lt(departmentAssessments.year, year)),
    )
    .orderBy(desc(departmentAssessments.year))
    .limit(1);
  return row;
}

export interface ExpertFilters {
  q?: string;
  field?: string;
  sort?: 'name' | '-name';
  limit?: number;
  offset?: number;
}

const EXPERT_COLUMNS = {
  userId: expertProfiles.userId,
  name: users.displayName,
  username: users.username,
  fields: expertProfiles.fields,
  employerOrganisationId: expertProfiles.employerOrganisationId,
  title: expertProfiles.title,
  jurisdictionId: expertProfiles.jurisdictionId,
};

/** The library of the given jurisdictions filtered by name (q) and field, as one predicate. */
function expertWhere(jurisdictionIds: readonly string[], f: ExpertFilters): SQL | undefined {
  const needle = f.q?.trim();
  return and(
    inArray(expertProfiles.jurisdictionId, [...jurisdictionIds]),
    needle ? sql`strpos(${users.displayName}, ${needle}) > 0` : undefined,
    f.field ? sql`${expertProfiles.fields} @> ${JSON.stringify([f.field])}::jsonb` : undefined,
  );
}

/**
 * The expert profiles (专家库) of the given jurisdictions with the expert's name and user name, by
 * name: all of them without `limit`, else one page and the total (filters, order, page in SQL).
 */
export async function expertProfileRows(
  db: Queryable,
  jurisdictionIds: readonly string[],
  f: ExpertFilters = {},
) {
  const where = expertWhere(jurisdictionIds, f);
  const order =
    f.sort === '-name'
      ? [desc(users.displayName), desc(expertProfiles.userId)]
      : [asc(users.displayName), asc(expertProfiles.userId)];
  const select = () =>
    db.select(EXPERT_COLUMNS).from(expertProfiles).innerJoin(users, eq(users.id, expertProfiles.userId));
  if (f.limit === undefined) {
    const rows = await select()
      .where(where)
      .orderBy(...order);
    return { rows, total: rows.length };
  }
  const [rows, [counted]] = await readAll(db, [
    select()
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset ?? 0),
    db
      .select({ total: count() })
      .from(expertProfiles)
      .innerJoin(users, eq(users.id, expertProfiles.userId))
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** Users holding the expert or third-party evaluator role in the given jurisdictions. */
export async function expertCandidates(db: Queryable, jurisdictionIds: readonly string[]) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      username: users.username,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(
      and(
        inArray(roleAssignments.role, ['expert', 'third_party_evaluator']),
        inArray(organisations.jurisdictionId, [...jurisdictionIds]),
      ),
    )
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
}

export interface AssessmentFilters {
  q?: string;
  year?: number;
  limit?: number;
  offset?: number;
}

/**
 * One page of the assessments of the given departments, newest year first, filtered by the
 * department's name (q) and year, with the total (filters, order, page and count in SQL).
 */
export async function assessmentsOf(db: Queryable, organisationIds: readonly string[], f: AssessmentFilters) {
  const needle = f.q?.trim();
  const where = and(
    inArray(departmentAssessments.organisationId, [...organisationIds]),
    f.year ? eq(departmentAssessments.year, f.year) : undefined,
    needle ? sql`strpos(${organisations.name}, ${needle}) > 0` : undefined,
  );
  const limit = f.limit ?? 25;
  const offset = f.offset ?? 0;
  const [rows, [counted]] = await readAll(db, [
    db
      .select({
        id: departmentAssessments.id,
        organisationId: departmentAssessments.organisationId,
        organisationName: organisations.name,
        year: departmentAssessments.year,
        score: departmentAssessments.score,
        grade: departmentAssessments.grade,
        summary: departmentAssessments.summary,
      })
      .from(departmentAssessments)
      .innerJoin(organisations, eq(organisations.id, departmentAssessments.organisationId))
      .where(where)
      .orderBy(desc(departmentAssessments.year), asc(organisations.name), asc(departmentAssessments.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(departmentAssessments)
      .innerJoin(organisations, eq(organisations.id, departmentAssessments.organisationId))
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0, limit, offset };
}
