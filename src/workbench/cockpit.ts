/**
 * The authority cockpit (issue 17): projects by state and by department, money requested and
 * approved (立项) by budget year — SQL aggregates over the projects the caller may see. Each figure
 * carries the filter of the list behind it (state, organisationId) so a chart click drills down.
 * Disbursements, overdue obligations, grades and open incidents: src/workbench/cockpit-figures.ts.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, eq, inArray, sql, sum } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { organisations } from '../db/schema.ts';
import { fenToYuan } from '../documents/format.ts';
import { errors } from '../http/schemas.ts';
import type { Actor } from '../identity/actor.ts';
import { labelOf, PROJECT_STATES } from '../projects/model.ts';
import { loadWorkflowEnv, visibleProjectIds } from '../projects/repository.ts';
import { projectBudgetYears, projects } from '../projects/tables.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import {
  CockpitFigures,
  DisbursedList,
  DisbursedQuery,
  departmentGrades,
  disbursedByYear,
  disbursedOfYear,
  openIncidents,
  overdueObligations,
} from './cockpit-figures.ts';

const strict = { additionalProperties: false } as const;
const S = Type.String();
const N = Type.Integer();

export const Cockpit = Type.Object(
  {
    generatedAt: S,
    totals: Type.Object({ projects: N, requested: S, approved: S }, strict),
    byState: Type.Array(Type.Object({ state: S, stateName: S, count: N }, strict)),
    byDepartment: Type.Array(
      Type.Object(
        {
          organisationId: S,
          organisationName: S,
          total: N,
          states: Type.Array(Type.Object({ state: S, count: N }, strict)),
        },
        strict,
      ),
    ),
    moneyByYear: Type.Array(Type.Object({ year: N, requested: S, approved: S }, strict)),
    ...CockpitFigures,
  },
  strict,
);

const actorOf = (req: FastifyRequest): Actor => req.actor!;
const yuan = (fen: string | null | bigint) => fenToYuan(BigInt(fen ?? 0));

export function registerCockpitRoutes(fastify: FastifyInstance, deps: ProjectDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/cockpit/disbursed',
    {
      schema: {
        tags: ['工作台'],
        summary: '驾驶舱“已拨付”下钻：某预算年度已批准的拨付（限本人可见的项目；合计与图中数字一致）',
        querystring: DisbursedQuery,
        response: { 200: DisbursedList, ...errors },
      },
    },
    async (req) => {
      const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      const ids = await visibleProjectIds(deps.db, env, actorOf(req));
      return disbursedOfYear(deps.db, ids, req.query);
    },
  );

  app.get(
    '/api/cockpit',
    {
      schema: {
        tags: ['工作台'],
        summary:
          '领导驾驶舱：项目按状态、部门统计，分年度申请、立项与拨付金额，逾期事项、部门考核等次与未办结安全事件（均限本人可见范围）',
        response: { 200: Cockpit, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      const ids = await visibleProjectIds(deps.db, env, actor);
      const generatedAt = env.now.toISOString();
      const figures = async () => {
        const [disbursed, overdue, grades, incidents] = await Promise.all([
          disbursedByYear(deps.db, ids),
          overdueObligations(deps.db, env, actor, ids),
          departmentGrades(deps.db, env, actor),
          openIncidents(deps.db, actor, env.now),
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
        deps.db
          .select({ state: projects.state, n: count() })
          .from(projects)
          .where(visible)
          .groupBy(projects.state),
        deps.db
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
        deps.db
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
        deps.db
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
    },
  );
}
