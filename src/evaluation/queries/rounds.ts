/**
 * Reads of the evaluation year: visibility, filters and joins in SQL (a department sees its own
 * organisation's rows, the authority and the oversight roles their jurisdiction's). A round's page
 * is a fixed number of statements.
 */

import { and, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import { obligations } from '../../obligations/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { notFound } from '../../platform/errors.ts';
import { projects } from '../../projects/index.ts';
import { RECTIFICATION_KIND, SELF_EVALUATION_KIND } from '../commands/support.ts';
import type { EvalCaller } from '../rules.ts';
import {
  evalEfficacy,
  evalIndicatorSets,
  evalProjectScores,
  evalRectifications,
  evalRounds,
  evalSelfEvaluations,
  evalSpotChecks,
} from '../tables.ts';
import { departmentResults } from './department-results.ts';
import { loadRound } from './round.ts';

const fenToYuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/** Jurisdictions whose rounds the caller sees. */
function roundJurisdictions(caller: EvalCaller): string[] {
  const own = caller.assignments
    .filter((a) => caller.scope.ownOrganisations.includes(a.organisationId))
    .map((a) => a.jurisdictionId);
  return [...new Set([...caller.scope.readJurisdictions, ...own])];
}

/** Rows of `organisationColumn` the caller sees within a round of `jurisdictionId`. */
function orgVisible(
  caller: EvalCaller,
  jurisdictionId: string,
  organisationColumn: SQL | typeof projects.ownerOrganisationId,
): SQL | undefined {
  if (caller.scope.readJurisdictions.includes(jurisdictionId)) return undefined;
  const own = caller.scope.ownOrganisations;
  return own.length ? inArray(organisationColumn as typeof projects.ownerOrganisationId, own) : sql`false`;
}

/** Projects: the department's own, and those whose self-evaluation it owes (XZ: the data center). */
function projectVisible(caller: EvalCaller, jurisdictionId: string): SQL | undefined {
  if (caller.scope.readJurisdictions.includes(jurisdictionId)) return undefined;
  const own = caller.scope.ownOrganisations;
  return own.length
    ? or(inArray(projects.ownerOrganisationId, own), inArray(obligations.holderOrganisationId, own))
    : sql`false`;
}

export async function listRounds(q: Queryable, caller: EvalCaller) {
  const ids = roundJurisdictions(caller);
  if (ids.length === 0) return { items: [] };
  const rows = await q
    .select({
      id: evalRounds.id,
      year: evalRounds.year,
      dueDate: evalRounds.dueDate,
      jurisdictionId: evalRounds.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      rolledUpAt: evalRounds.rolledUpAt,
      publishedAt: evalRounds.publishedAt,
      version: evalRounds.version,
    })
    .from(evalRounds)
    .innerJoin(jurisdictions, eq(jurisdictions.id, evalRounds.jurisdictionId))
    .where(inArray(evalRounds.jurisdictionId, ids))
    .orderBy(desc(evalRounds.year), jurisdictions.name);
  return {
    items: rows.map((r) => ({
      ...r,
      rolledUpAt: r.rolledUpAt?.toISOString() ?? null,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      manage: caller.scope.manageJurisdictions.includes(r.jurisdictionId),
    })),
  };
}

export async function roundDetail(q: Queryable, caller: EvalCaller, id: string) {
  const rc = await loadRound(q, caller, id, 'read');
  const { round } = rc;
  const [set] = await q
    .select()
    .from(evalIndicatorSets)
    .where(
      and(eq(evalIndicatorSets.jurisdictionId, round.jurisdictionId), eq(evalIndicatorSets.year, round.year)),
    )
    .orderBy(desc(evalIndicatorSets.version))
    .limit(1);
  const projectRows = await q
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      organisationId: projects.ownerOrganisationId,
      organisationName: organisations.name,
      selfEvaluationId: evalSelfEvaluations.id,
      targets: evalSelfEvaluations.targets,
      fundsUsedFen: evalSelfEvaluations.fundsUsedFen,
      outputs: evalSelfEvaluations.outputs,
      effects: evalSelfEvaluations.effects,
      problems: evalSelfEvaluations.problems,
      submittedAt: evalSelfEvaluations.submittedAt,
      spotConclusion: evalSpotChecks.conclusion,
      spotKeyProject: evalSpotChecks.keyProject,
      spotFindings: evalSpotChecks.findings,
      scoreId: evalProjectScores.id,
      phase: evalProjectScores.phase,
      scores: evalProjectScores.scores,
      totalTenths: evalProjectScores.totalTenths,
      scoreVersion: evalProjectScores.version,
      obligationState: obligations.state,
      obligationDue: obligations.dueDate,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .leftJoin(
      evalSelfEvaluations,
      and(eq(evalSelfEvaluations.projectId, projects.id), eq(evalSelfEvaluations.roundId, round.id)),
    )
    .leftJoin(evalSpotChecks, eq(evalSpotChecks.selfEvaluationId, evalSelfEvaluations.id))
    .leftJoin(
      evalProjectScores,
      and(eq(evalProjectScores.projectId, projects.id), eq(evalProjectScores.roundId, round.id)),
    )
    .leftJoin(
      obligations,
      and(
        eq(obligations.projectId, projects.id),
        eq(obligations.kind, SELF_EVALUATION_KIND),
        eq(obligations.ref, String(round.year)),
      ),
    )
    .where(
      and(
        eq(projects.jurisdictionId, round.jurisdictionId),
        or(eq(projects.state, 'established'), isNotNull(evalSelfEvaluations.id)),
        projectVisible(caller, round.jurisdictionId),
      ),
    )
    .orderBy(organisations.name, projects.code, projects.id);
  const efficacyRows = await q
    .select({
      id: evalEfficacy.id,
      systemId: evalEfficacy.systemId,
      systemName: informationSystems.name,
      organisationName: organisations.name,
      dimensions: evalEfficacy.dimensions,
      questionnaireTenths: evalEfficacy.questionnaireTenths,
      totalTenths: evalEfficacy.totalTenths,
    })
    .from(evalEfficacy)
    .innerJoin(informationSystems, eq(informationSystems.id, evalEfficacy.systemId))
    .innerJoin(organisations, eq(organisations.id, evalEfficacy.organisationId))
    .where(
      and(
        eq(evalEfficacy.roundId, round.id),
        orgVisible(caller, round.jurisdictionId, evalEfficacy.organisationId as never),
      ),
    )
    .orderBy(organisations.name, informationSystems.name, evalEfficacy.id);
  const rectRows = await q
    .select({
      id: evalRectifications.id,
      organisationId: evalRectifications.organisationId,
      organisationName: organisations.name,
      projectId: evalRectifications.projectId,
      systemId: evalRectifications.systemId,
      source: evalRectifications.source,
      finding: evalRectifications.finding,
      opinion: evalRectifications.opinion,
      deadline: evalRectifications.deadline,
      state: evalRectifications.state,
      report: evalRectifications.report,
      reportedOn: evalRectifications.reportedOn,
      closedOn: evalRectifications.closedOn,
      version: evalRectifications.version,
      obligationState: obligations.state,
      late: obligations.late,
    })
    .from(evalRectifications)
    .innerJoin(organisations, eq(organisations.id, evalRectifications.organisationId))
    .leftJoin(
      obligations,
      and(eq(obligations.kind, RECTIFICATION_KIND), sql`${obligations.ref} = ${evalRectifications.id}::text`),
    )
    .where(
      and(
        eq(evalRectifications.roundId, round.id),
        orgVisible(caller, round.jurisdictionId, evalRectifications.organisationId as never),
      ),
    )
    .orderBy(evalRectifications.deadline, evalRectifications.id);
  const results = await departmentResults(q, round.jurisdictionId, round.year, (col) =>
    orgVisible(caller, round.jurisdictionId, col as never),
  );
  const overdue = (state: string | null, due: string | null) =>
    state === 'overdue' ||
    (state !== null && ['open', 'extended'].includes(state) && due !== null && due < caller.today);
  return {
    id: round.id,
    year: round.year,
    dueDate: round.dueDate,
    jurisdictionId: round.jurisdictionId,
    jurisdictionName: rc.jurisdictionName,
    version: round.version,
    rolledUpAt: round.rolledUpAt?.toISOString() ?? null,
    publishedAt: round.publishedAt?.toISOString() ?? null,
    manage: caller.scope.manageJurisdictions.includes(round.jurisdictionId),
    spotCheck: rc.evaluationRules.spotCheck
      ? {
          financeName: rc.evaluationRules.spotCheck.financeName,
          articles: rc.evaluationRules.spotCheck.articles,
        }
      : null,
    articles: {
      selfEvaluation: rc.evaluationRules.selfEvaluation.articles,
      assessment: rc.evaluationRules.assessment.articles,
      efficacy: rc.evaluationRules.efficacy.articles,
      rectification: rc.evaluationRules.rectification.articles,
      publication: rc.evaluationRules.publication?.articles ?? [],
    },
    indicatorSet: set
      ? { id: set.id, version: set.version, indicators: set.indicators, note: set.note }
      : null,
    projects: projectRows.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      selfEvaluation: p.selfEvaluationId
        ? {
            id: p.selfEvaluationId,
            targets: p.targets ?? [],
            fundsUsed: fenToYuan(p.fundsUsedFen ?? 0n),
            outputs: p.outputs ?? '',
            effects: p.effects ?? '',
            problems: p.problems ?? '',
            submittedAt: p.submittedAt?.toISOString() ?? '',
            spotCheck: p.spotConclusion
              ? {
                  conclusion: p.spotConclusion,
                  keyProject: p.spotKeyProject ?? false,
                  findings: p.spotFindings ?? '',
                }
              : null,
          }
        : null,
      obligation: p.obligationState
        ? {
            state: p.obligationState,
            dueDate: p.obligationDue,
            overdue: overdue(p.obligationState, p.obligationDue),
          }
        : null,
      score:
        p.scoreId && p.phase
          ? {
              phase: p.phase,
              scores: p.scores ?? [],
              total: (p.totalTenths ?? 0) / 10,
              version: p.scoreVersion ?? 1,
            }
          : null,
    })),
    efficacy: efficacyRows.map((e) => ({
      ...e,
      questionnaire: e.questionnaireTenths === null ? null : e.questionnaireTenths / 10,
      total: e.totalTenths === null ? null : e.totalTenths / 10,
    })),
    rectifications: rectRows.map((r) => ({
      ...r,
      obligationState: r.obligationState ?? null,
      late: r.late ?? false,
      overdue: r.state !== 'closed' && r.deadline < caller.today,
    })),
    results,
  };
}

export type RoundDetail = Awaited<ReturnType<typeof roundDetail>>;

/** A department of the round's jurisdiction, for its annual report (404 outside the caller's view). */
export function departmentOf(detail: RoundDetail, organisationId: string) {
  const result = detail.results.find((r) => r.organisationId === organisationId);
  const projectsOf = detail.projects.filter((p) => p.organisationId === organisationId);
  if (!result && projectsOf.length === 0) throw notFound('部门不存在或无权查看');
  return { result, projects: projectsOf };
}
