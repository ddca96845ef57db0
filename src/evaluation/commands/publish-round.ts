/** Publishing a rolled-up round: its results go on the public page (DT-07 一公示). */
import { eq, sql } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict } from '../../platform/errors.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, versionConflict } from '../rules.ts';
import { evalRounds } from '../tables.ts';
import type { EvaluationDeps } from './support.ts';

export async function publishRound(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: { version: number },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'eval.publish', objectType: 'eval_round', objectId: roundId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage', true);
      if (rc.round.version !== input.version) throw versionConflict();
      if (!rc.round.rolledUpAt)
        throw conflict('EVAL_NOT_ROLLED_UP', '请先汇总部门考核结果再公示', {
          article: rc.evaluationRules.publication?.articles[0],
        });
      if (rc.round.publishedAt) throw conflict('EVAL_ALREADY_PUBLISHED', '考核结果已公示');
      await tx
        .update(evalRounds)
        .set({ publishedAt: caller.now, publishedBy: caller.userId, version: sql`${evalRounds.version} + 1` })
        .where(eq(evalRounds.id, roundId));
      audit.details = { year: rc.round.year };
    },
  );
}
