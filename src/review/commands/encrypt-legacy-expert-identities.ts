/**
 * Encrypts the expert assignments written before migration 0014 (plaintext `user_id`) at start,
 * after the migrations (SECURITY.md 30): envelope + blind index, plaintext cleared, audited as
 * 'review.expert_identity_encrypt'.
 */
import { sql } from 'drizzle-orm';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../platform/command.ts';
import { encryptField, fieldAad } from '../../platform/crypto/fields.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { queryRows } from '../../platform/db/client.ts';
import { expertIndex, TABLE } from '../expert-identity.ts';

/**
 * Encrypts assignment rows still holding a plaintext `user_id` (written before migration 0014) and
 * clears it. Idempotent; does nothing (and writes no audit row) when none is left. Returns the count.
 */
export async function encryptLegacyExpertIdentities(deps: CommandDeps, keyring: Keyring): Promise<number> {
  const pending = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from project_expert_assignments where user_id is not null`,
  );
  if ((pending[0]?.n ?? 0) === 0) return 0;
  return runCommand(
    deps,
    SYSTEM_CONTEXT,
    { action: 'review.expert_identity_encrypt', objectType: 'project_expert_assignments' },
    async (tx, audit) => {
      const rows = await queryRows<{ id: string; user_id: string }>(
        tx,
        sql`select id, user_id from project_expert_assignments where user_id is not null for update`,
      );
      for (const row of rows) {
        await tx.execute(sql`update project_expert_assignments
          set user_enc = ${encryptField(keyring, row.user_id, fieldAad(TABLE, 'user_enc', row.id))},
              user_index = ${expertIndex(keyring, row.user_id)},
              user_id = null
          where id = ${row.id}`);
      }
      audit.details = { rows: rows.length };
      return rows.length;
    },
  );
}
