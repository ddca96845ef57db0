/** A project's rectification orders (read). */

import { asc, eq } from 'drizzle-orm';
import type { ProjectDeps } from '../../workflow/index.ts';
import { rectificationOrders } from '../tables.ts';

export async function listRectifications(q: ProjectDeps['db'], projectId: string) {
  return q
    .select()
    .from(rectificationOrders)
    .where(eq(rectificationOrders.projectId, projectId))
    .orderBy(asc(rectificationOrders.createdAt), asc(rectificationOrders.id));
}
