/** A rectification opinion with a deadline, tracked by the obligations engine (DT-31, SC-23, XZ-24). */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { informationSystems } from '../../catalog/index.ts';
import { openObligation } from '../../obligations/index.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { loadRound } from '../queries/round.ts';
import { callerOfContext, notOwnOrganisation } from '../rules.ts';
import { type EvalRectificationSource, evalRectifications } from '../tables.ts';
import { days, type EvaluationDeps, RECTIFICATION_KIND, roundProject } from './support.ts';

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
