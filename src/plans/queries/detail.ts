/** One plan by id, if the caller may see it (read). */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { loadDirectory, plans } from '../../projects/index.ts';
import type { RulebookRegistry } from '../../rules/index.ts';
import { canSeePlan, chainOfPlan, type PlanRow } from '../actors.ts';

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
