/** Reads of 通知设置 (issue 17): the user's own channel preferences, or the defaults. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notificationPreferences } from '../tables.ts';

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
