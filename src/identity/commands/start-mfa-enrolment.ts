import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { sealTotpSecret } from '../mfa.ts';
import { users } from '../tables.ts';
import { alreadyEnrolled } from './support.ts';

/** Stores a new pending TOTP secret for the user (refused once a second factor is enrolled). */
export function startMfaEnrolment(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  userId: string,
  secret: string,
) {
  return runCommand(
    deps,
    ctx,
    { action: 'auth.mfa_enrolment_start', objectType: 'user', objectId: userId },
    async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
      if (user.totpEnabledAt) throw alreadyEnrolled();
      await tx
        .update(users)
        .set({ totpPendingEnc: sealTotpSecret(keyring, user.id, 'totp_pending_enc', secret) })
        .where(eq(users.id, user.id));
    },
  );
}
