/** The public link's questionnaire, its questions only while open (read). */
import { and, eq, inArray } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { questionsOf } from '../commands/support.ts';
import { phaseOf } from '../model.ts';
import { questionnaires } from '../tables.ts';

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
