/** The next version of the year's indicator set of a jurisdiction (DT-28; yearly assessment DT-07, DT-31, SC-24, XZ-25). */
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { type Indicator, indicatorSetProblems } from '../../rules/index.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext } from '../rules.ts';
import { evalIndicatorSets } from '../tables.ts';
import { type EvaluationDeps, firstProblem, latestIndicatorSet } from './support.ts';

export async function createIndicatorSet(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: { indicators: Indicator[]; note: string },
): Promise<{ id: string; version: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.indicator_set', objectType: 'eval_round', objectId: roundId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage', true);
      firstProblem(indicatorSetProblems(input.indicators), rc.evaluationRules.assessment.articles[0]);
      const latest = await latestIndicatorSet(tx, rc.round.jurisdictionId, rc.round.year);
      const version = (latest?.version ?? 0) + 1;
      const [row] = await tx
        .insert(evalIndicatorSets)
        .values({
          jurisdictionId: rc.round.jurisdictionId,
          year: rc.round.year,
          version,
          indicators: input.indicators,
          note: input.note,
          createdBy: caller.userId,
          createdAt: caller.now,
        })
        .returning({ id: evalIndicatorSets.id });
      audit.details = { year: rc.round.year, version, indicators: input.indicators.length };
      return { id: row.id, version };
    },
  );
}
