/** Reads of the bell (issue 17): my notices, paged, and the unread count. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notifications } from '../tables.ts';

export async function unreadCount(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(
  q: Queryable,
  userId: string,
  query: { limit?: number; offset?: number; unreadOnly?: boolean },
) {
  const where = and(
    eq(notifications.userId, userId),
    query.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [rows, [total], unread] = await Promise.all([
    q
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    q.select({ n: count() }).from(notifications).where(where),
    unreadCount(q, userId),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      projectId: n.projectId,
      stepId: n.stepId,
      obligationId: n.obligationId,
      kind: n.kind,
      message: n.message,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    })),
    unread,
    total: total?.n ?? 0,
  };
}
