/**
 * 统建清单 / 负面清单 as the caller sees them: the entries of the caller's jurisdictions and of
 * their ancestors (an entry applies in its jurisdiction and below).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions } from '../../platform/db/core.ts';
import { jurisdictionChain, loadDirectory } from '../../projects/index.ts';
import { presentEntry } from '../presenter.ts';
import { dedupListEntries } from '../tables.ts';

export async function visibleJurisdictions(q: Queryable, actor: Actor): Promise<string[]> {
  const directory = await loadDirectory(q);
  return [
    ...new Set(
      actor.assignments.flatMap((a) => jurisdictionChain(directory, a.jurisdictionId).map((j) => j.id)),
    ),
  ];
}

export async function listEntries(q: Queryable, actor: Actor, list: 'unified' | 'negative' | undefined) {
  const visible = await visibleJurisdictions(q, actor);
  if (visible.length === 0) return [];
  const rows = await q
    .select({ entry: dedupListEntries, jurisdictionName: jurisdictions.name })
    .from(dedupListEntries)
    .innerJoin(jurisdictions, eq(jurisdictions.id, dedupListEntries.jurisdictionId))
    .where(
      and(
        inArray(dedupListEntries.jurisdictionId, visible),
        list ? eq(dedupListEntries.list, list) : undefined,
      ),
    )
    .orderBy(asc(dedupListEntries.list), asc(dedupListEntries.code));
  return rows.map((r) => presentEntry(r.entry, r.jurisdictionName));
}
