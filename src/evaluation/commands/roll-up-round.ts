import { eq, sql } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict } from '../../platform/errors.ts';
import { departmentAssessments } from '../../review/index.ts';
import { rollUp } from '../../rules/index.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, versionConflict } from '../rules.ts';
import { evalProjectScores, evalRounds } from '../tables.ts';
import type { EvaluationDeps } from './support.ts';

/**
 * Rolls the project scores up into each department's score and grade, written to
 * department_assessments (the reviewers of next year's applications see it, DT-31).
 */
export async function rollUpRound(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: { version: number },
): Promise<{ departments: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.roll_up', objectType: 'eval_round', objectId: roundId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage', true);
      if (rc.round.version !== input.version) throw versionConflict();
      if (rc.round.publishedAt) throw conflict('EVAL_ALREADY_PUBLISHED', '考核结果已公示，不能重新汇总');
      const scored = await tx
        .select({
          organisationId: evalProjectScores.organisationId,
          phase: evalProjectScores.phase,
          totalTenths: evalProjectScores.totalTenths,
        })
        .from(evalProjectScores)
        .where(eq(evalProjectScores.roundId, roundId));
      if (scored.length === 0)
        throw conflict('EVAL_NOTHING_SCORED', '尚无项目评分，不能汇总', {
          article: rc.evaluationRules.assessment.articles[0],
        });
      const results = rollUp(scored.map((s) => ({ ...s, score: s.totalTenths / 10 })));
      for (const r of results) {
        const summary = `${rc.round.year} 年度绩效考核：${r.projects} 个项目（建设中 ${r.construction}、运行中 ${r.operation}）`;
        await tx
          .insert(departmentAssessments)
          .values({
            organisationId: r.organisationId,
            year: rc.round.year,
            score: r.score,
            grade: r.grade,
            summary,
            recordedBy: caller.userId,
            createdAt: caller.now,
          })
          .onConflictDoUpdate({
            target: [departmentAssessments.organisationId, departmentAssessments.year],
            set: { score: r.score, grade: r.grade, summary, recordedBy: caller.userId },
          });
      }
      await tx
        .update(evalRounds)
        .set({ rolledUpAt: caller.now, version: sql`${evalRounds.version} + 1` })
        .where(eq(evalRounds.id, roundId));
      audit.details = { year: rc.round.year, departments: results.length };
      return { departments: results.length };
    },
  );
}
