/**
 * The stored checks of a project, newest submission first, with their hits and who acknowledged
 * them: three statements whatever the number of checks.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { presentStoredHit } from '../presenter.ts';
import { dedupChecks, dedupHits } from '../tables.ts';

export async function projectChecks(q: Queryable, projectId: string) {
  const checks = await q
    .select()
    .from(dedupChecks)
    .where(eq(dedupChecks.projectId, projectId))
    .orderBy(desc(dedupChecks.submissionSeq));
  const hits =
    checks.length === 0
      ? []
      : await q
          .select()
          .from(dedupHits)
          .where(
            inArray(
              dedupHits.checkId,
              checks.map((c) => c.id),
            ),
          )
          .orderBy(dedupHits.rank);
  const ackIds = [...new Set(hits.flatMap((h) => (h.acknowledgedBy ? [h.acknowledgedBy] : [])))];
  const names =
    ackIds.length === 0
      ? []
      : await q
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ackIds));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return checks.map((c) => ({
    id: c.id,
    submissionSeq: c.submissionSeq,
    checkedAt: c.checkedAt.toISOString(),
    input: c.input,
    highCount: c.highCount,
    partialCount: c.partialCount,
    hits: hits
      .filter((h) => h.checkId === c.id)
      .map((h) => presentStoredHit(h, h.acknowledgedBy ? (nameOf.get(h.acknowledgedBy) ?? null) : null)),
  }));
}

/** The hits of the latest check of a project (the one the review concludes on). */
export async function latestHits(q: Queryable, projectId: string) {
  const [latest] = await q
    .select({ id: dedupChecks.id })
    .from(dedupChecks)
    .where(eq(dedupChecks.projectId, projectId))
    .orderBy(desc(dedupChecks.submissionSeq))
    .limit(1);
  if (!latest) return [];
  return q.select().from(dedupHits).where(eq(dedupHits.checkId, latest.id)).orderBy(dedupHits.rank);
}
