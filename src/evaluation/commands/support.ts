/**
 * The evaluation year's writes (issue 14): one use case per file in this folder, each one
 * `runCommand` (open-round, submit-self-evaluation, spot-check, create-indicator-set, score-project,
 * record-efficacy, roll-up-round, publish-round, issue-/report-/close-rectification).
 *
 * What the evaluation commands share: their deps, the obligation kinds, the authority's
 * jurisdiction, the year's indicator set, a round's project and who owes its self-evaluation, and
 * the project timeline entry an evaluation writes (signed like the workflow's actions).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { CommandDeps } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { bindNamedOrganisation, loadDirectory, projects, stepsOf } from '../../projects/index.ts';
import type { EvaluationRules } from '../../rules/index.ts';
import { getRulebook } from '../../rules/index.ts';
import { insertAction } from '../../workflow/index.ts';
import type { RoundContext } from '../queries/round.ts';
import type { EvalCaller } from '../rules.ts';
import { evalIndicatorSets, evalRectifications, evalRounds } from '../tables.ts';

/** The questionnaire's satisfaction score (0–100) of a system and year; null when none answered. */
export type SatisfactionSource = (db: Queryable, systemId: string, year: number) => Promise<number | null>;

/** How the public rated systems in a year: counts of 1 … 5 分 (src/questionnaire). */
export type RatingDistributionSource = (
  db: Queryable,
  systemIds: readonly string[],
  year: number,
) => Promise<number[]>;

export interface EvaluationDeps extends CommandDeps {
  /** From src/questionnaire (`ratingDistribution`): the reports' satisfaction chart. */
  ratingDistribution?: RatingDistributionSource;
  /** Signs the project timeline entries (SM2, like the workflow's decisions); absent: unsigned. */
  keyring?: Keyring;
  /** From src/questionnaire (`satisfactionScore`, wired in src/app.ts); absent: the body's value only. */
  satisfactionScore?: SatisfactionSource;
}

export const SELF_EVALUATION_KIND = 'eval.self_evaluation';

export const RECTIFICATION_KIND = 'eval.rectification';

export const days = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function firstProblem(problems: { field: string; code: string; message: string }[], article: string) {
  if (problems.length === 0) return;
  const p = problems[0];
  throw invalid(p.code, p.message, { field: p.field, article, details: { problems } });
}

/** The authority's jurisdiction (its first authority assignment). */
export function authorityJurisdiction(caller: EvalCaller): string {
  const id = caller.scope.manageJurisdictions[0];
  if (!id) throw forbidden('年度考核由本辖区主管部门组织', 'EVAL_AUTHORITY_ONLY');
  return id;
}

export async function latestIndicatorSet(q: Queryable, jurisdictionId: string, year: number) {
  const [row] = await q
    .select()
    .from(evalIndicatorSets)
    .where(and(eq(evalIndicatorSets.jurisdictionId, jurisdictionId), eq(evalIndicatorSets.year, year)))
    .orderBy(desc(evalIndicatorSets.version))
    .limit(1);
  return row ?? null;
}

/** A project of the round's jurisdiction past 立项 (in construction or in operation). */
export async function roundProject(q: Queryable, rc: RoundContext, projectId: string) {
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
export async function selfEvaluationHolder(
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

/** Ids helper for queries: the departments' names in one statement. */
export async function organisationNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The event an evaluation writes on a project's timeline (the rulebook's operation-stage outcome). */
export type TimelineEvent = 'self_evaluation_submitted' | 'evaluation_result_issued';

/**
 * Writes a self-evaluation or an evaluation result on the project's timeline (project_actions,
 * kind `evaluation`, signed like the workflow's actions). The rulebook step whose outcome it is
 * names the entry; it is not a `step` action, so the workflow's state is left as it is.
 */
export async function timelineEvent(
  tx: Tx,
  deps: EvaluationDeps,
  caller: EvalCaller,
  actor: Actor,
  entry: {
    projectId: string;
    baseCode: string | null;
    event: TimelineEvent;
    organisationId: string | null;
    opinion: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  const steps = entry.baseCode ? stepsOf(getRulebook(entry.baseCode)) : [];
  const step = steps.find((s) => s.step.outcomes.some((o) => o.event === entry.event));
  const role =
    caller.assignments.find((a) => a.organisationId === entry.organisationId) ??
    caller.assignments.find((a) => caller.scope.manageJurisdictions.includes(a.jurisdictionId)) ??
    null;
  await insertAction(tx, { now: caller.now, today: caller.today }, actor, entry.projectId, {
    kind: 'evaluation',
    stepId: step?.step.id ?? null,
    event: entry.event,
    opinion: entry.opinion,
    details: entry.details,
    role,
    ...(deps.keyring ? { sign: deps.keyring } : {}),
  });
}

export async function lockRectification(tx: Tx, caller: EvalCaller, id: string) {
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
