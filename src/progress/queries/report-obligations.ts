/** The progress-report obligations of a project, for the progress page's period list. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { obligations } from '../../obligations/index.ts';
import type { Queryable } from '../../platform/db/client.ts';

/** Report obligations of the project (period → state, due date), for the page's period list. */
export async function reportObligations(q: Queryable, projectId: string) {
  return q
    .select({
      period: obligations.ref,
      state: obligations.state,
      dueDate: obligations.dueDate,
      late: obligations.late,
    })
    .from(obligations)
    .where(and(eq(obligations.projectId, projectId), inArray(obligations.kind, ['progress_report'])))
    .orderBy(asc(obligations.ref));
}
