import { eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { type AnswerInput, answerRows, phaseOf } from '../model.ts';
import { questionnaireAnswers, questionnaireResponses, questionnaires } from '../tables.ts';
import { citing, deviceKey, questionnaireArticle, questionsOf } from './support.ts';

/**
 * A public answer: only while the questionnaire is open (between its dates, not closed), one per
 * device and day, every answer checked against its question. The audit row names the
 * questionnaire, never the response.
 */
export async function submitResponse(
  deps: CommandDeps,
  ctx: CommandContext,
  slug: string,
  input: { deviceId: string; answers: AnswerInput[] },
): Promise<void> {
  await runCommand(
    deps,
    ctx,
    { action: 'questionnaire.answer', objectType: 'questionnaire' },
    async (tx, audit) => {
      const [row] = await tx
        .select({
          id: questionnaires.id,
          status: questionnaires.status,
          startsOn: questionnaires.startsOn,
          endsOn: questionnaires.endsOn,
          jurisdictionId: questionnaires.jurisdictionId,
        })
        .from(questionnaires)
        .where(eq(questionnaires.slug, slug));
      if (!row) throw notFound('问卷不存在', 'QUESTIONNAIRE_NOT_FOUND');
      audit.objectId = row.id;
      audit.jurisdictionId = row.jurisdictionId;
      await citing(await questionnaireArticle(tx, row.jurisdictionId), async () => {
        const now = deps.clock.now();
        const today = chinaDate(now);
        const phase = phaseOf(row, today);
        if (phase !== 'open')
          throw conflict(
            'QUESTIONNAIRE_NOT_OPEN',
            phase === 'scheduled'
              ? `问卷尚未开始，开放时间为 ${row.startsOn} 至 ${row.endsOn}`
              : '问卷已结束，感谢关注',
          );
        const rows = answerRows(await questionsOf(tx, row.id), input.answers);
        if (rows.length === 0) throw invalid('ANSWERS_EMPTY', '请至少回答一个问题', { field: 'answers' });
        const key = deviceKey(deps.auditKey, row.id, today, input.deviceId);
        const [response] = await tx
          .insert(questionnaireResponses)
          .values({ questionnaireId: row.id, deviceKey: key, answeredOn: today, createdAt: now })
          .onConflictDoNothing()
          .returning({ id: questionnaireResponses.id });
        if (!response)
          throw conflict('ALREADY_ANSWERED_TODAY', '本设备今天已提交过这份问卷，请明天再来', {
            field: 'deviceId',
          });
        await tx
          .insert(questionnaireAnswers)
          .values(rows.map((r) => ({ ...r, responseId: response.id, questionnaireId: row.id })));
      });
    },
  );
}
