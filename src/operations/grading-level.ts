/**
 * One truth for a system's 等保 level (issue 15 leftover): the 定级备案 recorded in operations. Recording
 * a grading writes the level into the catalog entry in the same transaction (`syncCatalogLevel`), and
 * the catalog refuses a level that differs from a recorded grading (`recordedGrading`).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { informationSystems } from '../catalog/index.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import { jurisdictions } from '../platform/db/core.ts';
import { derivedFromCode } from '../rulebooks/index.ts';
import { operationsRulesFor } from '../rules/index.ts';
import { opsGradings } from './tables/index.ts';

/** The recorded grading of a system with the article it is filed under, or null when ungraded. */
export async function recordedGrading(
  q: Queryable,
  systemId: string,
): Promise<{ level: number; article: string | null } | null> {
  const [row] = await q
    .select({
      level: opsGradings.level,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(opsGradings)
    .innerJoin(informationSystems, eq(informationSystems.id, opsGradings.systemId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationSystems.jurisdictionId))
    .where(eq(opsGradings.systemId, systemId));
  if (!row) return null;
  const rules = operationsRulesFor(row.rulebookCode, row.derivedFrom);
  return { level: row.level, article: rules?.assessmentArticles[0] ?? null };
}

/** Writes the graded level into the catalog entry (a new catalog version) when it differs. */
export async function syncCatalogLevel(tx: Tx, systemId: string, level: number, now: Date): Promise<boolean> {
  const updated = await tx
    .update(informationSystems)
    .set({ mlpsLevel: level, updatedAt: now, version: sql`${informationSystems.version} + 1` })
    .where(
      and(
        eq(informationSystems.id, systemId),
        sql`${informationSystems.mlpsLevel} is distinct from ${level}`,
        ne(informationSystems.status, 'retired'),
      ),
    )
    .returning({ id: informationSystems.id });
  return updated.length > 0;
}
