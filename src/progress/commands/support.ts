/**
 * Progress commands (issue 12): the first baseline after 立项, periodic progress reports (each
 * meets its period's obligation), and adjustment applications (调整申请) evaluated and decided in the
 * order the rulebook gives (DT/SC/XZ: evaluate, then decide; JC 五.5: decide, then evaluate). An
 * approved application becomes the next baseline version. Who may act comes from the rulebook's
 * progress section; nobody evaluates or decides their own application.
 * This file holds what the commands of this folder (one per file) share.
 */

import { and, desc, eq } from 'drizzle-orm';
import { isIsoDate } from '../../calendar/index.ts';
import { findObligation, openObligation } from '../../obligations/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { yuanToFen } from '../../platform/documents/format.ts';
import { forbidden, invalid, notFound, refused, versionConflict } from '../../platform/errors.ts';
import {
  heldRoles,
  organisationsFor,
  type ProjectContext,
  parties,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { type ProgressActor, type ProgressRules, progressRulesFor } from '../../rules/index.ts';
import {
  type Milestone,
  type PlannedFunds,
  periodBounds,
  periodOf,
  periodsBetween,
  plannedEnd,
} from '../model.ts';
import { type ChangeKind, changeRequests, progressBaselines } from '../tables.ts';

export const REPORT_KIND = 'progress_report';

export interface BaselineInput {
  startOn: string;
  milestones: Milestone[];
  plannedFunds: { period: string; amount: string }[];
}

export interface ReportInput {
  period: string;
  milestones: { name: string; doneOn: string | null }[];
  percentDone: number;
  fundsUsed: string;
  note: string;
}

export interface ChangeInput extends Omit<BaselineInput, 'startOn'> {
  kinds: ChangeKind[];
  description: string;
  reason: string;
  totalBudget: string;
}

/** The progress rules of the project's rulebook, or a refusal when it has none. */
export function rulesOf(pc: ProjectContext): ProgressRules {
  const rules = progressRulesFor(pc.rulebook.id, pc.rulebook.derivedFrom?.id);
  if (!rules) throw invalid('NO_PROGRESS_RULES', '该项目适用的规则集没有进度与调整规定');
  return rules;
}

export function isEstablished(pc: ProjectContext): boolean {
  return pc.evaluation.steps.some(
    (s) => s.status === 'done' && s.outcome?.event === 'establishment_approved',
  );
}

/** The caller's role that plays `who` on this project, or null. */
export function actingAs(pc: ProjectContext, actor: Actor, who: ProgressActor) {
  const orgs = organisationsFor(pc.rulebook, who.org, parties(pc.bundle), pc.bindings);
  return heldRoles(actor).find((h) => who.roles.includes(h.role) && orgs.includes(h.organisationId)) ?? null;
}

export function requireActor(
  pc: ProjectContext,
  actor: Actor,
  who: ProgressActor,
  article: string,
  what: string,
) {
  const role = actingAs(pc, actor, who);
  if (!role) throw forbidden(`${what}由${who.name}办理`, 'NOT_PROGRESS_ACTOR', { article });
  return role;
}

export function requireEstablished(pc: ProjectContext, article: string) {
  if (!isEstablished(pc))
    throw refused('PROJECT_NOT_ESTABLISHED', '项目立项后方可填报进度和调整申请', article);
}

export function validatePlan(
  rules: ProgressRules,
  input: BaselineInput,
  totalBudgetFen: bigint,
): { milestones: Milestone[]; plannedFunds: PlannedFunds[] } {
  if (!isIsoDate(input.startOn)) throw invalid('INVALID_DATE', '开始日期无效', { field: 'startOn' });
  const names = new Set<string>();
  for (const m of input.milestones) {
    if (!isIsoDate(m.plannedOn)) throw invalid('INVALID_DATE', '里程碑计划日期无效', { field: 'milestones' });
    if (m.plannedOn < input.startOn)
      throw invalid('MILESTONE_BEFORE_START', `里程碑“${m.name}”早于开始日期`, { field: 'milestones' });
    const name = m.name.trim();
    if (names.has(name)) throw invalid('MILESTONE_DUPLICATE', `里程碑“${name}”重复`, { field: 'milestones' });
    names.add(name);
  }
  const months = rules.reports.periodMonths;
  const periods = new Set<string>();
  let sum = 0n;
  const plannedFunds: PlannedFunds[] = [];
  for (const f of input.plannedFunds) {
    if (
      !/^\d{4}-\d{2}$/.test(f.period) ||
      !isIsoDate(`${f.period}-01`) ||
      periodOf(`${f.period}-01`, months) !== f.period
    ) {
      throw invalid('PERIOD_INVALID', `计划资金期间 ${f.period} 不是填报周期的起始月份`, {
        field: 'plannedFunds',
      });
    }
    if (periods.has(f.period))
      throw invalid('PERIOD_DUPLICATE', `期间 ${f.period} 重复`, { field: 'plannedFunds' });
    periods.add(f.period);
    const fen = yuanToFen(f.amount);
    sum += fen;
    plannedFunds.push({ period: f.period, amountFen: Number(fen) });
  }
  if (sum > totalBudgetFen) {
    throw invalid('PLANNED_FUNDS_EXCEED_BUDGET', '各期计划资金合计超过项目总投资', { field: 'plannedFunds' });
  }
  const end = plannedEnd({ milestones: input.milestones });
  if (end && periodsBetween(input.startOn, end, months, 121).length > 120) {
    throw invalid('PLAN_TOO_LONG', '进度计划不超过 120 个填报周期', { field: 'milestones' });
  }
  return {
    milestones: input.milestones.map((m) => ({ name: m.name.trim(), plannedOn: m.plannedOn })),
    plannedFunds: plannedFunds.sort((a, b) => a.period.localeCompare(b.period)),
  };
}

export async function currentBaseline(q: Queryable, projectId: string) {
  const [row] = await q
    .select()
    .from(progressBaselines)
    .where(eq(progressBaselines.projectId, projectId))
    .orderBy(desc(progressBaselines.baselineVersion))
    .limit(1);
  return row ?? null;
}

/**
 * Opens the report obligation of each period from the start to the planned end that has none yet
 * (a new baseline adds the periods it adds). Only where the rulebook makes a report an obligation.
 */
export async function openReportObligations(
  tx: Tx,
  env: WorkflowEnv,
  pc: ProjectContext,
  rules: ProgressRules,
  startOn: string,
  milestones: Milestone[],
): Promise<number> {
  if (!rules.reports.obligation) return 0;
  const end = plannedEnd({ milestones });
  if (!end) return 0;
  const holder = organisationsFor(
    pc.rulebook,
    rules.reports.reporter.org,
    parties(pc.bundle),
    pc.bindings,
  )[0];
  if (!holder) return 0;
  const projectId = pc.bundle.project.id;
  let opened = 0;
  for (const period of periodsBetween(startOn, end, rules.reports.periodMonths)) {
    if (await findObligation(tx, { kind: REPORT_KIND, projectId, ref: period })) continue;
    await openObligation(tx, env, {
      kind: REPORT_KIND,
      projectId,
      ref: period,
      jurisdictionId: pc.bundle.project.jurisdictionId,
      holderOrganisationId: holder,
      title: `报送 ${period} 期项目进度报告`,
      articles: rules.reports.articles,
      anchorDate: periodBounds(period, rules.reports.periodMonths).endOn,
      amount: rules.reports.dueWorkingDays,
      unit: 'working_days',
      link: `/projects/${projectId}/progress`,
    });
    opened++;
  }
  return opened;
}

export async function lockRequest(tx: Tx, projectId: string, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, id), eq(changeRequests.projectId, projectId)))
    .for('update');
  if (!row) throw notFound('调整申请不存在或无权查看', 'CHANGE_NOT_FOUND');
  if (row.version !== version) throw versionConflict();
  return row;
}

export function notOwn(actor: Actor, row: { requestedBy: string }, article: string) {
  if (row.requestedBy === actor.userId) {
    throw forbidden('不得评估或决定本人提交的调整申请', 'OWN_REQUEST', { article });
  }
}
