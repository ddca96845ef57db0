import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { checkPassword, hashPassword, users } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { seal } from '../user-data.ts';
import { personalFields } from './support.ts';

/** Creates an account with an initial password the user must change; answers its id. */
export async function createUser(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  body: { username: string; displayName: string; initialPassword: string; phone?: string; idNumber?: string },
): Promise<string> {
  const problems = checkPassword(body.initialPassword, {
    username: body.username,
    displayName: body.displayName,
  });
  if (problems.length > 0) throw invalid(problems[0].code, problems[0].message, { field: 'initialPassword' });
  // The id is drawn first: the personal data envelopes are bound to it.
  const id = randomUUID();
  const personal = seal(keyring, id, { phone: body.phone, idNumber: body.idNumber });
  const passwordHash = await hashPassword(body.initialPassword);
  const now = deps.clock.now();
  await runCommand(
    deps,
    ctx,
    { action: 'user.create', objectType: 'user', objectId: id },
    async (tx, audit) => {
      const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username));
      if (dup) throw conflict('USERNAME_TAKEN', '用户名已存在', { field: 'username' });
      await tx.insert(users).values({
        id,
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: true,
        ...personal,
      });
      audit.details = { username: body.username, personalData: personalFields(body) };
    },
  );
  return id;
}
