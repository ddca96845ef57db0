/** Planned vs actual series of the progress chart (pure, unit-tested). */
import type { Baseline, ProgressReport } from './api.ts';

export interface ProgressSeries {
  periods: string[];
  plannedFunds: number[];
  actualFunds: (number | null)[];
  plannedPercent: number[];
  actualPercent: (number | null)[];
}

/** Cumulative planned funds and planned percent of milestones per period, against the reports. */
export function progressSeries(baseline: Baseline | null, reports: ProgressReport[]): ProgressSeries {
  const periods = [
    ...new Set([...(baseline?.plannedFunds.map((f) => f.period) ?? []), ...reports.map((r) => r.period)]),
  ].sort();
  const byPeriod = new Map(reports.map((r) => [r.period, r]));
  const milestones = baseline?.milestones ?? [];
  let cumulative = 0;
  const plannedFunds: number[] = [];
  const plannedPercent: number[] = [];
  for (const p of periods) {
    cumulative += Number(baseline?.plannedFunds.find((f) => f.period === p)?.amount ?? 0);
    plannedFunds.push(cumulative);
    const end = `${p}-31`;
    const due = milestones.filter((m) => m.plannedOn <= end).length;
    plannedPercent.push(milestones.length === 0 ? 0 : Math.round((due * 100) / milestones.length));
  }
  return {
    periods,
    plannedFunds,
    actualFunds: periods.map((p) => (byPeriod.has(p) ? Number(byPeriod.get(p)?.fundsUsed) : null)),
    plannedPercent,
    actualPercent: periods.map((p) => byPeriod.get(p)?.percentDone ?? null),
  };
}
