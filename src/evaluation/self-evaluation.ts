/**
 * The round and the self-evaluations (DT-27, SC-22, XZ-22, XZ-23): open a round with one
 * self-evaluation obligation per project, submit a self-evaluation, finance's spot-check.
 */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../calendar/index.ts';
import {
  findObligation,
  LIVE_STATES,
  meetObligation,
  type ObligationEnv,
  openObligation,
} from '../obligations/index.ts';
import type { Actor } from '../platform/actor.ts';
import { type CommandContext, runCommand } from '../platform/command.ts';
import { conflict, forbidden, invalid, notFound, refused } from '../platform/errors.ts';
import { bindNamedOrganisation, loadDirectory, projects } from '../projects/index.ts';
import { DEFAULT_INDICATORS, getRulebook } from '../rules/index.ts';
import {
  authorityJurisdiction,
  days,
  type EvaluationDeps,
  latestIndicatorSet,
  roundProject,
  SELF_EVALUATION_KIND,
  selfEvaluationHolder,
  timelineEvent,
} from './command-support.ts';
import {
  callerOfContext,
  jurisdictionRules,
  loadRound,
  notOwnOrganisation,
  requireRules,
} from './context.ts';
import {
  evalIndicatorSets,
  evalRounds,
  evalSelfEvaluations,
  evalSpotChecks,
  type TargetAchieved,
} from './tables.ts';

// ---------------------------------------------------------------------------------------------
// Round and self-evaluation (DT-27, SC-22, XZ-22)

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

/** "1234.56" yuan → fen; refused (never rounded) when it has more than two decimals. */
export function parseYuan(value: string): bigint {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m)
    throw invalid('EVAL_AMOUNT_INVALID', '金额须为不超过两位小数的非负数（元）', { field: 'fundsUsed' });
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

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
