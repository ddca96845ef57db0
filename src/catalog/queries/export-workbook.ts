/**
 * The caller's filtered view of a catalog written as an Excel workbook (capped; the other end of the
 * round trip, the upload, is commands/import-entries.ts).
 */

import { and } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { assertReadableOrganisation, type Caller } from '../commands/caller.ts';
import { type ExportMeta, exportCatalog } from '../excel.ts';
import type { CatalogKind } from '../model.ts';
import {
  type CloudFilter,
  cloudFilterWhere,
  cloudInputOf,
  cloudJurisdictionWhere,
  cloudVisibleWhere,
  listCloudServices,
} from '../store/cloud.ts';
import {
  listResources,
  type ResourceFilter,
  resourceFilterWhere,
  resourceInputOf,
} from '../store/resources.ts';
import { listSystems, type SystemFilter, systemFilterWhere, systemInputOf } from '../store/systems.ts';
import { resourcesVisibleWhere, systemsVisibleWhere } from '../store/visible.ts';

/** Entries one export may hold (SECURITY.md 35: bulk export capped). */
export const MAX_EXPORT_ENTRIES = 10_000;

/** The caller's filtered view as a workbook; refused above MAX_EXPORT_ENTRIES entries. */
export async function exportWorkbook(
  q: Queryable,
  caller: Caller,
  kind: CatalogKind,
  query: Readonly<Record<string, unknown>>,
  meta: ExportMeta,
): Promise<{ bytes: Buffer; count: number }> {
  const page = { limit: MAX_EXPORT_ENTRIES + 1, offset: 0 };
  const capped = (count: number) => {
    if (count > MAX_EXPORT_ENTRIES) {
      throw invalid('CATALOG_EXPORT_TOO_LARGE', `一次最多导出 ${MAX_EXPORT_ENTRIES} 条，请缩小筛选范围`);
    }
    return count;
  };
  if (kind === 'systems') {
    const filter = query as SystemFilter;
    await assertReadableOrganisation(q, caller, filter.ownerOrganisationId);
    const { items } = await listSystems(
      q,
      and(systemsVisibleWhere(caller.scope), systemFilterWhere(filter)),
      page,
    );
    const count = capped(items.length);
    return { bytes: await exportCatalog('systems', items.map(systemInputOf), meta), count };
  }
  if (kind === 'resources') {
    const filter = query as ResourceFilter;
    await assertReadableOrganisation(q, caller, filter.providerOrganisationId);
    const { items } = await listResources(
      q,
      and(resourcesVisibleWhere(caller.scope), resourceFilterWhere(filter)),
      page,
    );
    const count = capped(items.length);
    return { bytes: await exportCatalog('resources', items.map(resourceInputOf), meta), count };
  }
  const jurisdiction = await cloudJurisdictionWhere(
    q,
    caller.scope,
    query.jurisdiction as string | undefined,
  );
  const { items } = await listCloudServices(
    q,
    and(cloudVisibleWhere(caller.scope), cloudFilterWhere(query as CloudFilter), jurisdiction),
    page,
  );
  const count = capped(items.length);
  return { bytes: await exportCatalog('cloudServices', items.map(cloudInputOf), meta), count };
}
