import { eq } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { notFound } from '../../platform/errors.ts';
import { openIdNumber, openPhone } from '../user-data.ts';

/** The unmasked personal data of one user (system administrator); every view is audited. */
export function viewPersonalData(deps: CommandDeps, ctx: CommandContext, keyring: Keyring, id: string) {
  return runCommand(
    deps,
    ctx,
    { action: 'user.sensitive_view', objectType: 'user', objectId: id },
    async (tx, audit) => {
      const [user] = await tx
        .select({ id: users.id, phoneEnc: users.phoneEnc, idNumberEnc: users.idNumberEnc })
        .from(users)
        .where(eq(users.id, id));
      if (!user) throw notFound('用户不存在');
      const phone = openPhone(keyring, id, user.phoneEnc);
      const idNumber = openIdNumber(keyring, id, user.idNumberEnc);
      audit.details = { fields: [...(phone ? ['phone'] : []), ...(idNumber ? ['idNumber'] : [])] };
      return { id, phone, idNumber };
    },
  );
}
