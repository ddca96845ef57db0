/**
 * The two ends of the Excel round trip that touch the database as a whole: the caller's filtered
 * view written as a workbook (capped), and a checked upload written in one audited transaction.
 */
import { and } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
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
import { assertReadableOrganisation, type Caller } from './caller.ts';
import { type ImportPlan, writeImport } from './transfer.ts';

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

/** Writes a checked upload in one audited transaction ('catalog.import'). */
export function importEntries(
  deps: CommandDeps,
  ctx: CommandContext,
  caller: Caller,
  kind: CatalogKind,
  plan: ImportPlan,
  source: { fileName: string; rows: number },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'catalog.import', objectType: 'catalog', objectId: kind },
    async (tx, audit) => {
      const result = await writeImport(tx, caller, plan);
      audit.details = {
        fileName: source.fileName,
        rows: source.rows,
        created: result.created,
        updated: result.updated,
        ...(result.conflictsOpen !== undefined ? { singleSourceOpen: result.conflictsOpen } : {}),
      };
      return result;
    },
  );
}
