/** The published results of the evaluation year (public page, served by src/publication). */

import { and, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { departmentAssessments } from '../../review/index.ts';
import { GRADE_LABELS, type Grade } from '../../rules/index.ts';
import { evalRounds } from '../tables.ts';

/** DT-07 一公示: every published round with its departments' results; no account needed. */
export async function publicResults(q: Queryable, page: { limit: number; offset: number }) {
  const rounds = await q
    .select({
      id: evalRounds.id,
      year: evalRounds.year,
      jurisdictionId: evalRounds.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      publishedAt: evalRounds.publishedAt,
    })
    .from(evalRounds)
    .innerJoin(jurisdictions, eq(jurisdictions.id, evalRounds.jurisdictionId))
    .where(isNotNull(evalRounds.publishedAt))
    .orderBy(desc(evalRounds.publishedAt), desc(evalRounds.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ total }] = await q
    .select({ total: sql<number>`count(*)::int` })
    .from(evalRounds)
    .where(isNotNull(evalRounds.publishedAt));
  if (rounds.length === 0) return { total, items: [] };
  const rows = await q
    .select({
      jurisdictionId: organisations.jurisdictionId,
      year: departmentAssessments.year,
      organisationName: organisations.name,
      score: departmentAssessments.score,
      grade: departmentAssessments.grade,
    })
    .from(departmentAssessments)
    .innerJoin(organisations, eq(organisations.id, departmentAssessments.organisationId))
    .where(
      or(
        ...rounds.map((r) =>
          and(eq(organisations.jurisdictionId, r.jurisdictionId), eq(departmentAssessments.year, r.year)),
        ),
      ),
    )
    .orderBy(desc(departmentAssessments.score), organisations.name);
  return {
    total,
    items: rounds.map((r) => ({
      id: r.id,
      year: r.year,
      jurisdictionName: r.jurisdictionName,
      publishedAt: r.publishedAt?.toISOString() ?? '',
      departments: rows
        .filter((d) => d.jurisdictionId === r.jurisdictionId && d.year === r.year)
        .map((d) => ({
          organisationName: d.organisationName,
          score: d.score,
          grade: d.grade,
          gradeName: GRADE_LABELS[d.grade as Grade] ?? d.grade,
        })),
    })),
  };
}
