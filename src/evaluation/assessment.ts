/**
 * The yearly assessment (DT-07, DT-28, DT-30, DT-31, SC-24, XZ-25, XZ-26): indicator sets, project
 * scores, efficacy evaluations, the roll-up into department_assessments and publication.
 */
import { and, eq, sql } from 'drizzle-orm';
import { informationSystems } from '../catalog/index.ts';
import type { Actor } from '../platform/actor.ts';
import { type CommandContext, runCommand } from '../platform/command.ts';
import { organisations } from '../platform/db/core.ts';
import { conflict, invalid, notFound } from '../platform/errors.ts';
import { departmentAssessments } from '../review/index.ts';
import {
  type EfficacyDimension,
  efficacyProblems,
  efficacyScore,
  type Indicator,
  indicatorSetProblems,
  type ProjectPhase,
  projectScore,
  rollUp,
  scoreProblems,
} from '../rules/index.ts';
import {
  type EvaluationDeps,
  firstProblem,
  latestIndicatorSet,
  roundProject,
  timelineEvent,
} from './command-support.ts';
import { callerOfContext, loadRound, notOwnOrganisation, versionConflict } from './context.ts';
import { evalEfficacy, evalIndicatorSets, evalProjectScores, evalRounds } from './tables.ts';

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
      await timelineEvent(tx, deps, caller, ctx.actor as Actor, {
        projectId: project.id,
        baseCode: rc.baseCode,
        event: 'evaluation_result_issued',
        organisationId: null,
        opinion: `${rc.round.year} 年度绩效考核评分：${total} 分（${input.phase === 'construction' ? '建设中' : '运行中'}）`,
        details: {
          roundId,
          source: 'assessment',
          phase: input.phase,
          total,
          indicatorSetVersion: set.version,
        },
      });
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
      firstProblem(
        efficacyProblems({
          documentReview: input.documentReview,
          thirdParty: input.thirdParty,
          questionnaire,
          evaluatorOrganisationId: input.evaluatorOrganisationId ?? null,
        }),
        article,
      );
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
