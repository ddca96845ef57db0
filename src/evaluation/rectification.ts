/**
 * Rectification opinions (DT-31, SC-23, XZ-24) followed through the obligations engine: the
 * authority issues, the department reports, the authority closes.
 */
import { and, eq, sql } from 'drizzle-orm';
import { loadCalendar } from '../calendar/index.ts';
import { informationSystems } from '../catalog/index.ts';
import { findObligation, LIVE_STATES, meetObligation, openObligation } from '../obligations/index.ts';
import { type CommandContext, runCommand } from '../platform/command.ts';
import type { Tx } from '../platform/db/client.ts';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.ts';
import { days, type EvaluationDeps, RECTIFICATION_KIND, roundProject } from './command-support.ts';
import {
  callerOfContext,
  type EvalCaller,
  loadRound,
  managesJurisdiction,
  notOwnOrganisation,
  versionConflict,
} from './context.ts';
import { type EvalRectificationSource, evalRectifications, evalRounds } from './tables.ts';

// ---------------------------------------------------------------------------------------------
// Rectification (DT-31, SC-23, XZ-24) through the obligations engine

export async function issueRectification(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: {
    projectId?: string;
    systemId?: string;
    source: EvalRectificationSource;
    finding: string;
    opinion: string;
    deadline: string;
  },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.rectification_issue', objectType: 'eval_round', objectId: roundId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage');
      const article = rc.evaluationRules.rectification.articles[0];
      if ((input.projectId ? 1 : 0) + (input.systemId ? 1 : 0) !== 1)
        throw invalid('EVAL_RECTIFICATION_ANCHOR', '整改意见须针对一个项目或一个系统', {
          field: 'projectId',
        });
      if (input.deadline <= caller.today)
        throw invalid('EVAL_DEADLINE_PAST', '整改期限须晚于今天', { field: 'deadline', article });
      let anchor: { organisationId: string; name: string };
      if (input.projectId) {
        anchor = await roundProject(tx, rc, input.projectId);
      } else {
        const [system] = await tx
          .select({ organisationId: informationSystems.ownerOrganisationId, name: informationSystems.name })
          .from(informationSystems)
          .where(
            and(
              eq(informationSystems.id, input.systemId as string),
              eq(informationSystems.jurisdictionId, rc.round.jurisdictionId),
            ),
          );
        if (!system) throw notFound('系统不存在或不在本辖区');
        anchor = system;
      }
      notOwnOrganisation(caller, anchor.organisationId, article);
      const [row] = await tx
        .insert(evalRectifications)
        .values({
          roundId,
          organisationId: anchor.organisationId,
          projectId: input.projectId ?? null,
          systemId: input.systemId ?? null,
          source: input.source,
          finding: input.finding,
          opinion: input.opinion,
          deadline: input.deadline,
          issuedBy: caller.userId,
          issuedAt: caller.now,
        })
        .returning({ id: evalRectifications.id });
      await openObligation(
        tx,
        { calendar, now: caller.now },
        {
          kind: RECTIFICATION_KIND,
          projectId: input.projectId ?? null,
          systemId: input.systemId ?? null,
          ref: row.id,
          jurisdictionId: rc.round.jurisdictionId,
          holderOrganisationId: anchor.organisationId,
          title: `${anchor.name}：按整改意见限期整改`,
          articles: rc.evaluationRules.rectification.articles,
          anchorDate: caller.today,
          amount: days(caller.today, input.deadline),
          unit: 'calendar_days',
          link: `/evaluation/rounds/${roundId}`,
        },
      );
      audit.details = { rectificationId: row.id, source: input.source, deadline: input.deadline };
      return { id: row.id };
    },
  );
}

async function lockRectification(tx: Tx, caller: EvalCaller, id: string) {
  const [row] = await tx.select().from(evalRectifications).where(eq(evalRectifications.id, id)).for('update');
  const [round] = row
    ? await tx
        .select({ jurisdictionId: evalRounds.jurisdictionId })
        .from(evalRounds)
        .where(eq(evalRounds.id, row.roundId))
    : [];
  if (
    !row ||
    !round ||
    !(
      caller.scope.ownOrganisations.includes(row.organisationId) ||
      caller.scope.readJurisdictions.includes(round.jurisdictionId)
    )
  )
    throw notFound('整改意见不存在或无权查看');
  return { row, jurisdictionId: round.jurisdictionId };
}

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
