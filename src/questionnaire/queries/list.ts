/** The questionnaires of the caller's authority jurisdictions, filtered and paged in SQL (read). */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { authorityJurisdictions } from '../commands/support.ts';
import { questionnaires } from '../tables.ts';
import { type QuestionnaireSummary, summaryColumns, withPhase } from './support.ts';

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
