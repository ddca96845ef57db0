/**
 * The login commands (SECURITY.md 3–5, 10, 18):
 *
 *  - `passwordLogin`: username and password. Wrong password, unknown user, locked, disabled and
 *    inactive accounts all give the same failure. With a second factor enrolled the answer is a
 *    pending login (`mfaToken`, five minutes, not a session); otherwise a session is created (with
 *    MFA_REQUIRED, one that can only reach the enrolment routes).
 *  - `secondFactorLogin`: the pending login plus a TOTP code or a recovery code. Each TOTP step and
 *    each recovery code works once (compare-and-set / conditional delete).
 *
 * Wrong passwords and wrong codes share one failure counter, which only a complete login resets:
 * knowing the password does not buy fresh guesses at the code. Reaching LOCKOUT_MAX_FAILURES locks
 * the account in a command of its own, audited as 'auth.lockout'; an inactive account is disabled in
 * a command of its own, audited as 'user.disable_inactive'.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Tx } from '../platform/db/client.ts';
import { DomainError } from '../platform/errors.ts';
import {
  isInactive,
  isLocked,
  isPasswordExpired,
  type LockoutPolicy,
  nextFailureState,
} from './account-state.ts';
import { disableIfInactive } from './inactivity.ts';
import {
  challengeHash,
  MFA_CHALLENGE_MINUTES,
  newChallengeToken,
  openTotpSecret,
  recoveryCodeKey,
} from './mfa.ts';
import { burnVerify, verifyPassword } from './passwords.ts';
import { verifyRecoveryCode } from './recovery-codes.ts';
import { createSession, loadAssignments, revokeSession, type SessionPolicy } from './sessions.ts';
import { mfaChallenges, recoveryCodes, users } from './tables.ts';
import { verifyTotp } from './totp.ts';

export interface LoginPolicy {
  lockout: LockoutPolicy;
  session: SessionPolicy;
  inactiveAccountDays: number;
  mfaRequired: boolean;
}

export interface ClientMeta {
  sourceIp: string | null;
  userAgent: string | null;
  /** The session the browser already held, ended at login (a fresh id at every login). */
  previousSessionIdHash?: string;
}

export interface NewSession {
  session: { token: string; idHash: string; csrfToken: string };
  actor: Omit<Actor, 'sessionIdHash'>;
}

export type PasswordLoginResult =
  | { kind: 'failed' }
  | { kind: 'session'; value: NewSession }
  | { kind: 'mfa'; token: string; expiresAt: Date };

type UserRow = typeof users.$inferSelect;

/** What happened, for the follow-up commands that run after the login's own transaction. */
interface FollowUp {
  lockUserId?: string;
  lockTrigger?: string;
  inactiveUserId?: string;
}

async function countFailure(tx: Tx, user: UserRow, now: Date, policy: LockoutPolicy): Promise<boolean> {
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

async function followUp(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  next: FollowUp,
): Promise<void> {
  if (next.lockUserId) await lockAccount(deps, ctx, next.lockUserId, policy.lockout, next.lockTrigger ?? '');
  if (next.inactiveUserId)
    await disableIfInactive(deps, ctx, next.inactiveUserId, policy.inactiveAccountDays);
}

async function startSession(
  tx: Tx,
  user: UserRow,
  now: Date,
  policy: LoginPolicy,
  meta: ClientMeta,
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

/** Step one: username and password. */
export async function passwordLogin(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  input: { username: string; password: string },
  meta: ClientMeta,
): Promise<PasswordLoginResult> {
  const now = deps.clock.now();
  const next: FollowUp = {};
  const result = await runCommand(
    deps,
    ctx,
    { action: 'auth.login', objectType: 'user', actorName: input.username.slice(0, 64) },
    async (tx, audit): Promise<PasswordLoginResult> => {
      const [user] = await tx
        .select()
        .from(users)
        .where(eq(users.username, input.username.trim().toLowerCase()))
        .limit(1);
      if (!user) {
        await burnVerify(input.password);
        audit.outcome = 'failure';
        audit.details = { reason: 'unknown_user' };
        return { kind: 'failed' };
      }
      audit.objectId = user.id;
      audit.actorUserId = user.id;
      const passwordOk = await verifyPassword(user.passwordHash, input.password);
      const locked = isLocked(user.lockedUntil, now);
      const inactive = !user.disabled && isInactive(user, now, policy.inactiveAccountDays);
      if (locked || user.disabled || inactive || !passwordOk) {
        audit.outcome = 'failure';
        audit.details = {
          reason: locked ? 'locked' : user.disabled ? 'disabled' : inactive ? 'inactive' : 'wrong_password',
        };
        if (inactive) next.inactiveUserId = user.id;
        else if (!locked && !user.disabled && (await countFailure(tx, user, now, policy.lockout))) {
          next.lockUserId = user.id;
          next.lockTrigger = 'password';
          audit.details.lockout = true;
        }
        return { kind: 'failed' };
      }
      if (user.totpEnabledAt !== null) {
        const { token, idHash } = newChallengeToken();
        const expiresAt = new Date(now.getTime() + MFA_CHALLENGE_MINUTES * 60_000);
        await tx.insert(mfaChallenges).values({ idHash, userId: user.id, createdAt: now, expiresAt });
        audit.details = { secondFactor: 'pending' };
        return { kind: 'mfa', token, expiresAt };
      }
      audit.details = policy.mfaRequired ? { secondFactor: 'enrolment_required' } : undefined;
      return { kind: 'session', value: await startSession(tx, user, now, policy, meta, audit) };
    },
  );
  await followUp(deps, ctx, policy, next);
  return result;
}

export type SecondFactorResult =
  | { kind: 'failed'; reason: 'challenge' | 'code' }
  | { kind: 'session'; value: NewSession };

/** Step two: the pending login and a TOTP code or a recovery code. */
export async function secondFactorLogin(
  deps: CommandDeps,
  keyring: Keyring,
  ctx: CommandContext,
  policy: LoginPolicy,
  input: { mfaToken: string; code?: string; recoveryCode?: string },
  meta: ClientMeta,
): Promise<SecondFactorResult> {
  const now = deps.clock.now();
  const next: FollowUp = {};
  const method = input.recoveryCode !== undefined ? 'recovery_code' : 'totp';
  const result = await runCommand(
    deps,
    ctx,
    { action: 'auth.mfa', objectType: 'user', details: { method } },
    async (tx, audit): Promise<SecondFactorResult> => {
      const fail = (reason: string, kind: 'challenge' | 'code'): SecondFactorResult => {
        audit.outcome = 'failure';
        audit.details = { method, reason };
        return { kind: 'failed', reason: kind };
      };
      const [challenge] = await tx
        .select()
        .from(mfaChallenges)
        .where(eq(mfaChallenges.idHash, challengeHash(input.mfaToken)))
        .for('update');
      if (!challenge || challenge.consumedAt || challenge.expiresAt.getTime() <= now.getTime()) {
        if (challenge) {
          audit.objectId = challenge.userId;
          audit.actorUserId = challenge.userId;
        }
        return fail(challenge ? 'challenge_expired' : 'challenge_unknown', 'challenge');
      }
      const [user] = await tx.select().from(users).where(eq(users.id, challenge.userId)).for('update');
      audit.objectId = user.id;
      audit.actorUserId = user.id;
      audit.actorName = user.username;
      if (user.disabled || isLocked(user.lockedUntil, now) || !user.totpSecretEnc) {
        await tx
          .update(mfaChallenges)
          .set({ consumedAt: now })
          .where(eq(mfaChallenges.idHash, challenge.idHash));
        return fail(user.disabled ? 'disabled' : user.totpSecretEnc ? 'locked' : 'not_enrolled', 'challenge');
      }

      let ok = false;
      let recoveryCodesLeft: number | undefined;
      if (input.recoveryCode !== undefined) {
        const stored = await tx
          .select({ hash: recoveryCodes.codeHash })
          .from(recoveryCodes)
          .where(eq(recoveryCodes.userId, user.id));
        const verdict = verifyRecoveryCode(
          recoveryCodeKey(keyring),
          input.recoveryCode,
          stored.map((s) => s.hash),
        );
        if (verdict.ok) {
          // Spent exactly once: a parallel request with the same code deletes nothing and fails.
          const spent = await tx
            .delete(recoveryCodes)
            .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, verdict.hash)))
            .returning({ hash: recoveryCodes.codeHash });
          ok = spent.length === 1;
          recoveryCodesLeft = verdict.remaining.length;
        }
      } else if (input.code !== undefined) {
        const secret = openTotpSecret(keyring, user.id, 'totp_secret_enc', user.totpSecretEnc);
        const verdict = verifyTotp(secret, input.code, now, user.totpLastStep);
        if (verdict.ok) {
          // Compare-and-set: only a step later than the last accepted one is taken (replay refused).
          const taken = await tx
            .update(users)
            .set({ totpLastStep: verdict.step })
            .where(
              and(
                eq(users.id, user.id),
                or(isNull(users.totpLastStep), lt(users.totpLastStep, verdict.step)),
              ),
            )
            .returning({ id: users.id });
          ok = taken.length === 1;
        } else if (verdict.reason === 'replayed') {
          audit.details = { method, reason: 'replayed' };
        }
      }

      if (!ok) {
        await tx
          .update(mfaChallenges)
          .set({ failedAttempts: challenge.failedAttempts + 1 })
          .where(eq(mfaChallenges.idHash, challenge.idHash));
        if (await countFailure(tx, user, now, policy.lockout)) {
          next.lockUserId = user.id;
          next.lockTrigger = method;
          await tx
            .update(mfaChallenges)
            .set({ consumedAt: now })
            .where(eq(mfaChallenges.idHash, challenge.idHash));
        }
        const reason = (audit.details?.reason as string | undefined) ?? 'wrong_code';
        const failed = fail(reason, 'code');
        if (next.lockUserId) audit.details = { ...audit.details, lockout: true };
        return failed;
      }
      const consumed = await tx
        .update(mfaChallenges)
        .set({ consumedAt: now })
        .where(and(eq(mfaChallenges.idHash, challenge.idHash), isNull(mfaChallenges.consumedAt)))
        .returning({ idHash: mfaChallenges.idHash });
      if (consumed.length !== 1) return fail('challenge_consumed', 'challenge');
      audit.details = {
        method,
        ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}),
      };
      return { kind: 'session', value: await startSession(tx, user, now, policy, meta, audit) };
    },
  );
  await followUp(deps, ctx, policy, next);
  return result;
}
