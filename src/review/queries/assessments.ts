/**
 * The departments' yearly assessments (部门考核): the query string of GET /api/department-assessments
 * (issue 11: out-of-range paging is a 400 at its field, never clamped), one page of them in SQL, and
 * the latest one before a year that the reviewer sees (DT-31).
 */
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import Type from 'typebox';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { organisations } from '../../platform/db/core.ts';
import { pagingQuery, strict, Uuid } from '../../platform/http/schemas.ts';
import { departmentAssessments } from '../tables.ts';

/** GET /api/department-assessments: one page (limit 1–100, default 25). */
export const AssessmentListQuery = Type.Object(
  {
    organisationId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    q: Type.Optional(Type.String({ maxLength: 50, description: '部门名称包含' })),
    ...pagingQuery({ max: 100, defaultLimit: 25 }),
  },
  strict,
);

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
