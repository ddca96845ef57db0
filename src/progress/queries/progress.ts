/**
 * The progress page of a project: every baseline version (the current one last), the reports with
 * their variance against the CURRENT baseline, the adjustment applications, and the risk level
 * computed from facts (overdue obligations, open rectification orders, the latest variance).
 * A fixed number of statements, whatever the number of reports.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { rectificationOrders } from '../../construction/index.ts';
import { users } from '../../identity/index.ts';
import { obligations } from '../../obligations/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import type { ProgressRules } from '../../rules/index.ts';
import { type Risk, riskOf, type Variance, variance } from '../model.ts';
import { changeRequests, progressBaselines, progressReports } from '../tables.ts';

export type BaselineRow = typeof progressBaselines.$inferSelect;
export type ReportRow = typeof progressReports.$inferSelect;
export type ChangeRow = typeof changeRequests.$inferSelect & {
  requestedByName: string;
  evaluatedByName: string | null;
  decidedByName: string | null;
};

export interface ProgressView {
  baselines: BaselineRow[];
  current: BaselineRow | null;
  reports: (ReportRow & { reportedByName: string; variance: Variance | null })[];
  changes: ChangeRow[];
  risk: Risk & { overdueObligations: number; openRectifications: number };
}

export async function progressOf(
  q: Queryable,
  projectId: string,
  today: string,
  _rules: ProgressRules,
): Promise<ProgressView> {
  const evaluator = sql<
    string | null
  >`(select display_name from users u where u.id = ${changeRequests.evaluatedBy})`;
  const decider = sql<
    string | null
  >`(select display_name from users u where u.id = ${changeRequests.decidedBy})`;
  const [baselines, reports, changes, [counts]] = await readAll(q, [
    q
      .select()
      .from(progressBaselines)
      .where(eq(progressBaselines.projectId, projectId))
      .orderBy(asc(progressBaselines.baselineVersion)),
    q
      .select({ report: progressReports, reportedByName: users.displayName })
      .from(progressReports)
      .innerJoin(users, eq(users.id, progressReports.reportedBy))
      .where(eq(progressReports.projectId, projectId))
      .orderBy(asc(progressReports.period)),
    q
      .select({
        change: changeRequests,
        requestedByName: users.displayName,
        evaluatedByName: evaluator,
        decidedByName: decider,
      })
      .from(changeRequests)
      .innerJoin(users, eq(users.id, changeRequests.requestedBy))
      .where(eq(changeRequests.projectId, projectId))
      .orderBy(asc(changeRequests.createdAt), asc(changeRequests.id)),
    q
      .select({
        overdue: sql<number>`(select count(*)::int from ${obligations} o where o.project_id = ${projectId}
          and o.state in ('open', 'extended', 'overdue')
          and (o.state = 'overdue' or (o.due_date is not null and o.due_date < ${today})))`,
        rectifications: sql<number>`(select count(*)::int from ${rectificationOrders} r
          where r.project_id = ${projectId} and r.state <> 'rectified')`,
      })
      .from(sql`(select 1) as one`),
  ]);
  const current = baselines.at(-1) ?? null;
  const facts = (b: BaselineRow) => ({
    milestones: b.milestones,
    plannedFunds: b.plannedFunds,
    totalBudgetFen: Number(b.totalBudgetFen),
  });
  const withVariance = reports.map(({ report, reportedByName }) => ({
    ...report,
    reportedByName,
    variance: current
      ? variance(facts(current), {
          asOf: report.asOf,
          milestones: report.milestones,
          percentDone: report.percentDone,
          fundsUsedFen: Number(report.fundsUsedFen),
        })
      : null,
  }));
  const overdueObligations = Number(counts?.overdue ?? 0);
  const openRectifications = Number(counts?.rectifications ?? 0);
  const risk = riskOf({
    variance: withVariance.at(-1)?.variance ?? null,
    overdueObligations,
    openRectifications,
  });
  return {
    baselines,
    current,
    reports: withVariance,
    changes: changes.map((c) => ({
      ...c.change,
      requestedByName: c.requestedByName,
      evaluatedByName: c.evaluatedByName,
      decidedByName: c.decidedByName,
    })),
    risk: { ...risk, overdueObligations, openRectifications },
  };
}
