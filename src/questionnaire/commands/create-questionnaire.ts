import { eq } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { questionnaires } from '../tables.ts';
import {
  authorityIn,
  checkDesign,
  citing,
  type DesignInput,
  insertQuestions,
  questionnaireArticle,
  signedIn,
} from './support.ts';

export async function createQuestionnaire(
  deps: CommandDeps,
  ctx: CommandContext,
  input: DesignInput & { systemId: string; year: number },
): Promise<{ id: string }> {
  const actor = signedIn(ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'questionnaire.create', objectType: 'questionnaire' },
    async (tx, audit) => {
      const [system] = await tx
        .select({
          id: informationSystems.id,
          jurisdictionId: informationSystems.jurisdictionId,
          status: informationSystems.status,
        })
        .from(informationSystems)
        .where(eq(informationSystems.id, input.systemId));
      const role = system ? authorityIn(actor, system.jurisdictionId) : undefined;
      // Outside the caller's jurisdiction the system does not exist for it (the same 404).
      if (!system || !role) throw notFound('系统不存在或无权查看', 'SYSTEM_NOT_FOUND');
      const article = await questionnaireArticle(tx, system.jurisdictionId);
      const design = await citing(article, async () => {
        if (system.status === 'retired')
          throw conflict('SYSTEM_RETIRED', '系统已报废，不再开展满意度调查', { field: 'systemId' });
        return checkDesign(input);
      });
      const [row] = await tx
        .insert(questionnaires)
        .values({
          jurisdictionId: system.jurisdictionId,
          organisationId: role.organisationId,
          systemId: system.id,
          year: input.year,
          title: design.title,
          intro: design.intro,
          createdBy: actor.userId,
          createdAt: deps.clock.now(),
        })
        .returning({ id: questionnaires.id });
      await insertQuestions(tx, row.id, design.questions);
      audit.objectId = row.id;
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { systemId: system.id, year: input.year, questions: design.questions.length };
      return { id: row.id };
    },
  );
}
