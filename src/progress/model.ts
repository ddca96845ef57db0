/**
 * Progress, variance and risk (issue 12: DT-20, DT-21, SC-17, XZ-16) as pure functions: reporting
 * periods, schedule and cost variance of a report against a baseline, and the project's risk level
 * from facts. Nothing here is self-reported: the report gives milestones done, percent done and
 * funds used; variance and risk are computed. No clock and no I/O: "today" is a parameter.
 */
import { daysInMonth } from '../../shared/dates/dates.ts';
import type { IsoDate } from '../../shared/dates/types.ts';

/** What an adjustment application changes (建设内容、投资、进度、涉及的系统). */
export const CHANGE_KINDS = ['content', 'budget', 'schedule', 'systems'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_STATES = ['submitted', 'evaluated', 'approved', 'rejected', 'completed'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export interface Milestone {
  name: string;
  plannedOn: IsoDate;
}

/** Funds planned to be spent in a period (`YYYY-MM`, the period's first month), in fen. */
export interface PlannedFunds {
  period: string;
  amountFen: number;
}

export interface BaselineFacts {
  milestones: Milestone[];
  plannedFunds: PlannedFunds[];
  totalBudgetFen: number;
}

export interface ReportFacts {
  /** The last day of the reported period: the date the plan is compared at. */
  asOf: IsoDate;
  /** Milestones done, with the day each was done (null: not yet). */
  milestones: { name: string; doneOn: IsoDate | null }[];
  /** 0–100, as the department judges the work done. */
  percentDone: number;
  /** Funds used since the start, in fen (cumulative). */
  fundsUsedFen: number;
}

export interface Variance {
  /** Percent of the baseline's milestones planned on or before `asOf`. */
  plannedPercent: number;
  /** Percent done minus planned percent (percentage points; negative: behind schedule). */
  scheduleVariancePoints: number;
  /** Milestones planned on or before `asOf` that are not done by then. */
  lateMilestones: string[];
  /** Funds the baseline plans to have spent by the end of the period. */
  plannedFundsToDateFen: number;
  /** Earned value: percent done of the total budget. */
  earnedValueFen: number;
  /** Earned value minus funds used (negative: more spent than the work done is worth). */
  costVarianceFen: number;
  /** Cost variance as percent of the earned value; null when nothing is earned yet. */
  costVariancePercent: number | null;
  /** Funds used minus funds planned to date (positive: spending ahead of plan). */
  fundsVsPlanFen: number;
}

export type RiskLevel = 'low' | 'medium' | 'high';
export const RISK_LABELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高' };

/**
 * Thresholds of the risk level (a platform reading; the texts ask for 对照分析 and 评估资金使用 but
 * set no threshold): behind schedule or over cost by at least `medium` points/percent is medium,
 * by at least `high` is high.
 */
export const RISK_THRESHOLDS = { medium: 10, high: 20, overdueHigh: 2 } as const;

export interface RiskFacts {
  /** The latest report's variance against the current baseline; null when nothing is reported. */
  variance: Variance | null;
  /** Open obligations of the project past their due date (contract filing, reports, …). */
  overdueObligations: number;
  /** Rectification orders not yet found rectified (ordered, reported, failed or refused). */
  openRectifications: number;
}

export interface Risk {
  level: RiskLevel;
  /** Chinese: each fact that raised the level. */
  reasons: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The label (`YYYY-MM` of its first month) of the period that contains `date`. */
export function periodOf(date: IsoDate, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / months) * months + 1;
  return `${year}-${pad(first)}`;
}

/** First and last day of the period labelled `period`. */
export function periodBounds(period: string, months: number): { startOn: IsoDate; endOn: IsoDate } {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const lastIndex = month - 1 + months - 1;
  const endYear = year + Math.floor(lastIndex / 12);
  const endMonth = (lastIndex % 12) + 1;
  return {
    startOn: `${period}-01`,
    endOn: `${endYear}-${pad(endMonth)}-${pad(daysInMonth(endYear, endMonth))}`,
  };
}

/** The period after `period`. */
export function nextPeriod(period: string, months: number): string {
  const year = Number(period.slice(0, 4));
  const index = Number(period.slice(5, 7)) - 1 + months;
  return `${year + Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Every period from the one containing `from` to the one containing `to` (inclusive), at most `limit`. */
export function periodsBetween(from: IsoDate, to: IsoDate, months: number, limit = 120): string[] {
  const out: string[] = [];
  const last = periodOf(to, months);
  for (let p = periodOf(from, months); p <= last && out.length < limit; p = nextPeriod(p, months)) {
    out.push(p);
  }
  return out;
}

/** The day the baseline plans the work to end: its last milestone. */
export function plannedEnd(baseline: Pick<BaselineFacts, 'milestones'>): IsoDate | null {
  return baseline.milestones.reduce<IsoDate | null>(
    (m, s) => (m === null || s.plannedOn > m ? s.plannedOn : m),
    null,
  );
}

/** Schedule and cost variance of a report against a baseline (the current one, by the caller). */
export function variance(baseline: BaselineFacts, report: ReportFacts): Variance {
  const due = baseline.milestones.filter((m) => m.plannedOn <= report.asOf);
  const plannedPercent =
    baseline.milestones.length === 0 ? 0 : Math.round((due.length * 100) / baseline.milestones.length);
  const doneBy = new Map(report.milestones.map((m) => [m.name, m.doneOn]));
  const lateMilestones = due
    .filter((m) => {
      const done = doneBy.get(m.name);
      return done === undefined || done === null || done > report.asOf;
    })
    .map((m) => m.name);
  const plannedFundsToDateFen = baseline.plannedFunds
    .filter((f) => `${f.period}-01` <= report.asOf)
    .reduce((sum, f) => sum + f.amountFen, 0);
  const earnedValueFen = Math.round((baseline.totalBudgetFen * report.percentDone) / 100);
  const costVarianceFen = earnedValueFen - report.fundsUsedFen;
  return {
    plannedPercent,
    scheduleVariancePoints: report.percentDone - plannedPercent,
    lateMilestones,
    plannedFundsToDateFen,
    earnedValueFen,
    costVarianceFen,
    costVariancePercent:
      earnedValueFen === 0 ? null : Math.round((costVarianceFen * 1000) / earnedValueFen) / 10,
    fundsVsPlanFen: report.fundsUsedFen - plannedFundsToDateFen,
  };
}

/**
 * The risk level from facts, never self-reported: an open rectification order, two or more
 * overdue obligations, or a schedule/cost variance of −20 or worse is high; one overdue obligation,
 * a late milestone or a variance of −10 or worse is medium; otherwise low.
 */
export function riskOf(facts: RiskFacts): Risk {
  const high: string[] = [];
  const medium: string[] = [];
  if (facts.openRectifications > 0) high.push(`有 ${facts.openRectifications} 项未整改到位的整改通知`);
  if (facts.overdueObligations >= RISK_THRESHOLDS.overdueHigh) {
    high.push(`有 ${facts.overdueObligations} 项义务已逾期`);
  } else if (facts.overdueObligations > 0) {
    medium.push(`有 ${facts.overdueObligations} 项义务已逾期`);
  }
  const v = facts.variance;
  if (v) {
    const sv = v.scheduleVariancePoints;
    if (sv <= -RISK_THRESHOLDS.high) high.push(`进度落后计划 ${-sv} 个百分点`);
    else if (sv <= -RISK_THRESHOLDS.medium) medium.push(`进度落后计划 ${-sv} 个百分点`);
    const cv = v.costVariancePercent;
    if (cv !== null && cv <= -RISK_THRESHOLDS.high) high.push(`资金使用超出完成工作量 ${-cv}%`);
    else if (cv !== null && cv <= -RISK_THRESHOLDS.medium) medium.push(`资金使用超出完成工作量 ${-cv}%`);
    if (v.lateMilestones.length > 0) medium.push(`里程碑逾期未完成：${v.lateMilestones.join('、')}`);
  }
  if (high.length > 0) return { level: 'high', reasons: [...high, ...medium] };
  if (medium.length > 0) return { level: 'medium', reasons: medium };
  return { level: 'low', reasons: [] };
}
