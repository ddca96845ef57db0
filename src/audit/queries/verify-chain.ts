/**
 * Recomputes the whole audit chain from the database in id order, in batches; reports gaps in the
 * ids (rows deleted before newer rows were written) and, given the keyring and the archive folder,
 * checks the table against the signed checkpoint kept there (rows deleted at the end, issue 9 item 4).
 */
import { asc, gt } from 'drizzle-orm';
import { type ChainBreak, GENESIS_HASH, verifyChain } from '../../platform/audit-log/chain.ts';
import { auditEvents } from '../../platform/audit-log/tables.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { type AnchorState, checkAnchor } from '../anchor.ts';

/** Ids missing between two rows: `id` is the first row after the gap. */
export interface IdGap {
  id: number;
  missingFrom: number;
  missingTo: number;
}

export interface VerifyReport {
  ok: boolean;
  count: number;
  /** The first broken row, or null when the chain verifies. */
  firstBroken: ChainBreak | null;
  breaks: ChainBreak[];
  gaps: IdGap[];
  /** The checkpoint comparison; null when no checkpoint folder was given. */
  anchor: AnchorState | null;
}

export async function verifyAuditChain(
  q: Queryable,
  key: Buffer,
  options: { batchSize?: number; anchor?: { keyring: Keyring; dir: string } } = {},
): Promise<VerifyReport> {
  const batchSize = options.batchSize ?? 2000;
  let previous = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  const breaks: ChainBreak[] = [];
  const gaps: IdGap[] = [];
  for (;;) {
    const rows = await q
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (afterId > 0 && row.id !== afterId + 1) {
        gaps.push({ id: row.id, missingFrom: afterId + 1, missingTo: row.id - 1 });
      }
      afterId = row.id;
    }
    const result = verifyChain(key, rows, previous);
    breaks.push(...result.breaks);
    count += result.count;
    previous = result.last;
    afterId = rows[rows.length - 1].id;
  }
  const anchor = options.anchor ? await checkAnchor(q, options.anchor.keyring, options.anchor.dir) : null;
  const anchorOk = anchor === null || anchor.status === 'ok' || anchor.status === 'missing';
  return {
    ok: breaks.length === 0 && gaps.length === 0 && anchorOk,
    count,
    firstBroken: breaks[0] ?? null,
    breaks,
    gaps,
    anchor,
  };
}
