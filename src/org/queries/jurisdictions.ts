/** The jurisdictions (行政区划) as the API shows them (read). */
import { asc } from 'drizzle-orm';
import { JURISDICTION_LEVEL_NAMES } from '../../access/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions } from '../../platform/db/core.ts';

/** A jurisdiction row as the API shows it. */
export function presentJurisdiction(r: typeof jurisdictions.$inferSelect) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    levelName: JURISDICTION_LEVEL_NAMES[r.level] ?? r.level,
    parentId: r.parentId,
    rulebookCode: r.rulebookCode,
  };
}

export async function listJurisdictions(q: Queryable) {
  const rows = await q.select().from(jurisdictions).orderBy(asc(jurisdictions.code));
  return rows.map(presentJurisdiction);
}
