/**
 * The SM3 hash chain over audit rows (SECURITY.md 21, 密评 8.4g). Pure: the same function computes
 * a row's hash when it is written and when `npm run audit:verify` checks it.
 *
 *   hash(row) = HMAC-SM3(audit key, prev_hash ‖ "\n" ‖ canonicalJson(row fields))
 *
 * The key comes from the keyring (outside the data folder), so someone who can edit the database
 * cannot recompute a valid chain after changing a row.
 */
import { canonicalJson } from '../crypto/canonical.ts';
import { hmacSm3Hex } from '../crypto/sm3.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  role: string | null;
  organisationId: string | null;
  jurisdictionId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  sourceIp: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

export function auditRowHash(key: Buffer, prevHash: string, row: ChainedFields): string {
  const body = canonicalJson({
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    role: row.role,
    organisationId: row.organisationId,
    jurisdictionId: row.jurisdictionId,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    outcome: row.outcome,
    sourceIp: row.sourceIp,
    requestId: row.requestId,
    details: row.details,
  });
  return hmacSm3Hex(key, `${prevHash}\n${body}`);
}

export interface ChainBreak {
  id: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch';
}

/**
 * Walks rows in id order and returns the breaks. `previous` lets a caller verify in batches.
 * A row whose content was edited fails its own hash; a deleted or inserted row breaks the next
 * row's prev_hash.
 */
export function verifyChain(
  key: Buffer,
  rows: Iterable<ChainedFields & { prevHash: string; hash: string }>,
  previous: string = GENESIS_HASH,
): { breaks: ChainBreak[]; last: string; count: number } {
  const breaks: ChainBreak[] = [];
  let last = previous;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.prevHash !== last) breaks.push({ id: row.id, reason: 'prev_hash_mismatch' });
    else if (auditRowHash(key, row.prevHash, row) !== row.hash)
      breaks.push({ id: row.id, reason: 'hash_mismatch' });
    last = row.hash;
  }
  return { breaks, last, count };
}
