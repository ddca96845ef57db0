/**
 * The project's link to the catalogs (src/catalog): the systems it builds or changes must be listed
 * in the 政务信息系统目录 of its jurisdiction or a parent's, and not retired (DT-11, SC-10, XZ-08a);
 * the data resources it produces or uses and the cloud services it plans to use are catalog entries.
 */
import { and, inArray, or, type SQL } from 'drizzle-orm';
import type { CatalogScope } from '../catalog/index.ts';
import {
  cloudServices,
  cloudVisibleWhere,
  informationResources,
  informationSystems,
  PUBLICLY_OPEN,
  visibleWhere,
} from '../catalog/index.ts';
import type { Queryable } from '../platform/db/client.ts';
import { invalid } from '../platform/errors.ts';

export interface SystemLink {
  id: number;
  systemId: string | null;
  proposedName: string | null;
  relation: string;
}

export interface SystemDetail {
  systemId: string | null;
  code: string | null;
  name: string;
  relation: string;
  status: string | null;
  /** Listed in the catalog of the project's jurisdiction (or above) and not retired. */
  inCatalog: boolean;
}

/** Whether a catalog row counts as listed for a project whose jurisdiction chain is `chain`. */
export function isListed(
  row: { status: string; jurisdictionId: string } | undefined,
  chain: readonly string[],
): boolean {
  return row !== undefined && row.status !== 'retired' && chain.includes(row.jurisdictionId);
}

/** A catalog system as the project's links read it. */
export interface SystemCatalogRow {
  id: string;
  code: string;
  name: string;
  status: string;
  jurisdictionId: string;
}

/**
 * The project's systems with their catalog entries; `chain` is the project's jurisdiction and its
 * ancestors. `known`: the catalog rows already read with the project (no statement then).
 */
export async function catalogSystems(
  q: Queryable,
  chain: readonly string[],
  links: readonly SystemLink[],
  known?: readonly SystemCatalogRow[],
): Promise<SystemDetail[]> {
  const ids = links.map((l) => l.systemId).filter((id): id is string => id !== null);
  const rows: readonly SystemCatalogRow[] = known
    ? known
    : ids.length
      ? await q
          .select({
            id: informationSystems.id,
            code: informationSystems.code,
            name: informationSystems.name,
            status: informationSystems.status,
            jurisdictionId: informationSystems.jurisdictionId,
          })
          .from(informationSystems)
          .where(inArray(informationSystems.id, ids))
      : [];
  return links.map((l) => {
    const row = l.systemId ? rows.find((r) => r.id === l.systemId) : undefined;
    return {
      systemId: l.systemId,
      code: row?.code ?? null,
      name: row?.name ?? l.proposedName ?? '',
      relation: l.relation,
      status: row?.status ?? null,
      inCatalog: isListed(row, chain),
    };
  });
}

/**
 * Refuses ids that are not in the catalogs (a wrong id is an input error, 400). An entry the caller
 * cannot read is answered like an absent one (issue 9 item 2): systems of the caller's own
 * organisation or of the jurisdictions it reads, those resources plus the publicly open ones, and
 * the cloud services it sees.
 */
export async function requireCatalogIds(
  q: Queryable,
  scope: CatalogScope,
  input: { systemIds: string[]; resourceIds: string[]; serviceIds: string[] },
): Promise<void> {
  const check = async (
    ids: string[],
    table: typeof informationSystems | typeof informationResources | typeof cloudServices,
    visible: SQL,
    field: string,
    label: string,
  ) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await q
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, unique), visible));
    if (found.length !== unique.length) throw invalid('CATALOG_ENTRY_NOT_FOUND', `${label}不存在`, { field });
  };
  const systems = visibleWhere(
    scope,
    informationSystems.ownerOrganisationId,
    informationSystems.jurisdictionId,
  );
  const resources =
    or(
      visibleWhere(scope, informationResources.providerOrganisationId, informationResources.jurisdictionId),
      PUBLICLY_OPEN,
    ) ?? PUBLICLY_OPEN;
  await check(input.systemIds, informationSystems, systems, 'systems', '所选信息系统在目录中');
  await check(input.resourceIds, informationResources, resources, 'resources', '所选信息资源在目录中');
  await check(
    input.serviceIds,
    cloudServices,
    cloudVisibleWhere(scope),
    'cloudServices',
    '所选云服务在目录中',
  );
}
