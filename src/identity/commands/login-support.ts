/**
 * What the login commands share (SECURITY.md 3–5, 10, 18): the login policy, the new session, and
 * one failure counter for wrong passwords and wrong codes, which only a complete login resets:
 * knowing the password does not buy fresh guesses at the code. Reaching LOCKOUT_MAX_FAILURES locks
 * the account in a command of its own (lock-account.ts), audited as 'auth.lockout'; an inactive
 * account is disabled in a command of its own, audited as 'user.disable_inactive'.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { CommandContext, CommandDeps } from '../../platform/command.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isPasswordExpired, type LockoutPolicy, nextFailureState } from '../account-state.ts';
import { createSession, loadAssignments, revokeSession, type SessionPolicy } from '../sessions.ts';
import { users } from '../tables.ts';
import { disableIfInactive } from './disable-inactive.ts';
import { lockAccount } from './lock-account.ts';
import type { ClientMeta } from './support.ts';

export interface LoginPolicy {
  lockout: LockoutPolicy;
  session: SessionPolicy;
  inactiveAccountDays: number;
  mfaRequired: boolean;
}

/** The client of a login: its address and agent, and the session the browser already held. */
export interface LoginClient extends ClientMeta {
  /** The session the browser already held, ended at login (a fresh id at every login). */
  previousSessionIdHash?: string;
}

export interface NewSession {
  session: { token: string; idHash: string; csrfToken: string };
  actor: Omit<Actor, 'sessionIdHash'>;
}

type UserRow = typeof users.$inferSelect;

/** What happened, for the follow-up commands that run after the login's own transaction. */
export interface FollowUp {
  lockUserId?: string;
  lockTrigger?: string;
  inactiveUserId?: string;
}

export async function countFailure(
  tx: Tx,
  user: UserRow,
  now: Date,
  policy: LockoutPolicy,
): Promise<boolean> {
  const next = nextFailureState(user, now, policy);
  // Reaching the limit leaves the counter at the limit; lockAccount starts it again as it locks.
  await tx
    .update(users)
    .set(
      next.locks
        ? { failedLoginCount: policy.maxFailures, firstFailedLoginAt: user.firstFailedLoginAt ?? now }
        : { failedLoginCount: next.failedLoginCount, firstFailedLoginAt: next.firstFailedLoginAt },
    )
    .where(eq(users.id, user.id));
  return next.locks;
}

export async function followUp(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  next: FollowUp,
): Promise<void> {
  if (next.lockUserId) await lockAccount(deps, ctx, next.lockUserId, policy.lockout, next.lockTrigger ?? '');
  if (next.inactiveUserId)
    await disableIfInactive(deps, ctx, next.inactiveUserId, policy.inactiveAccountDays);
}

export async function startSession(
  tx: Tx,
  user: UserRow,
  now: Date,
  policy: LoginPolicy,
  meta: LoginClient,
  audit: { role?: string | null; organisationId?: string | null; jurisdictionId?: string | null },
): Promise<NewSession> {
  await tx
    .update(users)
    .set({ failedLoginCount: 0, firstFailedLoginAt: null, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  // A fresh session id at every login (SECURITY.md 10); any session the browser held ends.
  if (meta.previousSessionIdHash) await revokeSession(tx, meta.previousSessionIdHash, now);
  const session = await createSession(tx, user.id, now, policy.session, meta);
  const assignments = await loadAssignments(tx, user.id);
  const first = assignments[0];
  audit.role = first?.role ?? null;
  audit.organisationId = first?.organisationId ?? null;
  audit.jurisdictionId = first?.jurisdictionId ?? null;
  const enrolled = user.totpEnabledAt !== null;
  return {
    session,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      mustChangePassword: user.mustChangePassword,
      passwordExpired: isPasswordExpired(
        user.passwordChangedAt,
        now,
        policy.session.passwordMaxAgeDays ?? 90,
      ),
      mfaEnrolled: enrolled,
      mfaEnrolmentRequired: policy.mfaRequired && !enrolled,
      assignments,
      csrfToken: session.csrfToken,
    },
  };
}
