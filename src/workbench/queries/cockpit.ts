/**
 * The authority cockpit (issue 17): projects by state and by department, money requested and
 * approved (立项) by budget year — SQL aggregates over the projects the caller may see. Each figure
 * carries the filter of the list behind it (state, organisationId) so a chart click drills down.
 * Disbursements, overdue obligations, grades and open incidents: ./cockpit-figures.ts.
 */
import { and, count, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { fenToYuan } from '../../platform/documents/format.ts';
import {
  labelOf,
  PROJECT_STATES,
  projectBudgetYears,
  projects,
  visibleProjectIds,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { departmentGrades, disbursedByYear, openIncidents, overdueObligations } from './cockpit-figures.ts';

const yuan = (fen: string | null | bigint) => fenToYuan(BigInt(fen ?? 0));

export async function cockpitOf(db: Queryable, env: WorkflowEnv, actor: Actor) {
  const ids = await visibleProjectIds(db, env, actor);
  const generatedAt = env.now.toISOString();
  const figures = async () => {
    const [disbursed, overdue, grades, incidents] = await Promise.all([
      disbursedByYear(db, ids),
      overdueObligations(db, env, actor, ids),
      departmentGrades(db, env, actor),
      openIncidents(db, actor, env.now),
    ]);
    return { disbursedByYear: disbursed, overdueObligations: overdue, grades, openIncidents: incidents };
  };
  if (ids.length === 0)
    return {
      generatedAt,
      totals: { projects: 0, requested: '0.00', approved: '0.00' },
      byState: [],
      byDepartment: [],
      moneyByYear: [],
      ...(await figures()),
    };
  const visible = inArray(projects.id, ids);
  const established = sql`${projects.state} = 'established'`;
  const [states, departments, money, totals] = await Promise.all([
    db.select({ state: projects.state, n: count() }).from(projects).where(visible).groupBy(projects.state),
    db
      .select({
        organisationId: projects.ownerOrganisationId,
        organisationName: organisations.name,
        state: projects.state,
        n: count(),
      })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
      .where(visible)
      .groupBy(projects.ownerOrganisationId, organisations.name, projects.state),
    db
      .select({
        year: projectBudgetYears.year,
        requested: sum(projectBudgetYears.amountFen),
        approved: sql<
          string | null
        >`sum(case when ${established} then ${projectBudgetYears.amountFen} else 0 end)`,
      })
      .from(projectBudgetYears)
      .innerJoin(projects, eq(projects.id, projectBudgetYears.projectId))
      .where(visible)
      .groupBy(projectBudgetYears.year)
      .orderBy(projectBudgetYears.year),
    db
      .select({
        n: count(),
        requested: sum(projects.totalBudgetFen),
        approved: sql<
          string | null
        >`sum(case when ${established} then ${projects.totalBudgetFen} else 0 end)`,
      })
      .from(projects)
      .where(and(visible)),
  ]);
  const order = PROJECT_STATES.map((s) => s.code as string);
  const byDept = new Map<
    string,
    {
      organisationId: string;
      organisationName: string;
      total: number;
      states: { state: string; count: number }[];
    }
  >();
  for (const d of departments) {
    const entry = byDept.get(d.organisationId) ?? {
      organisationId: d.organisationId,
      organisationName: d.organisationName,
      total: 0,
      states: [],
    };
    entry.total += d.n;
    entry.states.push({ state: d.state, count: d.n });
    byDept.set(d.organisationId, entry);
  }
  return {
    generatedAt,
    totals: {
      projects: totals[0].n,
      requested: yuan(totals[0].requested),
      approved: yuan(totals[0].approved),
    },
    byState: states
      .map((s) => ({ state: s.state, stateName: labelOf(PROJECT_STATES, s.state), count: s.n }))
      .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state)),
    byDepartment: [...byDept.values()]
      .map((d) => ({
        ...d,
        states: d.states.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state)),
      }))
      .sort((a, b) => b.total - a.total || a.organisationName.localeCompare(b.organisationName, 'zh')),
    moneyByYear: money.map((m) => ({
      year: m.year,
      requested: yuan(m.requested),
      approved: yuan(m.approved),
    })),
    ...(await figures()),
  };
}
