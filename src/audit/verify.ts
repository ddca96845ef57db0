/** Recomputes the whole audit chain from the database in id order, in batches. */
import { asc, gt } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { auditEvents } from '../db/schema.ts';
import { type ChainBreak, GENESIS_HASH, verifyChain } from './chain.ts';

export interface VerifyReport {
  ok: boolean;
  count: number;
  /** The first broken row, or null when the chain verifies. */
  firstBroken: ChainBreak | null;
  breaks: ChainBreak[];
}

export async function verifyAuditChain(q: Queryable, key: Buffer, batchSize = 2000): Promise<VerifyReport> {
  let previous = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  const breaks: ChainBreak[] = [];
  for (;;) {
    const rows = await q
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    const result = verifyChain(key, rows, previous);
    breaks.push(...result.breaks);
    count += result.count;
    previous = result.last;
    afterId = rows[rows.length - 1].id;
  }
  return { ok: breaks.length === 0, count, firstBroken: breaks[0] ?? null, breaks };
}
