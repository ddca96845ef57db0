import { eq, sql } from 'drizzle-orm';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { callerOfContext, versionConflict } from '../rules.ts';
import { evalRectifications } from '../tables.ts';
import { type EvaluationDeps, lockRectification } from './support.ts';

/** The department reports what it did. */
export async function reportRectification(
  deps: EvaluationDeps,
  ctx: CommandContext,
  id: string,
  input: { report: string; version: number },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'eval.rectification_report', objectType: 'eval_rectification', objectId: id },
    async (tx) => {
      const { row } = await lockRectification(tx, caller, id);
      if (!caller.scope.ownOrganisations.includes(row.organisationId))
        throw forbidden('整改情况由被整改单位报告', 'EVAL_NOT_RECTIFYING_UNIT');
      if (row.version !== input.version) throw versionConflict();
      if (row.state === 'closed') throw conflict('EVAL_RECTIFICATION_CLOSED', '整改已核销');
      await tx
        .update(evalRectifications)
        .set({
          state: 'reported',
          report: input.report,
          reportedBy: caller.userId,
          reportedOn: caller.today,
          version: sql`${evalRectifications.version} + 1`,
        })
        .where(eq(evalRectifications.id, id));
    },
  );
}
