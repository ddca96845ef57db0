/**
 * Login step two (SECURITY.md 3–5, 10, 18): the pending login plus a TOTP code or a recovery code.
 * Each TOTP step and each recovery code works once (compare-and-set / conditional delete).
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { isLocked } from '../account-state.ts';
import { challengeHash, openTotpSecret, recoveryCodeKey } from '../mfa.ts';
import { verifyRecoveryCode } from '../recovery-codes.ts';
import { mfaChallenges, recoveryCodes, users } from '../tables.ts';
import { verifyTotp } from '../totp.ts';
import {
  countFailure,
  type FollowUp,
  followUp,
  type LoginClient,
  type LoginPolicy,
  type NewSession,
  startSession,
} from './login-support.ts';

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
  meta: LoginClient,
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
