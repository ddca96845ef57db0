import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, versionConflict } from '../../platform/errors.ts';
import { questionnaireQuestions, questionnaires } from '../tables.ts';
import {
  checkDesign,
  citing,
  type DesignInput,
  insertQuestions,
  ownQuestionnaire,
  questionnaireArticle,
  signedIn,
} from './support.ts';

export async function updateQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  input: DesignInput & { version: number },
): Promise<void> {
  const actor = signedIn(ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'questionnaire.update', objectType: 'questionnaire', objectId: id },
    async (tx, audit) => {
      const { row, role } = await ownQuestionnaire(tx, actor, id);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      const article = await questionnaireArticle(tx, row.jurisdictionId);
      const design = await citing(article, async () => {
        if (row.status !== 'draft')
          throw conflict('QUESTIONNAIRE_NOT_DRAFT', '问卷已发布，不能再修改（可结束后另建问卷）');
        if (row.version !== input.version) throw versionConflict();
        return checkDesign(input);
      });
      await tx
        .update(questionnaires)
        .set({ title: design.title, intro: design.intro, version: row.version + 1 })
        .where(eq(questionnaires.id, id));
      // A draft has no answers: its questions are replaced as a whole.
      await tx.delete(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, id));
      await insertQuestions(tx, id, design.questions);
      audit.details = { questions: design.questions.length };
    },
  );
}
