/**
 * Per-jurisdiction, per-year numbering (project codes, 备案证明 and 不予备案通知书 文号, 资金 documents):
 * a row-locked upsert, so two transactions never draw the same number.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from './db/client.ts';
import { documentCounters } from './tables.ts';

/** The next number of a per-jurisdiction, per-year sequence (row-locked upsert). */
export async function nextNumber(
  tx: Tx,
  jurisdictionId: string,
  kind: string,
  year: number,
): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ jurisdictionId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.jurisdictionId, documentCounters.kind, documentCounters.year],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  return row.last;
}
