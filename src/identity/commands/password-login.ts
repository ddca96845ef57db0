/**
 * Login step one, username and password (SECURITY.md 3–5, 10, 18). Wrong password, unknown user,
 * locked, disabled and inactive accounts all give the same failure. With a second factor enrolled
 * the answer is a pending login (`mfaToken`, five minutes, not a session); otherwise a session is
 * created (with MFA_REQUIRED, one that can only reach the enrolment routes).
 */
import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { isInactive, isLocked } from '../account-state.ts';
import { MFA_CHALLENGE_MINUTES, newChallengeToken } from '../mfa.ts';
import { burnVerify, verifyPassword } from '../passwords.ts';
import { mfaChallenges, users } from '../tables.ts';
import {
  countFailure,
  type FollowUp,
  followUp,
  type LoginClient,
  type LoginPolicy,
  type NewSession,
  startSession,
} from './login-support.ts';

export type PasswordLoginResult =
  | { kind: 'failed' }
  | { kind: 'session'; value: NewSession }
  | { kind: 'mfa'; token: string; expiresAt: Date };

/** Step one: username and password. */
export async function passwordLogin(
  deps: CommandDeps,
  ctx: CommandContext,
  policy: LoginPolicy,
  input: { username: string; password: string },
  meta: LoginClient,
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
