/**
 * Which expert reviews which project (SECURITY.md 30, issue 9 item 11): the expert's user id in
 * `project_expert_assignments` is an SM4 envelope bound to its row (`user_enc`) plus a blind index
 * (`user_index`, HMAC-SM3 under the keyring's blind-index key, scoped to this column) — so "is user X
 * assigned to project P" and "the projects assigned to X" stay indexed equality lookups in SQL, and
 * a copy of the database alone does not tell who reviews what. Only the review's oversight (names
 * list) and signature verification decrypt.
 *
 * Rows written before migration 0014 carried the plaintext `user_id`;
 * `commands/encrypt-legacy-expert-identities.ts` (run at every start, after the migrations) encrypts
 * them and clears the plaintext, idempotently.
 */
import { randomUUID } from 'node:crypto';
import { blindIndex, decryptField, encryptField, fieldAad } from '../platform/crypto/fields.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';

/** The table whose `user_enc` envelopes are bound to their rows (the AAD names it). */
export const TABLE = 'project_expert_assignments';
const SCOPE = `${TABLE}.user_id`;

/** The blind index of an expert's user id: what `user_index` holds for that expert. */
export function expertIndex(keyring: Keyring, userId: string): string {
  return blindIndex(keyring, userId.toLowerCase(), SCOPE);
}

/** Columns for a new assignment row: its id (the envelope is bound to it), envelope and index. */
export function expertIdentityColumns(
  keyring: Keyring,
  userId: string,
): { id: string; userEnc: string; userIndex: string } {
  const id = randomUUID();
  return {
    id,
    // Stored as PostgreSQL prints a uuid (lowercase), so the decrypted id compares equal to users.id.
    userEnc: encryptField(keyring, userId.toLowerCase(), fieldAad(TABLE, 'user_enc', id)),
    userIndex: expertIndex(keyring, userId),
  };
}

/** The expert's user id of an assignment row (verifies the envelope against the row id). */
export function expertUserId(keyring: Keyring, row: { id: string; userEnc: string }): string {
  return decryptField(keyring, row.userEnc, fieldAad(TABLE, 'user_enc', row.id));
}

const ACTION_AAD = (assignmentId: string) => fieldAad('project_actions', 'details.identity', assignmentId);

/**
 * The `expert_assigned` action's details: who was assigned (user id and name) only as an SM4
 * envelope bound to the assignment (SECURITY.md 30), so the project's history in a database copy
 * does not name the expert; `revealAssignedExpert` opens it for the oversight's timeline.
 */
export function assignedExpertDetails(
  keyring: Keyring,
  assignmentId: string,
  expert: { userId: string; name: string },
  rest: Record<string, unknown>,
): Record<string, unknown> {
  const identity = encryptField(keyring, JSON.stringify(expert), ACTION_AAD(assignmentId));
  return { ...rest, assignmentId, identity };
}

/** The details of an `expert_assigned` action with the expert's id and name opened (oversight only). */
export function revealAssignedExpert(
  keyring: Keyring,
  details: Record<string, unknown> | null,
): Record<string, unknown> | null {
  if (!details || typeof details.identity !== 'string' || typeof details.assignmentId !== 'string') {
    return details;
  }
  const { identity, ...rest } = details;
  const expert = JSON.parse(decryptField(keyring, identity, ACTION_AAD(details.assignmentId))) as {
    userId: string;
    name: string;
  };
  return { ...rest, userId: expert.userId, name: expert.name };
}
