/** Reading plans (the list's page is plan-list.ts): one plan as the caller may see them, their entries, linkable entries. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Queryable } from '../platform/db/client.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import { notFound } from '../platform/errors.ts';
import {
  labelOf,
  loadDirectory,
  PLAN_DECISIONS,
  PLAN_KINDS,
  PLAN_SCOPES,
  PLAN_STATUSES,
  planEntries,
  plans,
  projects,
} from '../projects/index.ts';
import type { RulebookRegistry } from '../rules/index.ts';
import { canSeePlan, chainOfPlan, type PlanRow } from './actors.ts';

export interface PlanEntryView {
  id: string;
  organisationId: string;
  organisationName: string;
  projectName: string;
  estimatedBudget: string;
  year: number;
  summary: string;
  linkedProjects: { id: string; code: string; name: string }[];
}

/**
 * The plans' entries; `visibleProjects` are the ids of the projects the caller may see: a linked
 * project the caller cannot see is not listed (its id, code and name stay with its department).
 */
export async function planEntriesOf(q: Queryable, planIds: string[], visibleProjects: ReadonlySet<string>) {
  if (planIds.length === 0) return new Map<string, PlanEntryView[]>();
  const directory = await loadDirectory(q);
  const rows = await q
    .select()
    .from(planEntries)
    .where(inArray(planEntries.planId, planIds))
    .orderBy(asc(planEntries.year), asc(planEntries.createdAt), asc(planEntries.id));
  const linked = rows.length
    ? await q
        .select({ id: projects.id, code: projects.code, name: projects.name, entryId: projects.planEntryId })
        .from(projects)
        .where(
          inArray(
            projects.planEntryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(projects.code), asc(projects.id))
    : [];
  const out = new Map<string, PlanEntryView[]>();
  for (const r of rows) {
    const list = out.get(r.planId) ?? [];
    list.push({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: directory.organisations.find((o) => o.id === r.organisationId)?.name ?? '',
      projectName: r.projectName,
      estimatedBudget: fenToYuan(r.estimatedBudgetFen),
      year: r.year,
      summary: r.summary,
      linkedProjects: linked
        .filter((l) => l.entryId === r.id && visibleProjects.has(l.id))
        .map(({ id, code, name }) => ({ id, code, name })),
    });
    out.set(r.planId, list);
  }
  return out;
}

/** `visibleProjects`: the caller's visible project ids (repository.visibleProjectIds), for the entries' links. */
export async function presentPlans(
  q: Queryable,
  rows: PlanRow[],
  visibleProjects: ReadonlySet<string> | null,
  registry: RulebookRegistry,
) {
  const directory = await loadDirectory(q);
  const orgName = (id: string) => directory.organisations.find((o) => o.id === id)?.name ?? '';
  const chainView = (p: PlanRow) => {
    const chain = chainOfPlan(registry, directory, p) ?? [];
    const decisions = p.decisions ?? [];
    const lastReturn = decisions.map((d) => d.decision).lastIndexOf('return');
    const round = decisions.slice(lastReturn + 1);
    return {
      steps: chain.map((c) => {
        const done = round.find((d) => d.stepId === c.step.id);
        return {
          id: c.step.id,
          name: c.step.name,
          deciderName: c.deciderName,
          roles: c.step.roles,
          organisationIds: c.organisationIds,
          articles: c.step.articles,
          canRefuse: c.step.canRefuse,
          state:
            p.currentStep === c.step.id
              ? 'pending'
              : done
                ? done.decision === 'approve'
                  ? 'approved'
                  : 'refused'
                : 'waiting',
        };
      }),
      decisions: decisions.map((d) => ({
        stepId: d.stepId,
        stepName: chain.find((c) => c.step.id === d.stepId)?.step.name ?? d.stepId,
        decision: d.decision,
        decisionName: labelOf(PLAN_DECISIONS, d.decision),
        opinion: d.opinion,
        organisationName: orgName(d.organisationId),
        at: d.at,
      })),
    };
  };
  const entries = visibleProjects
    ? await planEntriesOf(
        q,
        rows.map((r) => r.id),
        visibleProjects,
      )
    : new Map<string, PlanEntryView[]>();
  return rows.map((p) => ({
    id: p.id,
    jurisdictionId: p.jurisdictionId,
    jurisdictionName: directory.jurisdictions.find((j) => j.id === p.jurisdictionId)?.name ?? '',
    organisationId: p.organisationId,
    organisationName: directory.organisations.find((o) => o.id === p.organisationId)?.name ?? '',
    scope: p.scope,
    scopeName: labelOf(PLAN_SCOPES, p.scope),
    kind: p.kind,
    kindName: labelOf(PLAN_KINDS, p.kind),
    title: p.title,
    year: p.year,
    endYear: p.endYear,
    summary: p.summary,
    status: p.status,
    statusName: labelOf(PLAN_STATUSES, p.status),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionOpinion: p.decisionOpinion,
    currentStep: p.currentStep,
    chain: chainView(p),
    version: p.version,
    entries: entries.get(p.id) ?? [],
  }));
}

export async function planById(
  q: Queryable,
  actor: Actor,
  id: string,
  registry: RulebookRegistry,
): Promise<PlanRow> {
  const [plan] = await q.select().from(plans).where(eq(plans.id, id));
  const chain = plan ? chainOfPlan(registry, await loadDirectory(q), plan) : null;
  if (!plan || !canSeePlan(actor, plan, chain)) throw notFound('规划不存在或无权查看', 'PLAN_NOT_FOUND');
  return plan;
}

/** Entries of approved jurisdiction plans a department may link its project to. */
export async function linkableEntries(q: Queryable, actor: Actor, organisationId?: string) {
  const mine = actor.assignments.filter((a) => a.role === 'dept_staff' || a.role === 'dept_leader');
  const orgs = mine.map((a) => a.organisationId).filter((o) => !organisationId || o === organisationId);
  if (organisationId && orgs.length === 0) throw notFound('部门不存在或无权查看', 'ORGANISATION_NOT_FOUND');
  if (orgs.length === 0) return [];
  const rows = await q
    .select({
      id: planEntries.id,
      planId: plans.id,
      planTitle: plans.title,
      planKind: plans.kind,
      organisationId: planEntries.organisationId,
      projectName: planEntries.projectName,
      estimatedBudgetFen: planEntries.estimatedBudgetFen,
      year: planEntries.year,
    })
    .from(planEntries)
    .innerJoin(plans, eq(plans.id, planEntries.planId))
    .where(
      and(
        eq(plans.scope, 'jurisdiction'),
        eq(plans.status, 'approved'),
        inArray(planEntries.organisationId, orgs),
      ),
    )
    .orderBy(desc(planEntries.year), asc(planEntries.id));
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    planTitle: r.planTitle,
    planKindName: labelOf(PLAN_KINDS, r.planKind),
    organisationId: r.organisationId,
    projectName: r.projectName,
    estimatedBudget: fenToYuan(r.estimatedBudgetFen),
    year: r.year,
  }));
}
