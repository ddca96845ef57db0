/** One catalog entry by id within a caller's scope, and the scope conditions the lists and exports share. */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import type { CatalogScope } from '../access.ts';
import { informationResources, informationSystems } from '../tables.ts';
import { visibleWhere } from './lookups.ts';
import { findResource, type ResourceRecord } from './resources.ts';
import { findSystem, type SystemRecord } from './systems.ts';

/** The resources a catalog scope reads. */
export function resourcesVisibleWhere(scope: CatalogScope): SQL {
  return visibleWhere(
    scope,
    informationResources.providerOrganisationId,
    informationResources.jurisdictionId,
  );
}

/** One resource by id, if the scope reads it. */
export function findVisibleResource(
  q: Queryable,
  scope: CatalogScope,
  id: string,
): Promise<ResourceRecord | undefined> {
  return findResource(q, and(eq(informationResources.id, id), resourcesVisibleWhere(scope))!);
}

/** The systems a catalog scope reads. */
export function systemsVisibleWhere(scope: CatalogScope): SQL {
  return visibleWhere(scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId);
}

/** One system by id, if the scope reads it. */
export function findVisibleSystem(
  q: Queryable,
  scope: CatalogScope,
  id: string,
): Promise<SystemRecord | undefined> {
  return findSystem(q, and(eq(informationSystems.id, id), systemsVisibleWhere(scope))!);
}

/** The resources of a jurisdiction with the given codes (a system's linked resources). */
export async function resourcesByCodes(q: Queryable, jurisdictionId: string, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return q
    .select({
      code: informationResources.code,
      name: informationResources.name,
      state: informationResources.state,
    })
    .from(informationResources)
    .where(
      and(
        inArray(informationResources.code, [...codes]),
        eq(informationResources.jurisdictionId, jurisdictionId),
      ),
    );
}
