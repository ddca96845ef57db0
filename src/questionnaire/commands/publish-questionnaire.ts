import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid, versionConflict } from '../../platform/errors.ts';
import { slugFrom } from '../model.ts';
import { questionnaires } from '../tables.ts';
import { citing, ownQuestionnaire, questionnaireArticle, signedIn } from './support.ts';

export async function publishQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { startsOn: string; endsOn: string; version: number },
): Promise<{ slug: string }> {
  const actor = signedIn(ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'questionnaire.publish', objectType: 'questionnaire', objectId: id },
    async (tx, audit) => {
      const { row, role } = await ownQuestionnaire(tx, actor, id);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      await citing(await questionnaireArticle(tx, row.jurisdictionId), async () => {
        if (row.status !== 'draft') throw conflict('QUESTIONNAIRE_NOT_DRAFT', '问卷已发布或已结束');
        if (row.version !== input.version) throw versionConflict();
        if (input.endsOn < input.startsOn)
          throw invalid('DATES_REVERSED', '结束日期不能早于开始日期', { field: 'endsOn' });
        if (input.endsOn < chinaDate(deps.clock.now()))
          throw invalid('ENDS_IN_PAST', '结束日期不能早于今天', { field: 'endsOn' });
      });
      const slug = slugFrom(randomBytes(10));
      await tx
        .update(questionnaires)
        .set({
          status: 'published',
          slug,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          publishedAt: deps.clock.now(),
          version: row.version + 1,
        })
        .where(eq(questionnaires.id, id));
      audit.details = { slug, startsOn: input.startsOn, endsOn: input.endsOn };
      return { slug };
    },
  );
}
