/** A department's results of a round (the department report's data). */

import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { departmentAssessments } from '../../review/index.ts';
import { GRADE_LABELS, type Grade } from '../../rules/index.ts';

/** The departments' rolled-up results of a year (department_assessments), best first. */
export async function departmentResults(
  q: Queryable,
  jurisdictionId: string,
  year: number,
  visible: (column: unknown) => SQL | undefined = () => undefined,
) {
  const rows = await q
    .select({
      organisationId: departmentAssessments.organisationId,
      organisationName: organisations.name,
      score: departmentAssessments.score,
      grade: departmentAssessments.grade,
      summary: departmentAssessments.summary,
    })
    .from(departmentAssessments)
    .innerJoin(organisations, eq(organisations.id, departmentAssessments.organisationId))
    .where(
      and(
        eq(organisations.jurisdictionId, jurisdictionId),
        eq(departmentAssessments.year, year),
        visible(departmentAssessments.organisationId),
      ),
    )
    .orderBy(desc(departmentAssessments.score), organisations.name);
  return rows.map((r) => ({ ...r, gradeName: GRADE_LABELS[r.grade as Grade] ?? r.grade }));
}
