import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, forbidden, notFound, refused } from '../../platform/errors.ts';
import { bindNamedOrganisation, loadDirectory } from '../../projects/index.ts';
import { getRulebook } from '../../rules/index.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, notOwnOrganisation } from '../rules.ts';
import { evalSelfEvaluations, evalSpotChecks } from '../tables.ts';
import { type EvaluationDeps, timelineEvent } from './support.ts';

/** SC-22 / XZ-23: the finance body the rulebook names spot-checks a self-evaluation. */
export async function spotCheck(
  deps: EvaluationDeps,
  ctx: CommandContext,
  selfEvaluationId: string,
  input: { conclusion: 'consistent' | 'issues'; keyProject: boolean; findings: string },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.spot_check', objectType: 'eval_self_evaluation', objectId: selfEvaluationId },
    async (tx, audit) => {
      const [se] = await tx
        .select()
        .from(evalSelfEvaluations)
        .where(eq(evalSelfEvaluations.id, selfEvaluationId));
      if (!se) throw notFound('自评价报告不存在或无权查看');
      const rc = await loadRound(tx, caller, se.roundId, 'read').catch(() => {
        throw notFound('自评价报告不存在或无权查看');
      });
      const spot = rc.evaluationRules.spotCheck;
      if (!spot) {
        throw refused(
          'EVAL_NO_SPOT_CHECK',
          '本辖区的办法未规定财政部门抽查项目自评价',
          rc.evaluationRules.selfEvaluation.articles[0],
        );
      }
      const directory = await loadDirectory(tx);
      const financeOrg = rc.baseCode
        ? bindNamedOrganisation(
            getRulebook(rc.baseCode),
            spot.financeOrgKey,
            rc.round.jurisdictionId,
            directory,
          )
        : null;
      const mine = caller.assignments.find(
        (a) => a.role === 'finance_officer' && a.organisationId === financeOrg,
      );
      if (!financeOrg || !mine) {
        throw forbidden(`自评价抽查由${spot.financeName}办理`, 'EVAL_NOT_SPOT_CHECKER', {
          article: spot.articles[0],
        });
      }
      notOwnOrganisation(caller, se.organisationId, spot.articles[0]);
      const [exists] = await tx
        .select({ id: evalSpotChecks.id })
        .from(evalSpotChecks)
        .where(eq(evalSpotChecks.selfEvaluationId, se.id));
      if (exists) throw conflict('EVAL_SPOT_CHECK_EXISTS', '该自评价报告已抽查');
      const [row] = await tx
        .insert(evalSpotChecks)
        .values({
          selfEvaluationId: se.id,
          financeOrganisationId: financeOrg,
          conclusion: input.conclusion,
          keyProject: input.keyProject,
          findings: input.findings,
          checkedBy: caller.userId,
          checkedAt: caller.now,
        })
        .returning({ id: evalSpotChecks.id });
      await timelineEvent(tx, deps, caller, ctx.actor as Actor, {
        projectId: se.projectId,
        baseCode: rc.baseCode,
        event: 'evaluation_result_issued',
        organisationId: financeOrg,
        opinion: `${spot.financeName}抽查 ${rc.round.year} 年度自评价：${input.conclusion === 'consistent' ? '与实际相符' : '存在问题'}${input.keyProject ? '，列为重点项目绩效评价' : ''}`,
        details: {
          roundId: se.roundId,
          source: 'spot_check',
          conclusion: input.conclusion,
          keyProject: input.keyProject,
          findings: input.findings,
        },
      });
      audit.details = { roundId: se.roundId, conclusion: input.conclusion, keyProject: input.keyProject };
      return { id: row.id };
    },
  );
}
