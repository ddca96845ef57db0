/** A questionnaire's results, aggregated in SQL: counts per option, rating means, latest texts (read). */
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { questionsOf } from '../commands/support.ts';
import { type QuestionDef, scoreFromMean } from '../model.ts';
import { questionnaireAnswers, questionnaireResponses } from '../tables.ts';
import { visibleSummary } from './support.ts';

export interface QuestionResult extends QuestionDef {
  /** Respondents who answered this question. */
  answered: number;
  /** Per option (choice kinds) or per score 1–5 (rating). */
  counts: number[];
  /** Mean rating (rating kind), two decimals. */
  average: number | null;
  /** The latest free-text answers (text kind), at most 20. */
  texts: string[];
}

export interface QuestionnaireResults {
  id: string;
  title: string;
  responses: number;
  /** Satisfaction score of this questionnaire's ratings (0–100). */
  satisfaction: number | null;
  byDay: { day: string; responses: number }[];
  questions: QuestionResult[];
}

export async function questionnaireResults(
  db: Queryable,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<QuestionnaireResults> {
  const summary = await visibleSummary(db, actor, id, now);
  const a = questionnaireAnswers;
  const [questions, valueCounts, perQuestion, texts, byDay, [overall]] = await Promise.all([
    questionsOf(db, id),
    // Per option / per rating value.
    db
      .select({
        questionId: a.questionId,
        value: sql<number>`coalesce(${a.optionIndex}, ${a.rating})`,
        n: count(),
      })
      .from(a)
      .where(and(eq(a.questionnaireId, id), sql`coalesce(${a.optionIndex}, ${a.rating}) is not null`))
      .groupBy(a.questionId, sql`coalesce(${a.optionIndex}, ${a.rating})`),
    // Respondents and mean rating per question.
    db
      .select({
        questionId: a.questionId,
        answered: sql<number>`count(distinct ${a.responseId})::int`,
        average: sql<string | null>`round(avg(${a.rating})::numeric, 2)`,
      })
      .from(a)
      .where(eq(a.questionnaireId, id))
      .groupBy(a.questionId),
    // The latest 20 texts per question.
    db
      .select({ questionId: sql<string>`t.question_id`, text: sql<string>`t.text_value` })
      .from(
        sql`(select ${a.questionId} as question_id, ${a.textValue} as text_value,
               row_number() over (partition by ${a.questionId} order by ${a.id} desc) as n
             from ${a} where ${a.questionnaireId} = ${id} and ${a.textValue} is not null) t`,
      )
      .where(sql`t.n <= 20`)
      .orderBy(sql`t.question_id`, sql`t.n`),
    db
      .select({ day: questionnaireResponses.answeredOn, responses: count() })
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.questionnaireId, id))
      .groupBy(questionnaireResponses.answeredOn)
      .orderBy(asc(questionnaireResponses.answeredOn)),
    db
      .select({ mean: sql<string | null>`avg(${a.rating})` })
      .from(a)
      .where(and(eq(a.questionnaireId, id), isNotNull(a.rating))),
  ]);
  return {
    id,
    title: summary.title,
    responses: summary.responses,
    satisfaction: scoreFromMean(overall.mean === null ? null : Number(overall.mean)),
    byDay: byDay.map((d) => ({ day: d.day, responses: Number(d.responses) })),
    questions: questions.map((q) => {
      const stats = perQuestion.find((p) => p.questionId === q.id);
      const size = q.kind === 'rating' ? 5 : q.options.length;
      const counts = Array.from({ length: size }, () => 0);
      for (const v of valueCounts) {
        if (v.questionId !== q.id) continue;
        const index = q.kind === 'rating' ? Number(v.value) - 1 : Number(v.value);
        if (index >= 0 && index < size) counts[index] = Number(v.n);
      }
      return {
        ...q,
        answered: Number(stats?.answered ?? 0),
        counts: q.kind === 'text' ? [] : counts,
        average: q.kind === 'rating' && stats?.average != null ? Number(stats.average) : null,
        texts: texts.filter((t) => t.questionId === q.id).map((t) => t.text),
      };
    }),
  };
}
