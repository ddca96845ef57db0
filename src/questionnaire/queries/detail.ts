/** One questionnaire the caller may see, with its questions (read). */
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { questionsOf } from '../commands/support.ts';
import { visibleSummary } from './support.ts';

export async function questionnaireDetail(db: Queryable, actor: Actor | null, id: string, now: Date) {
  const summary = await visibleSummary(db, actor, id, now);
  return { ...summary, questions: await questionsOf(db, id) };
}
