/**
 * Progress commands (issue 12): the first baseline after 立项, periodic progress reports (each
 * meets its period's obligation), and adjustment applications (调整申请) evaluated and decided in the
 * order the rulebook gives (DT/SC/XZ: evaluate, then decide; JC 五.5: decide, then evaluate). An
 * approved application becomes the next baseline version. Who may act comes from the rulebook's
 * progress section; nobody evaluates or decides their own application.
 */
import { and, desc, eq } from 'drizzle-orm';
import { isIsoDate } from '../calendar/index.ts';
import { findObligation, LIVE_STATES, meetObligation, openObligation } from '../obligations/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { CommandContext } from '../platform/command.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { conflict, forbidden, invalid, refused } from '../platform/errors.ts';
import {
  heldRoles,
  organisationsFor,
  type ProjectContext,
  parties,
  type WorkflowEnv,
} from '../projects/index.ts';
import { type ProgressActor, type ProgressRules, progressRulesFor } from '../rules/index.ts';
import { type ProjectDeps, projectCommand } from '../workflow/index.ts';
import {
  type Milestone,
  type PlannedFunds,
  periodBounds,
  periodOf,
  periodsBetween,
  plannedEnd,
} from './model.ts';
import { type ChangeKind, progressBaselines, progressReports } from './tables.ts';

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

/** The first baseline: planned milestones and funds against the approved application's total budget. */
export async function createBaseline(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: BaselineInput,
): Promise<number> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'progress.baseline', objectType: 'project', objectId: projectId },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.reports.articles[0];
      const role = requireActor(pc, actor, rules.reports.reporter, article, '进度计划');
      requireEstablished(pc, article);
      if (await currentBaseline(tx, projectId)) {
        throw refused('BASELINE_EXISTS', '进度计划已建立；调整须提交调整申请', rules.changes.articles[0]);
      }
      const total = pc.bundle.project.totalBudgetFen;
      const plan = validatePlan(rules, input, total);
      await tx.insert(progressBaselines).values({
        projectId,
        baselineVersion: 1,
        startOn: input.startOn,
        milestones: plan.milestones,
        plannedFunds: plan.plannedFunds,
        totalBudgetFen: total,
        createdBy: actor.userId,
        createdAt: env.now,
      });
      const opened = await openReportObligations(tx, env, pc, rules, input.startOn, plan.milestones);
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { baselineVersion: 1, milestones: plan.milestones.length, obligations: opened };
      return 1;
    },
    { refresh: false },
  );
}

/** A periodic progress report: what was done; variance and risk are computed on read. */
export async function submitReport(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: ReportInput,
): Promise<{ id: string; late: boolean }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'progress.report',
      objectType: 'project',
      objectId: projectId,
      details: { period: input.period },
    },
    async ({ tx, audit, pc }) => {
      const rules = rulesOf(pc);
      const article = rules.reports.articles[0];
      const role = requireActor(pc, actor, rules.reports.reporter, article, '进度报告');
      requireEstablished(pc, article);
      const baseline = await currentBaseline(tx, projectId);
      if (!baseline) throw refused('BASELINE_REQUIRED', '请先建立进度计划（里程碑、各期计划资金）', article);
      const months = rules.reports.periodMonths;
      if (
        !/^\d{4}-\d{2}$/.test(input.period) ||
        !isIsoDate(`${input.period}-01`) ||
        periodOf(`${input.period}-01`, months) !== input.period
      ) {
        throw invalid('PERIOD_INVALID', `${input.period} 不是填报周期的起始月份`, { field: 'period' });
      }
      const bounds = periodBounds(input.period, months);
      if (bounds.startOn > env.today)
        throw invalid('PERIOD_IN_FUTURE', '该填报期尚未开始', { field: 'period' });
      const known = new Set(baseline.milestones.map((m) => m.name));
      for (const m of input.milestones) {
        if (!known.has(m.name))
          throw invalid('MILESTONE_UNKNOWN', `当前进度计划没有里程碑“${m.name}”`, { field: 'milestones' });
        if (m.doneOn !== null && (!isIsoDate(m.doneOn) || m.doneOn > env.today)) {
          throw invalid('INVALID_DATE', `里程碑“${m.name}”的完成日期无效或晚于今天`, { field: 'milestones' });
        }
      }
      const [dup] = await tx
        .select({ id: progressReports.id })
        .from(progressReports)
        .where(and(eq(progressReports.projectId, projectId), eq(progressReports.period, input.period)));
      if (dup) throw conflict('REPORT_EXISTS', `${input.period} 期进度报告已报送`, { field: 'period' });
      const asOf = [bounds.endOn, env.today].sort()[0];
      const [row] = await tx
        .insert(progressReports)
        .values({
          projectId,
          period: input.period,
          asOf,
          baselineVersion: baseline.baselineVersion,
          milestones: input.milestones,
          percentDone: input.percentDone,
          fundsUsedFen: yuanToFen(input.fundsUsed),
          note: input.note.trim(),
          reportedBy: actor.userId,
          reportedOn: env.today,
          createdAt: env.now,
        })
        .returning({ id: progressReports.id });
      const key = { kind: REPORT_KIND, projectId, ref: input.period };
      const obligation = await findObligation(tx, key);
      let late = false;
      if (obligation && LIVE_STATES.includes(obligation.state)) {
        late = (await meetObligation(tx, env, key, { on: env.today, by: actor.userId })).late;
      }
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { period: input.period, baselineVersion: baseline.baselineVersion, late };
      return { id: row.id, late };
    },
    { refresh: false },
  );
}
