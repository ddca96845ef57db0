/**
 * What the questionnaire's reads share (list.ts, detail.ts, results.ts): the summary columns and the
 * visibility in the query (the caller's authority jurisdictions).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { notFound } from '../../platform/errors.ts';
import { authorityJurisdictions } from '../commands/support.ts';
import { type Phase, phaseOf } from '../model.ts';
import { type QuestionnaireStatus, questionnaireResponses, questionnaires } from '../tables.ts';

const notVisible = () => notFound('问卷不存在或无权查看', 'QUESTIONNAIRE_NOT_FOUND');

export const summaryColumns = {
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
export const withPhase = (r: SummaryRow, today: string): QuestionnaireSummary => ({
  ...r,
  responses: Number(r.responses),
  phase: phaseOf(r, today),
});

export async function visibleSummary(db: Queryable, actor: Actor | null, id: string, now: Date) {
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
