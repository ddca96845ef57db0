import { eq, sql } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { findObligation, LIVE_STATES, meetObligation } from '../../obligations/index.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { callerOfContext, managesJurisdiction, notOwnOrganisation, versionConflict } from '../rules.ts';
import { evalRectifications } from '../tables.ts';
import { type EvaluationDeps, lockRectification, RECTIFICATION_KIND } from './support.ts';

/** The authority confirms the rectification (the obligation is met on the reported date). */
export async function closeRectification(
  deps: EvaluationDeps,
  ctx: CommandContext,
  id: string,
  input: { version: number },
): Promise<{ late: boolean }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.rectification_close', objectType: 'eval_rectification', objectId: id },
    async (tx, audit) => {
      const { row, jurisdictionId } = await lockRectification(tx, caller, id);
      if (!managesJurisdiction(caller, jurisdictionId))
        throw forbidden('整改核销由本辖区主管部门办理', 'EVAL_AUTHORITY_ONLY');
      if (row.version !== input.version) throw versionConflict();
      if (row.state !== 'reported' || !row.reportedOn)
        throw conflict('EVAL_RECTIFICATION_NOT_REPORTED', '被整改单位尚未报告整改情况');
      if (row.reportedBy === caller.userId) throw forbidden('不能核销自己报告的整改', 'EVAL_SELF_CLOSE');
      notOwnOrganisation(caller, row.organisationId, 'DT-31');
      await tx
        .update(evalRectifications)
        .set({
          state: 'closed',
          closedBy: caller.userId,
          closedOn: caller.today,
          version: sql`${evalRectifications.version} + 1`,
        })
        .where(eq(evalRectifications.id, id));
      const key = { kind: RECTIFICATION_KIND, projectId: row.projectId, systemId: row.systemId, ref: row.id };
      const obligation = await findObligation(tx, key);
      let late = false;
      if (obligation && LIVE_STATES.includes(obligation.state)) {
        const met = await meetObligation(tx, { calendar, now: caller.now }, key, {
          on: row.reportedOn,
          by: row.reportedBy,
        });
        late = met.late;
      }
      audit.details = { late };
      return { late };
    },
  );
}
