/** Reads of the notification centre (issue 17): my notices, the unread count, my preferences. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { notificationPreferences, notifications } from './tables.ts';

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

export interface StoredPreferences {
  email: string | null;
  emailEnabled: boolean;
  webhookEnabled: boolean;
  mutedKinds: string[];
  /** 1 while nothing is stored (the defaults). */
  version: number;
  updatedAt: Date | null;
}

export const DEFAULT_PREFERENCES: StoredPreferences = {
  email: null,
  emailEnabled: true,
  webhookEnabled: false,
  mutedKinds: [],
  version: 1,
  updatedAt: null,
};

/** The user's own preferences, or the defaults when none are stored. */
export async function preferencesOf(q: Queryable, userId: string): Promise<StoredPreferences> {
  const [row] = await q
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  if (!row) return DEFAULT_PREFERENCES;
  return {
    email: row.email,
    emailEnabled: row.emailEnabled,
    webhookEnabled: row.webhookEnabled,
    mutedKinds: row.mutedKinds,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
