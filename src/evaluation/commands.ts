/**
 * The evaluation year's writes, one `runCommand` each (issue 14): open a round (self-evaluation
 * obligations per project), submit a self-evaluation, finance's spot-check, indicator sets, project
 * scores, efficacy evaluations, the roll-up into department_assessments, rectification opinions
 * followed through the obligations engine, and publication (DT-07 一公示).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { loadCalendar } from '../calendar/repository.ts';
import { informationSystems } from '../catalog/tables.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import {
  findObligation,
  LIVE_STATES,
  meetObligation,
  type ObligationEnv,
  openObligation,
} from '../obligations/index.ts';
import { bindNamedOrganisation } from '../projects/actors.ts';
import { loadDirectory } from '../projects/repository.ts';
import { departmentAssessments, projects } from '../projects/tables.ts';
import {
  DEFAULT_INDICATORS,
  type EfficacyDimension,
  type EvaluationRules,
  efficacyScore,
  type Indicator,
  indicatorSetProblems,
  type ProjectPhase,
  projectScore,
  rollUp,
  scoreProblems,
} from '../rules/evaluation.ts';
import { getRulebook } from '../rules/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../shared/command.ts';
import { conflict, forbidden, invalid, notFound, refused } from '../shared/errors.ts';
import {
  callerOfContext,
  type EvalCaller,
  jurisdictionRules,
  loadRound,
  managesJurisdiction,
  notOwnOrganisation,
  type RoundContext,
  requireRules,
  versionConflict,
} from './context.ts';
import {
  type EvalRectificationSource,
  evalEfficacy,
  evalIndicatorSets,
  evalProjectScores,
  evalRectifications,
  evalRounds,
  evalSelfEvaluations,
  evalSpotChecks,
  type TargetAchieved,
} from './tables.ts';

/** The questionnaire's satisfaction score (0–100) of a system and year; null when none answered. */
export type SatisfactionSource = (db: Queryable, systemId: string, year: number) => Promise<number | null>;

export interface EvaluationDeps extends CommandDeps {
  /** From src/questionnaire (`satisfactionScore`, wired in src/app.ts); absent: the body's value only. */
  satisfactionScore?: SatisfactionSource;
}

export const SELF_EVALUATION_KIND = 'eval.self_evaluation';
export const RECTIFICATION_KIND = 'eval.rectification';

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function firstProblem(problems: { field: string; code: string; message: string }[], article: string) {
  if (problems.length === 0) return;
  const p = problems[0];
  throw invalid(p.code, p.message, { field: p.field, article, details: { problems } });
}

/** The authority's jurisdiction (its first authority assignment). */
function authorityJurisdiction(caller: EvalCaller): string {
  const id = caller.scope.manageJurisdictions[0];
  if (!id) throw forbidden('年度考核由本辖区主管部门组织', 'EVAL_AUTHORITY_ONLY');
  return id;
}

async function latestIndicatorSet(q: Queryable, jurisdictionId: string, year: number) {
  const [row] = await q
    .select()
    .from(evalIndicatorSets)
    .where(and(eq(evalIndicatorSets.jurisdictionId, jurisdictionId), eq(evalIndicatorSets.year, year)))
    .orderBy(desc(evalIndicatorSets.version))
    .limit(1);
  return row ?? null;
}

/** A project of the round's jurisdiction past 立项 (in construction or in operation). */
async function roundProject(q: Queryable, rc: RoundContext, projectId: string) {
  const [row] = await q
    .select({
      id: projects.id,
      name: projects.name,
      organisationId: projects.ownerOrganisationId,
      jurisdictionId: projects.jurisdictionId,
      state: projects.state,
    })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.jurisdictionId, rc.round.jurisdictionId)));
  if (row?.state !== 'established') throw notFound('项目不存在、未立项或不在本考核范围内');
  return row;
}

/**
 * Who owes a project's self-evaluation: the rulebook's submitter (XZ: 市交通运输数据中心), else the
 * project's own department.
 */
async function selfEvaluationHolder(
  q: Queryable,
  rules: EvaluationRules,
  place: { baseCode: string | null; jurisdictionId: string },
  ownerOrganisationId: string,
): Promise<string> {
  const key = rules.selfEvaluation.submitterOrgKey;
  if (!key || !place.baseCode) return ownerOrganisationId;
  const bound = bindNamedOrganisation(
    getRulebook(place.baseCode),
    key,
    place.jurisdictionId,
    await loadDirectory(q),
  );
  return bound ?? ownerOrganisationId;
}

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
      audit.details = { roundId: se.roundId, conclusion: input.conclusion, keyProject: input.keyProject };
      return { id: row.id };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Yearly assessment (DT-07, DT-28, DT-31, SC-24, XZ-25)

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

export async function scoreProject(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: {
    projectId: string;
    phase: ProjectPhase;
    scores: { code: string; score: number }[];
    comment: string;
    version?: number;
  },
): Promise<{ id: string; total: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.project_score', objectType: 'project', objectId: input.projectId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage');
      const article = rc.evaluationRules.assessment.articles[0];
      const project = await roundProject(tx, rc, input.projectId);
      notOwnOrganisation(caller, project.organisationId, article);
      const set = await latestIndicatorSet(tx, rc.round.jurisdictionId, rc.round.year);
      if (!set) throw conflict('EVAL_NO_INDICATOR_SET', '本年度尚无指标体系');
      firstProblem(scoreProblems(set.indicators, input.phase, input.scores), article);
      const total = projectScore(set.indicators, input.phase, input.scores);
      const values = {
        phase: input.phase,
        indicatorSetId: set.id,
        scores: input.scores,
        totalTenths: Math.round(total * 10),
        comment: input.comment,
        scoredBy: caller.userId,
        scoredAt: caller.now,
      };
      const [existing] = await tx
        .select()
        .from(evalProjectScores)
        .where(and(eq(evalProjectScores.roundId, roundId), eq(evalProjectScores.projectId, project.id)))
        .for('update');
      let id: string;
      if (existing) {
        if (input.version !== existing.version) throw versionConflict();
        await tx
          .update(evalProjectScores)
          .set({ ...values, version: sql`${evalProjectScores.version} + 1` })
          .where(eq(evalProjectScores.id, existing.id));
        id = existing.id;
      } else {
        const [row] = await tx
          .insert(evalProjectScores)
          .values({ roundId, projectId: project.id, organisationId: project.organisationId, ...values })
          .returning({ id: evalProjectScores.id });
        id = row.id;
      }
      audit.details = { roundId, phase: input.phase, total, indicatorSetVersion: set.version };
      return { id, total };
    },
  );
}

/** DT-30, SC-24, XZ-26: document review + third party + the public questionnaire per operating system. */
export async function recordEfficacy(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: {
    systemId: string;
    documentReview: Partial<Record<EfficacyDimension, number>>;
    thirdParty: Partial<Record<EfficacyDimension, number>>;
    evaluatorOrganisationId?: string;
    satisfaction?: number;
  },
): Promise<{ id: string; total: number | null; questionnaire: number | null }> {
  const caller = callerOfContext(deps, ctx);
  // The questionnaire is read before the transaction (another module's data, read only).
  const [sys] = await deps.db
    .select({ id: informationSystems.id })
    .from(informationSystems)
    .where(eq(informationSystems.id, input.systemId));
  const round = await deps.db
    .select({ year: evalRounds.year })
    .from(evalRounds)
    .where(eq(evalRounds.id, roundId));
  const fromQuestionnaire =
    input.satisfaction === undefined && sys && round[0] && deps.satisfactionScore
      ? await deps.satisfactionScore(deps.db, sys.id, round[0].year)
      : null;
  return runCommand(
    deps,
    ctx,
    { action: 'eval.efficacy', objectType: 'information_system', objectId: input.systemId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage');
      const article = rc.evaluationRules.efficacy.articles[0];
      const [system] = await tx
        .select({
          id: informationSystems.id,
          organisationId: informationSystems.ownerOrganisationId,
          status: informationSystems.status,
        })
        .from(informationSystems)
        .where(
          and(
            eq(informationSystems.id, input.systemId),
            eq(informationSystems.jurisdictionId, rc.round.jurisdictionId),
          ),
        );
      if (!system) throw notFound('系统不存在或不在本辖区');
      if (system.status !== 'in_operation')
        throw conflict('EVAL_SYSTEM_NOT_OPERATING', '应用效能评估针对运行中的系统', {
          field: 'systemId',
          article,
        });
      notOwnOrganisation(caller, system.organisationId, article);
      if (input.evaluatorOrganisationId) {
        const [org] = await tx
          .select({ kind: organisations.kind })
          .from(organisations)
          .where(
            and(
              eq(organisations.id, input.evaluatorOrganisationId),
              eq(organisations.jurisdictionId, rc.round.jurisdictionId),
            ),
          );
        if (org?.kind !== 'evaluator')
          throw invalid('EVAL_EVALUATOR_UNKNOWN', '所选单位不是本辖区的第三方评估机构', {
            field: 'evaluatorOrganisationId',
          });
      }
      const questionnaire = input.satisfaction ?? fromQuestionnaire;
      const result = efficacyScore({
        documentReview: input.documentReview,
        thirdParty: input.thirdParty,
        questionnaire,
      });
      const values = {
        organisationId: system.organisationId,
        documentReview: input.documentReview as Record<string, number>,
        thirdParty: input.thirdParty as Record<string, number>,
        evaluatorOrganisationId: input.evaluatorOrganisationId ?? null,
        questionnaireTenths: questionnaire === null ? null : Math.round(questionnaire * 10),
        dimensions: result.dimensions,
        totalTenths: result.total === null ? null : Math.round(result.total * 10),
        recordedBy: caller.userId,
        recordedAt: caller.now,
      };
      const [row] = await tx
        .insert(evalEfficacy)
        .values({ roundId, systemId: system.id, ...values })
        .onConflictDoUpdate({ target: [evalEfficacy.roundId, evalEfficacy.systemId], set: values })
        .returning({ id: evalEfficacy.id });
      audit.details = { roundId, total: result.total, questionnaire };
      return { id: row.id, total: result.total, questionnaire };
    },
  );
}

/**
 * Rolls the project scores up into each department's score and grade, written to
 * department_assessments (the reviewers of next year's applications see it, DT-31).
 */
export async function rollUpRound(
  deps: EvaluationDeps,
  ctx: CommandContext,
  roundId: string,
  input: { version: number },
): Promise<{ departments: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'eval.roll_up', objectType: 'eval_round', objectId: roundId },
    async (tx, audit) => {
      const rc = await loadRound(tx, caller, roundId, 'manage', true);
      if (rc.round.version !== input.version) throw versionConflict();
      if (rc.round.publishedAt) throw conflict('EVAL_ALREADY_PUBLISHED', '考核结果已公示，不能重新汇总');
      const scored = await tx
        .select({
          organisationId: evalProjectScores.organisationId,
          phase: evalProjectScores.phase,
          totalTenths: evalProjectScores.totalTenths,
        })
        .from(evalProjectScores)
        .where(eq(evalProjectScores.roundId, roundId));
      if (scored.length === 0)
        throw conflict('EVAL_NOTHING_SCORED', '尚无项目评分，不能汇总', {
          article: rc.evaluationRules.assessment.articles[0],
        });
      const results = rollUp(scored.map((s) => ({ ...s, score: s.totalTenths / 10 })));
      for (const r of results) {
        const summary = `${rc.round.year} 年度绩效考核：${r.projects} 个项目（建设中 ${r.construction}、运行中 ${r.operation}）`;
        await tx
          .insert(departmentAssessments)
          .values({
            organisationId: r.organisationId,
            year: rc.round.year,
            score: r.score,
            grade: r.grade,
            summary,
            recordedBy: caller.userId,
            createdAt: caller.now,
          })
          .onConflictDoUpdate({
            target: [departmentAssessments.organisationId, departmentAssessments.year],
            set: { score: r.score, grade: r.grade, summary, recordedBy: caller.userId },
          });
      }
      await tx
        .update(evalRounds)
        .set({ rolledUpAt: caller.now, version: sql`${evalRounds.version} + 1` })
        .where(eq(evalRounds.id, roundId));
      audit.details = { year: rc.round.year, departments: results.length };
      return { departments: results.length };
    },
  );
}

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

/** Ids helper for queries: the departments' names in one statement. */
export async function organisationNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
