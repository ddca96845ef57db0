import { and, eq } from 'drizzle-orm';
import { adminAccountRefusal } from '../../access/index.ts';
import { revokeUserSessions, users } from '../../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { seal } from '../user-data.ts';
import { adminRolesOf, personalFields } from './support.ts';

/** Edits an account (name, enabled, personal data); optimistic lock on version. */
export function updateUser(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  actorUserId: string,
  id: string,
  input: {
    displayName?: string;
    disabled?: boolean;
    phone?: string | null;
    idNumber?: string | null;
    version: number;
  },
) {
  const { version, phone, idNumber, ...changes } = input;
  const now = deps.clock.now();
  const personal = seal(keyring, id, { phone, idNumber });
  const action =
    changes.disabled === true ? 'user.disable' : changes.disabled === false ? 'user.enable' : 'user.update';
  const fields = personalFields({ phone, idNumber });
  const details = { ...changes, ...(fields.length > 0 ? { personalData: fields } : {}) };
  return runCommand(deps, ctx, { action, objectType: 'user', objectId: id, details }, async (tx) => {
    if (changes.disabled && id === actorUserId)
      throw invalid('CANNOT_DISABLE_SELF', '不能停用自己的账户', { field: 'disabled' });
    // 三员分立 (issue 9 item 7): the system administrator does not change another administrator's
    // account; the security administrator first revokes the admin role (never the last one).
    if (id !== actorUserId) {
      const refusal = adminAccountRefusal(await adminRolesOf(tx, id));
      if (refusal) throw refusal;
    }
    const state =
      changes.disabled === true
        ? { disabledReason: 'admin' }
        : changes.disabled === false
          ? // Enabling restarts the inactivity period (SECURITY.md 18).
            { disabledReason: null, enabledAt: now }
          : {};
    const updated = await tx
      .update(users)
      .set({ ...changes, ...personal, ...state, version: version + 1 })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id });
    if (updated.length === 0) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
      if (!exists) throw notFound('用户不存在');
      throw versionConflict();
    }
    // Disabling a user ends their sessions at once (SECURITY.md 11).
    if (changes.disabled) await revokeUserSessions(tx, id, now);
  });
}
