/** A project's stored submissions (申报快照) (read). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { projectSubmissions } from '../tables.ts';

/** The project's stored submissions (申报快照), in order; only the given sequence numbers when named. */
export async function submissionsOf(db: Queryable, projectId: string, seqs?: readonly number[]) {
  return db
    .select()
    .from(projectSubmissions)
    .where(
      and(
        eq(projectSubmissions.projectId, projectId),
        seqs ? inArray(projectSubmissions.seq, [...seqs]) : undefined,
      ),
    )
    .orderBy(asc(projectSubmissions.seq));
}
