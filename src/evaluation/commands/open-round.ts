/** Opening a round after the budget year: one self-evaluation obligation per project past 立项 (DT-27, SC-22, XZ-22). */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { type ObligationEnv, openObligation } from '../../obligations/index.ts';
import { type CommandContext, runCommand } from '../../platform/command.ts';
import { conflict, invalid, notFound, refused } from '../../platform/errors.ts';
import { projects } from '../../projects/index.ts';
import { DEFAULT_INDICATORS } from '../../rules/index.ts';
import { jurisdictionRules } from '../queries/jurisdiction-rules.ts';
import { callerOfContext, requireRules } from '../rules.ts';
import { evalIndicatorSets, evalRounds } from '../tables.ts';
import {
  authorityJurisdiction,
  days,
  type EvaluationDeps,
  latestIndicatorSet,
  SELF_EVALUATION_KIND,
  selfEvaluationHolder,
} from './support.ts';

export async function openRound(
  deps: EvaluationDeps,
  ctx: CommandContext,
  input: { year: number; dueDate: string },
): Promise<{ id: string; obligations: number }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(deps, ctx, { action: 'eval.round_open', objectType: 'eval_round' }, async (tx, audit) => {
    const jurisdictionId = authorityJurisdiction(caller);
    const j = await jurisdictionRules(tx, jurisdictionId);
    if (!j) throw notFound();
    const rules = requireRules(j);
    const article = rules.selfEvaluation.articles[0];
    if (input.year >= Number(caller.today.slice(0, 4))) {
      throw refused('EVAL_YEAR_NOT_ENDED', '年度预算结束后方可开展该年度的项目自评价', article, {
        field: 'year',
      });
    }
    if (input.dueDate <= caller.today) {
      throw invalid('EVAL_DUE_DATE_PAST', '报送截止日期须晚于今天', { field: 'dueDate', article });
    }
    const [exists] = await tx
      .select({ id: evalRounds.id })
      .from(evalRounds)
      .where(and(eq(evalRounds.jurisdictionId, jurisdictionId), eq(evalRounds.year, input.year)));
    if (exists) throw conflict('EVAL_ROUND_EXISTS', `${input.year} 年度考核已开启`, { field: 'year' });
    const [round] = await tx
      .insert(evalRounds)
      .values({
        jurisdictionId,
        year: input.year,
        dueDate: input.dueDate,
        openedBy: caller.userId,
        openedAt: caller.now,
      })
      .returning({ id: evalRounds.id });
    if (!(await latestIndicatorSet(tx, jurisdictionId, input.year))) {
      await tx.insert(evalIndicatorSets).values({
        jurisdictionId,
        year: input.year,
        version: 1,
        indicators: [...DEFAULT_INDICATORS],
        note: '默认指标体系',
        createdBy: caller.userId,
        createdAt: caller.now,
      });
    }
    const list = await tx
      .select({ id: projects.id, name: projects.name, organisationId: projects.ownerOrganisationId })
      .from(projects)
      .where(and(eq(projects.jurisdictionId, jurisdictionId), eq(projects.state, 'established')));
    const env: ObligationEnv = { calendar, now: caller.now };
    for (const p of list) {
      const holder = await selfEvaluationHolder(
        tx,
        rules,
        { baseCode: j.baseCode, jurisdictionId },
        p.organisationId,
      );
      await openObligation(tx, env, {
        kind: SELF_EVALUATION_KIND,
        projectId: p.id,
        ref: String(input.year),
        jurisdictionId,
        holderOrganisationId: holder,
        title: `${p.name}：${input.year} 年度项目自评价`,
        articles: rules.selfEvaluation.articles,
        anchorDate: caller.today,
        amount: days(caller.today, input.dueDate),
        unit: 'calendar_days',
        link: `/evaluation/rounds/${round.id}`,
      });
    }
    audit.objectId = round.id;
    audit.details = { year: input.year, dueDate: input.dueDate, obligations: list.length };
    return { id: round.id, obligations: list.length };
  });
}
