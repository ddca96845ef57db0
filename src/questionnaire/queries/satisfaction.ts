/** A system's yearly satisfaction score and the systems' rating distribution, for the evaluation (read). */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { scoreFromMean } from '../model.ts';
import { questionnaireAnswers, questionnaires } from '../tables.ts';

/**
 * The satisfaction score of an operating system for a year (0–100, one decimal), from every rating
 * answer of its questionnaires of that year: (mean rating − 1) ÷ 4 × 100; null when there is none.
 * Used by the efficacy evaluation (DT-30, SC-24, XZ-26). No visibility check: the caller decides.
 */
export async function satisfactionScore(
  db: Queryable,
  systemId: string,
  year: number,
): Promise<number | null> {
  const [row] = await db
    .select({ mean: sql<string | null>`avg(${questionnaireAnswers.rating})` })
    .from(questionnaireAnswers)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireAnswers.questionnaireId))
    .where(
      and(
        eq(questionnaires.systemId, systemId),
        eq(questionnaires.year, year),
        isNotNull(questionnaireAnswers.rating),
      ),
    );
  return scoreFromMean(row?.mean == null ? null : Number(row.mean));
}

/**
 * How the public rated the systems in `year`: counts of rating answers 1–5 (index 0 = 1 分) over
 * every questionnaire of those systems (the satisfaction distribution charted in the reports).
 */
export async function ratingDistribution(
  db: Queryable,
  systemIds: readonly string[],
  year: number,
): Promise<number[]> {
  const counts = [0, 0, 0, 0, 0];
  if (systemIds.length === 0) return counts;
  const rows = await db
    .select({ rating: questionnaireAnswers.rating, n: sql<number>`count(*)::int` })
    .from(questionnaireAnswers)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireAnswers.questionnaireId))
    .where(
      and(
        inArray(questionnaires.systemId, [...systemIds]),
        eq(questionnaires.year, year),
        isNotNull(questionnaireAnswers.rating),
      ),
    )
    .groupBy(questionnaireAnswers.rating);
  for (const r of rows)
    if (r.rating !== null && r.rating >= 1 && r.rating <= 5) counts[r.rating - 1] = Number(r.n);
  return counts;
}
