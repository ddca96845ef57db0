/** Entries of approved jurisdiction plans a department may link its project to (read). */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { fenToYuan } from '../../platform/documents/format.ts';
import { notFound } from '../../platform/errors.ts';
import { labelOf, PLAN_KINDS, planEntries, plans } from '../../projects/index.ts';

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
