/** A project's self-evaluation, submitted by the body that owes it; meets its obligation (DT-27, SC-22, XZ-22). */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { findObligation, LIVE_STATES, meetObligation } from '../../obligations/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, parseYuan } from '../rules.ts';
import { evalSelfEvaluations, type TargetAchieved } from '../tables.ts';
import {
  type EvaluationDeps,
  roundProject,
  SELF_EVALUATION_KIND,
  selfEvaluationHolder,
  timelineEvent,
} from './support.ts';

export async function submitSelfEvaluation(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: {
    projectId: string;
    targets: TargetAchieved[];
    fundsUsed: string;
    outputs: string;
    effects: string;
    problems: string;
  },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.self_evaluation_submit', objectType: 'project', objectId: input.projectId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'read');
      const project = await roundProject(tx, rc, input.projectId).catch(() => {
        throw notFound('项目不存在、未立项或不在本考核范围内');
      });
      const holder = await selfEvaluationHolder(
        tx,
        rc.evaluationRules,
        { baseCode: rc.baseCode, jurisdictionId: rc.round.jurisdictionId },
        project.organisationId,
      );
      if (!caller.scope.ownOrganisations.includes(holder)) {
        // Not the caller's own project: the same answer whether it exists or not.
        throw notFound('项目不存在、未立项或不在本考核范围内');
      }
      const fen = parseYuan(input.fundsUsed);
      const [exists] = await tx
        .select({ id: evalSelfEvaluations.id })
        .from(evalSelfEvaluations)
        .where(and(eq(evalSelfEvaluations.roundId, roundId), eq(evalSelfEvaluations.projectId, project.id)));
      if (exists) throw conflict('EVAL_SELF_EVALUATION_EXISTS', '本年度自评价报告已报送');
      const [row] = await tx
        .insert(evalSelfEvaluations)
        .values({
          roundId,
          projectId: project.id,
          organisationId: project.organisationId,
          targets: input.targets,
          fundsUsedFen: fen,
          outputs: input.outputs,
          effects: input.effects,
          problems: input.problems,
          submittedBy: caller.userId,
          submittedAt: caller.now,
        })
        .returning({ id: evalSelfEvaluations.id });
      const key = { kind: SELF_EVALUATION_KIND, projectId: project.id, ref: String(rc.round.year) };
      const obligation = await findObligation(tx, key);
      if (obligation && LIVE_STATES.includes(obligation.state)) {
        await meetObligation(tx, { calendar, now: caller.now }, key, { on: caller.today, by: caller.userId });
      }
      await timelineEvent(tx, deps, caller, ctx.actor as Actor, {
        projectId: project.id,
        baseCode: rc.baseCode,
        event: 'self_evaluation_submitted',
        organisationId: holder,
        opinion: `报送 ${rc.round.year} 年度项目自评价报告`,
        details: { roundId, selfEvaluationId: row.id, year: rc.round.year },
      });
      audit.details = { roundId, selfEvaluationId: row.id, year: rc.round.year };
      return { id: row.id };
    },
  );
}
