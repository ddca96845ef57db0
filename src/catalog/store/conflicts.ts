/**
 * 一数一源 notices (SC-26) in the database: recomputed with `findSingleSourceConflicts` over every
 * live resource of a jurisdiction (withdrawn ones aside) whenever a resource is registered, changed
 * or moves in its lifecycle, in the same transaction as that change.
 */
import { and, arrayOverlaps, asc, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import type { CatalogScope } from '../access.ts';
import { canonicalItemName } from '../dedupe.ts';
import { findSingleSourceConflicts, type SingleSourceEntry } from '../single-source.ts';
import { informationResources, resourceDataItems, singleSourceConflicts } from '../tables.ts';
import { lockKey } from './lookups.ts';

export interface ConflictRecord {
  id: string;
  jurisdictionId: string;
  itemName: string;
  subjects: string[];
  proposedResourceId: string;
  proposedOrganisationId: string;
  proposedOrganisationName: string;
  organisationIds: string[];
  resourceIds: string[];
  entries: SingleSourceEntry[];
  score: number;
  message: string;
  status: 'open' | 'resolved';
  detectedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}

export interface RecomputeResult {
  open: number;
  opened: number;
  resolved: number;
}

/** Recomputes the notices of a jurisdiction: new ones opened, changed ones updated, vanished ones resolved. */
export async function recomputeConflicts(
  tx: Tx,
  jurisdictionId: string,
  now: Date,
): Promise<RecomputeResult> {
  await lockKey(tx, `catalog.single_source.${jurisdictionId}`);
  const resources = await tx
    .select({
      id: informationResources.id,
      code: informationResources.code,
      relatedCodes: informationResources.relatedCodes,
      name: informationResources.name,
      providerOrganisationId: informationResources.providerOrganisationId,
      provider: organisations.name,
      registeredAt: informationResources.registeredAt,
    })
    .from(informationResources)
    .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
    .where(
      and(
        eq(informationResources.jurisdictionId, jurisdictionId),
        ne(informationResources.state, 'withdrawn'),
      ),
    );
  const items =
    resources.length === 0
      ? []
      : await tx
          .select({ resourceId: resourceDataItems.resourceId, name: resourceDataItems.name })
          .from(resourceDataItems)
          .where(
            inArray(
              resourceDataItems.resourceId,
              resources.map((r) => r.id),
            ),
          );
  const itemsOf = new Map<string, { name: string }[]>();
  for (const item of items) itemsOf.set(item.resourceId, [...(itemsOf.get(item.resourceId) ?? []), item]);
  const providerOf = new Map(resources.map((r) => [r.id, r.providerOrganisationId]));

  const found = findSingleSourceConflicts(
    resources.map((r) => ({
      id: r.id,
      code: r.code,
      relatedCodes: r.relatedCodes,
      name: r.name,
      provider: r.provider,
      registeredAt: r.registeredAt,
      dataItems: itemsOf.get(r.id) ?? [],
    })),
  );

  const stored = await tx
    .select({
      id: singleSourceConflicts.id,
      key: singleSourceConflicts.conflictKey,
      status: singleSourceConflicts.status,
    })
    .from(singleSourceConflicts)
    .where(eq(singleSourceConflicts.jurisdictionId, jurisdictionId));
  const storedByKey = new Map(stored.map((s) => [s.key, s]));
  const seen = new Set<string>();
  let opened = 0;
  for (const conflict of found) {
    const key = `${canonicalItemName(conflict.itemName)}|${conflict.subjects.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const resourceIds = [...new Set(conflict.resources.map((e) => e.resourceId))];
    const organisationIds = [...new Set(resourceIds.map((id) => providerOf.get(id)!))];
    const values = {
      itemName: conflict.itemName,
      subjects: conflict.subjects,
      proposedResourceId: conflict.proposedSource.resourceId,
      proposedOrganisationId: providerOf.get(conflict.proposedSource.resourceId)!,
      organisationIds,
      resourceIds,
      entries: conflict.resources,
      score: conflict.score,
      message: conflict.message,
      status: 'open' as const,
      notified: true,
      updatedAt: now,
      resolvedAt: null,
    };
    const existing = storedByKey.get(key);
    if (existing) {
      if (existing.status !== 'open') opened++;
      await tx
        .update(singleSourceConflicts)
        .set(existing.status === 'open' ? values : { ...values, detectedAt: now })
        .where(eq(singleSourceConflicts.id, existing.id));
    } else {
      opened++;
      await tx
        .insert(singleSourceConflicts)
        .values({ ...values, jurisdictionId, conflictKey: key, detectedAt: now });
    }
  }
  const vanished = stored.filter((s) => s.status === 'open' && !seen.has(s.key));
  if (vanished.length > 0) {
    await tx
      .update(singleSourceConflicts)
      .set({ status: 'resolved', resolvedAt: now, updatedAt: now })
      .where(
        inArray(
          singleSourceConflicts.id,
          vanished.map((s) => s.id),
        ),
      );
  }
  return { open: seen.size, opened, resolved: vanished.length };
}

/**
 * The notices the caller sees: those involving its own organisations, and all of the jurisdictions
 * it reads (the authority).
 */
export function conflictsVisibleWhere(scope: CatalogScope): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.ownOrganisations.length > 0)
    parts.push(arrayOverlaps(singleSourceConflicts.organisationIds, scope.ownOrganisations));
  if (scope.readJurisdictions.length > 0)
    parts.push(inArray(singleSourceConflicts.jurisdictionId, scope.readJurisdictions));
  return parts.length === 0 ? undefined : or(...parts);
}

export async function listConflicts(
  q: Queryable,
  where: SQL,
  options: { status?: 'open' | 'resolved'; resourceId?: string; organisationId?: string } = {},
): Promise<ConflictRecord[]> {
  const rows = await q
    .select({
      id: singleSourceConflicts.id,
      jurisdictionId: singleSourceConflicts.jurisdictionId,
      itemName: singleSourceConflicts.itemName,
      subjects: singleSourceConflicts.subjects,
      proposedResourceId: singleSourceConflicts.proposedResourceId,
      proposedOrganisationId: singleSourceConflicts.proposedOrganisationId,
      proposedOrganisationName: organisations.name,
      organisationIds: singleSourceConflicts.organisationIds,
      resourceIds: singleSourceConflicts.resourceIds,
      entries: singleSourceConflicts.entries,
      score: singleSourceConflicts.score,
      message: singleSourceConflicts.message,
      status: singleSourceConflicts.status,
      detectedAt: singleSourceConflicts.detectedAt,
      updatedAt: singleSourceConflicts.updatedAt,
      resolvedAt: singleSourceConflicts.resolvedAt,
    })
    .from(singleSourceConflicts)
    .innerJoin(organisations, eq(organisations.id, singleSourceConflicts.proposedOrganisationId))
    .where(
      and(
        where,
        options.status ? eq(singleSourceConflicts.status, options.status) : undefined,
        options.resourceId
          ? arrayOverlaps(singleSourceConflicts.resourceIds, [options.resourceId])
          : undefined,
        options.organisationId
          ? arrayOverlaps(singleSourceConflicts.organisationIds, [options.organisationId])
          : undefined,
      ),
    )
    .orderBy(
      asc(singleSourceConflicts.status),
      desc(singleSourceConflicts.detectedAt),
      asc(singleSourceConflicts.id),
    )
    .limit(500);
  return rows.map((row) => ({
    ...row,
    entries: row.entries as SingleSourceEntry[],
    status: row.status as 'open' | 'resolved',
  }));
}
