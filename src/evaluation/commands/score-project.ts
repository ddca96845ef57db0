/** A project's score on the year's indicator set, never by its own organisation (DT-07, DT-28, SC-24, XZ-25). */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict } from '../../platform/errors.ts';
import { type ProjectPhase, projectScore, scoreProblems } from '../../rules/index.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, notOwnOrganisation, versionConflict } from '../rules.ts';
import { evalProjectScores } from '../tables.ts';
import {
  type EvaluationDeps,
  firstProblem,
  latestIndicatorSet,
  roundProject,
  timelineEvent,
} from './support.ts';

export async function scoreProject(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: {
    projectId: string;
    phase: ProjectPhase;
    scores: { code: string; score: number }[];
    comment: string;
    version?: number;
  },
): Promise<{ id: string; total: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.project_score', objectType: 'project', objectId: input.projectId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage');
      const article = rc.evaluationRules.assessment.articles[0];
      const project = await roundProject(tx, rc, input.projectId);
      notOwnOrganisation(caller, project.organisationId, article);
      const set = await latestIndicatorSet(tx, rc.round.jurisdictionId, rc.round.year);
      if (!set) throw conflict('EVAL_NO_INDICATOR_SET', '本年度尚无指标体系');
      firstProblem(scoreProblems(set.indicators, input.phase, input.scores), article);
      const total = projectScore(set.indicators, input.phase, input.scores);
      const values = {
        phase: input.phase,
        indicatorSetId: set.id,
        scores: input.scores,
        totalTenths: Math.round(total * 10),
        comment: input.comment,
        scoredBy: caller.userId,
        scoredAt: caller.now,
      };
      const [existing] = await tx
        .select()
        .from(evalProjectScores)
        .where(and(eq(evalProjectScores.roundId, roundId), eq(evalProjectScores.projectId, project.id)))
        .for('update');
      let id: string;
      if (existing) {
        if (input.version !== existing.version) throw versionConflict();
        await tx
          .update(evalProjectScores)
          .set({ ...values, version: sql`${evalProjectScores.version} + 1` })
          .where(eq(evalProjectScores.id, existing.id));
        id = existing.id;
      } else {
        const [row] = await tx
          .insert(evalProjectScores)
          .values({ roundId, projectId: project.id, organisationId: project.organisationId, ...values })
          .returning({ id: evalProjectScores.id });
        id = row.id;
      }
      await timelineEvent(tx, deps, caller, ctx.actor as Actor, {
        projectId: project.id,
        baseCode: rc.baseCode,
        event: 'evaluation_result_issued',
        organisationId: null,
        opinion: `${rc.round.year} 年度绩效考核评分：${total} 分（${input.phase === 'construction' ? '建设中' : '运行中'}）`,
        details: {
          roundId,
          source: 'assessment',
          phase: input.phase,
          total,
          indicatorSetVersion: set.version,
        },
      });
      audit.details = { roundId, phase: input.phase, total, indicatorSetVersion: set.version };
      return { id, total };
    },
  );
}
