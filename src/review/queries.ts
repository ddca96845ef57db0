/**
 * Reads of the review routes in SQL: user names, the department's latest assessment (部门考核) before
 * a year, the expert library and its candidates, and the assessments of a set of departments.
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { organisations, roleAssignments, users } from '../db/schema.ts';
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

/** Every expert profile (专家库) with the expert's name and user name. */
export async function expertProfileRows(db: Queryable) {
  return db
    .select({
      userId: expertProfiles.userId,
      name: users.displayName,
      username: users.username,
      fields: expertProfiles.fields,
      employerOrganisationId: expertProfiles.employerOrganisationId,
      title: expertProfiles.title,
      jurisdictionId: expertProfiles.jurisdictionId,
    })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId));
}

/** Users holding the expert or third-party evaluator role, with the jurisdiction of the role. */
export async function expertCandidates(db: Queryable) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      username: users.username,
      role: roleAssignments.role,
      jurisdictionId: organisations.jurisdictionId,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(inArray(roleAssignments.role, ['expert', 'third_party_evaluator']));
}

/** The assessments of the given departments, newest year first; one year only when given. */
export async function assessmentsOf(db: Queryable, organisationIds: readonly string[], year?: number) {
  return db
    .select()
    .from(departmentAssessments)
    .where(
      and(
        inArray(departmentAssessments.organisationId, [...organisationIds]),
        year ? eq(departmentAssessments.year, year) : undefined,
      ),
    )
    .orderBy(desc(departmentAssessments.year));
}
