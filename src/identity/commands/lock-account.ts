/** Locks an account after too many failed logins: a command of its own, audited as 'auth.lockout'. */
import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { DomainError } from '../../platform/errors.ts';
import { isLocked, type LockoutPolicy } from '../account-state.ts';
import { users } from '../tables.ts';

/** Thrown inside a command to roll it back without an audit row (nothing happened). */
class NothingToDo extends DomainError {
  constructor() {
    super('invalid', 'NOTHING_TO_DO', '');
  }
}

/**
 * Locks an account for LOCKOUT_MINUTES and starts the failure count again: its own command, so the
 * lock and its one 'auth.lockout' row commit together.
 */
export async function lockAccount(
  deps: CommandDeps,
  ctx: CommandContext,
  userId: string,
  policy: LockoutPolicy,
  trigger: string,
): Promise<void> {
  const now = deps.clock.now();
  try {
    await runCommand(
      deps,
      ctx,
      { action: 'auth.lockout', objectType: 'user', objectId: userId, actorUserId: userId },
      async (tx, audit) => {
        const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (!user || isLocked(user.lockedUntil, now)) throw new NothingToDo();
        const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
        await tx
          .update(users)
          .set({ lockedUntil, failedLoginCount: 0, firstFailedLoginAt: null })
          .where(eq(users.id, userId));
        audit.actorName = user.username;
        audit.details = {
          trigger,
          failures: policy.maxFailures,
          windowMinutes: policy.windowMinutes,
          lockedUntil: lockedUntil.toISOString(),
        };
      },
    );
  } catch (err) {
    if (!(err instanceof NothingToDo)) throw err;
  }
}
