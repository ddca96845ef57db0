/**
 * The questionnaire's reads. Visibility is in the query (the caller's authority jurisdictions);
 * aggregation is SQL (counts per option, rating distributions and means, the satisfaction score).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { informationSystems } from '../catalog/index.ts';
import type { Actor } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import type { Queryable } from '../platform/db/client.ts';
import { organisations } from '../platform/db/core.ts';
import { notFound } from '../platform/errors.ts';
import { authorityJurisdictions, questionsOf } from './commands/support.ts';
import { type Phase, phaseOf, type QuestionDef, scoreFromMean } from './model.ts';
import {
  type QuestionnaireStatus,
  questionnaireAnswers,
  questionnaireResponses,
  questionnaires,
} from './tables.ts';

const notVisible = () => notFound('问卷不存在或无权查看', 'QUESTIONNAIRE_NOT_FOUND');

const summaryColumns = {
  id: questionnaires.id,
  title: questionnaires.title,
  year: questionnaires.year,
  status: questionnaires.status,
  slug: questionnaires.slug,
  startsOn: questionnaires.startsOn,
  endsOn: questionnaires.endsOn,
  version: questionnaires.version,
  systemId: questionnaires.systemId,
  systemName: informationSystems.name,
  systemCode: informationSystems.code,
  organisationName: organisations.name,
  responses: sql<number>`(select count(*)::int from ${questionnaireResponses} r
    where r.questionnaire_id = ${questionnaires.id})`,
};

export interface QuestionnaireSummary {
  id: string;
  title: string;
  year: number;
  status: QuestionnaireStatus;
  phase: Phase;
  slug: string | null;
  startsOn: string | null;
  endsOn: string | null;
  version: number;
  systemId: string;
  systemName: string;
  systemCode: string;
  organisationName: string;
  responses: number;
}

type SummaryRow = Omit<QuestionnaireSummary, 'phase'>;
const withPhase = (r: SummaryRow, today: string): QuestionnaireSummary => ({
  ...r,
  responses: Number(r.responses),
  phase: phaseOf(r, today),
});

export async function listQuestionnaires(
  db: Queryable,
  actor: Actor | null,
  now: Date,
  filter: { systemId?: string; year?: number; limit: number; offset: number },
): Promise<{ total: number; items: QuestionnaireSummary[] }> {
  const scope = authorityJurisdictions(actor);
  if (scope.length === 0) return { total: 0, items: [] };
  const where: SQL[] = [inArray(questionnaires.jurisdictionId, scope)];
  if (filter.systemId) where.push(eq(questionnaires.systemId, filter.systemId));
  if (filter.year) where.push(eq(questionnaires.year, filter.year));
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(questionnaires)
      .innerJoin(informationSystems, eq(informationSystems.id, questionnaires.systemId))
      .innerJoin(organisations, eq(organisations.id, questionnaires.organisationId))
      .where(and(...where))
      .orderBy(desc(questionnaires.year), desc(questionnaires.createdAt), desc(questionnaires.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: count() })
      .from(questionnaires)
      .where(and(...where)),
  ]);
  const today = chinaDate(now);
  return { total: Number(total.n), items: rows.map((r) => withPhase(r, today)) };
}

async function visibleSummary(db: Queryable, actor: Actor | null, id: string, now: Date) {
  const scope = authorityJurisdictions(actor);
  if (scope.length === 0) throw notVisible();
  const [row] = await db
    .select({ ...summaryColumns, intro: questionnaires.intro })
    .from(questionnaires)
    .innerJoin(informationSystems, eq(informationSystems.id, questionnaires.systemId))
    .innerJoin(organisations, eq(organisations.id, questionnaires.organisationId))
    .where(and(eq(questionnaires.id, id), inArray(questionnaires.jurisdictionId, scope)));
  if (!row) throw notVisible();
  return { ...withPhase(row, chinaDate(now)), intro: row.intro };
}

export async function questionnaireDetail(db: Queryable, actor: Actor | null, id: string, now: Date) {
  const summary = await visibleSummary(db, actor, id, now);
  return { ...summary, questions: await questionsOf(db, id) };
}

/** The public link's questionnaire (published or closed), or null. */
export async function publicQuestionnaire(db: Queryable, slug: string, now: Date) {
  const [row] = await db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      intro: questionnaires.intro,
      year: questionnaires.year,
      status: questionnaires.status,
      startsOn: questionnaires.startsOn,
      endsOn: questionnaires.endsOn,
      systemName: informationSystems.name,
      organisationName: organisations.name,
    })
    .from(questionnaires)
    .innerJoin(informationSystems, eq(informationSystems.id, questionnaires.systemId))
    .innerJoin(organisations, eq(organisations.id, questionnaires.organisationId))
    .where(and(eq(questionnaires.slug, slug), inArray(questionnaires.status, ['published', 'closed'])));
  if (!row) return null;
  const phase = phaseOf(row, chinaDate(now));
  const { id, status: _status, ...rest } = row;
  // Questions are shown only while the questionnaire is open.
  return { ...rest, phase, questions: phase === 'open' ? await questionsOf(db, id) : [] };
}

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
