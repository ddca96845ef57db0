/**
 * Accounts inactive for INACTIVE_ACCOUNT_DAYS are disabled (SECURITY.md 18; 等保 访问控制 c: 及时删除
 * 或停用多余的、过期的账户): at a login attempt and by a sweep the app runs every few hours. Each
 * disabling is its own audited command ('user.disable_inactive') that also ends the user's sessions.
 *
 * The last enabled holder of each administrator role (三员) is never disabled this way: an
 * installation must not lock its only system, security or audit administrator out by itself.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { ADMIN_ROLES } from '../../access/index.ts';
import { type CommandContext, type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../platform/command.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { isInactive, lastActivity } from '../account-state.ts';
import { revokeUserSessions } from '../sessions.ts';
import { roleAssignments, users } from '../tables.ts';

/** True when disabling `userId` would leave an administrator role with no enabled holder. */
async function isLastAdministrator(q: Queryable, userId: string): Promise<boolean> {
  const held = await q
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.role, [...ADMIN_ROLES])));
  for (const { role } of held) {
    const holders = await q
      .select({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, role), eq(users.disabled, false)));
    if (holders.every((h) => h.userId === userId)) return true;
  }
  return false;
}

/**
 * Disables one account if it is (still) inactive; returns whether it did. Runs in its own audited
 * transaction, re-reading the user under a row lock.
 */
export async function disableIfInactive(
  deps: CommandDeps,
  ctx: CommandContext,
  userId: string,
  inactiveDays: number,
): Promise<boolean> {
  const now = deps.clock.now();
  const [candidate] = await deps.db
    .select({
      disabled: users.disabled,
      lastLoginAt: users.lastLoginAt,
      passwordChangedAt: users.passwordChangedAt,
      enabledAt: users.enabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!candidate || candidate.disabled || !isInactive(candidate, now, inactiveDays)) return false;
  if (await isLastAdministrator(deps.db, userId)) return false;
  return runCommand(
    deps,
    ctx,
    { action: 'user.disable_inactive', objectType: 'user', objectId: userId, actorUserId: null },
    async (tx, audit) => {
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (!user || user.disabled || !isInactive(user, now, inactiveDays)) {
        audit.details = { skipped: true };
        return false;
      }
      await tx
        .update(users)
        .set({ disabled: true, disabledReason: 'inactive', version: user.version + 1 })
        .where(eq(users.id, userId));
      await revokeUserSessions(tx, userId, now);
      audit.details = {
        username: user.username,
        inactiveDays,
        lastActivity: lastActivity(user).toISOString(),
      };
      return true;
    },
  );
}

/** The sweep: disables every inactive account; returns the ids it disabled. */
export async function disableInactiveAccounts(
  deps: CommandDeps,
  inactiveDays: number,
  ctx: CommandContext = SYSTEM_CONTEXT,
): Promise<string[]> {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({
      id: users.id,
      lastLoginAt: users.lastLoginAt,
      passwordChangedAt: users.passwordChangedAt,
      enabledAt: users.enabledAt,
    })
    .from(users)
    .where(eq(users.disabled, false));
  const disabled: string[] = [];
  for (const row of rows) {
    if (!isInactive(row, now, inactiveDays)) continue;
    if (await disableIfInactive(deps, ctx, row.id, inactiveDays)) disabled.push(row.id);
  }
  return disabled;
}
