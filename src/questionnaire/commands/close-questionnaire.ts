import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, versionConflict } from '../../platform/errors.ts';
import { questionnaires } from '../tables.ts';
import { citing, ownQuestionnaire, questionnaireArticle, signedIn } from './support.ts';

export async function closeQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: { version: number },
): Promise<void> {
  const actor = signedIn(ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'questionnaire.close', objectType: 'questionnaire', objectId: id },
    async (tx, audit) => {
      const { row, role } = await ownQuestionnaire(tx, actor, id);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      await citing(await questionnaireArticle(tx, row.jurisdictionId), async () => {
        if (row.status !== 'published')
          throw conflict('QUESTIONNAIRE_NOT_PUBLISHED', '只有已发布的问卷可以结束');
        if (row.version !== input.version) throw versionConflict();
      });
      await tx
        .update(questionnaires)
        .set({ status: 'closed', closedAt: deps.clock.now(), version: row.version + 1 })
        .where(eq(questionnaires.id, id));
    },
  );
}
