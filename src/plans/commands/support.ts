/** What several plan commands share: the caller's editing assignment, the plan row lock, the editable check. */
import { eq } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import type { Actor, Assignment } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { loadDirectory, plans } from '../../projects/index.ts';
import type { RulebookRegistry } from '../../rules/index.ts';
import { canSeePlan, chainOfPlan, type PlanRow } from '../actors.ts';
import type { ChainStep } from '../chain.ts';

export function editorOf(actor: Actor, plan: PlanRow): Assignment {
  const role = actor.assignments.find(
    (a) =>
      a.organisationId === plan.organisationId &&
      (plan.scope === 'jurisdiction' ? AUTHORITY.includes(a.role) : a.role === 'dept_staff'),
  );
  if (!role) throw forbidden('只有编制单位可以修改该规划', 'NOT_PLAN_EDITOR');
  return role;
}

export async function lockPlan(
  q: Queryable,
  actor: Actor,
  id: string,
  registry?: RulebookRegistry,
): Promise<{ plan: PlanRow; chain: ChainStep[] | null }> {
  const [plan] = await q.select().from(plans).where(eq(plans.id, id)).for('update');
  const chain = plan && registry ? chainOfPlan(registry, await loadDirectory(q), plan) : null;
  if (!plan || !canSeePlan(actor, plan, chain)) throw notFound('规划不存在或无权查看', 'PLAN_NOT_FOUND');
  return { plan, chain };
}

export function requireEditable(plan: PlanRow): void {
  if (plan.status !== 'draft' && plan.status !== 'returned') {
    throw conflict('PLAN_NOT_EDITABLE', '规划已报送，退回后才能修改');
  }
}
