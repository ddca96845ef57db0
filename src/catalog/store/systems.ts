/**
 * The system catalog in the database: reads within the caller's scope and the rows written by the
 * commands; the status history and the life records of 只减不增 (DT-01) are in system-history.ts.
 * Rows never leave this layer: the records here are plain objects the presenters and commands work
 * with.
 */
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { normaliseName, similarity } from '../dedupe.ts';
import type { CloudMigrationStatus, Deployment, Network, SystemInput, SystemStatus } from '../model.ts';
import { informationSystems, systemResources } from '../tables.ts';
import { allOf, containsPattern, lockKey } from './lookups.ts';

export {
  recordStatusEvent,
  type StatusEventRecord,
  statusHistory,
  systemLives,
} from './system-history.ts';

export interface SystemRecord {
  id: string;
  code: string;
  name: string;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionCode: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  purpose: string;
  functions: string[];
  status: SystemStatus;
  deployment: Deployment;
  networks: Network[];
  dedicatedNetworkApproval: string | null;
  mlpsLevel: number | null;
  projectRefs: string[];
  resourceCodes: string[];
  sharedOnPlatform: boolean;
  sharedResourceCount: number;
  cloudMigration: CloudMigrationStatus;
  cloudExemptionReason: string | null;
  cloudMigrationDate: string | null;
  retirementDate: string | null;
  mergedIntoId: string | null;
  mergedIntoCode: string | null;
  mergedIntoName: string | null;
  remarks: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const target = alias(informationSystems, 'merged_target');

const columns = {
  id: informationSystems.id,
  code: informationSystems.code,
  name: informationSystems.name,
  jurisdictionId: informationSystems.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  jurisdictionCode: jurisdictions.code,
  ownerOrganisationId: informationSystems.ownerOrganisationId,
  ownerOrganisationName: organisations.name,
  purpose: informationSystems.purpose,
  functions: informationSystems.functions,
  status: informationSystems.status,
  deployment: informationSystems.deployment,
  networks: informationSystems.networks,
  dedicatedNetworkApproval: informationSystems.dedicatedNetworkApproval,
  mlpsLevel: informationSystems.mlpsLevel,
  projectRefs: informationSystems.projectRefs,
  sharedOnPlatform: informationSystems.sharedOnPlatform,
  sharedResourceCount: informationSystems.sharedResourceCount,
  cloudMigration: informationSystems.cloudMigration,
  cloudExemptionReason: informationSystems.cloudExemptionReason,
  cloudMigrationDate: informationSystems.cloudMigrationDate,
  retirementDate: informationSystems.retirementDate,
  mergedIntoId: informationSystems.mergedIntoId,
  mergedIntoCode: target.code,
  mergedIntoName: target.name,
  remarks: informationSystems.remarks,
  createdAt: informationSystems.createdAt,
  updatedAt: informationSystems.updatedAt,
  version: informationSystems.version,
};

export interface SystemFilter {
  keyword?: string;
  status?: string;
  deployment?: string;
  cloudMigration?: string;
  ownerOrganisationId?: string;
  jurisdictionId?: string;
}

export function systemFilterWhere(filter: SystemFilter): SQL | undefined {
  const keyword = filter.keyword?.trim();
  return allOf(
    keyword
      ? or(
          ilike(informationSystems.name, containsPattern(keyword)),
          ilike(informationSystems.code, containsPattern(keyword)),
          ilike(informationSystems.purpose, containsPattern(keyword)),
        )
      : undefined,
    filter.status ? eq(informationSystems.status, filter.status) : undefined,
    filter.deployment ? eq(informationSystems.deployment, filter.deployment) : undefined,
    filter.cloudMigration ? eq(informationSystems.cloudMigration, filter.cloudMigration) : undefined,
    filter.ownerOrganisationId
      ? eq(informationSystems.ownerOrganisationId, filter.ownerOrganisationId)
      : undefined,
    filter.jurisdictionId ? eq(informationSystems.jurisdictionId, filter.jurisdictionId) : undefined,
  );
}

async function withResourceCodes(
  q: Queryable,
  rows: Omit<SystemRecord, 'resourceCodes'>[],
): Promise<SystemRecord[]> {
  if (rows.length === 0) return [];
  const links = await q
    .select({ systemId: systemResources.systemId, code: systemResources.resourceCode })
    .from(systemResources)
    .where(
      inArray(
        systemResources.systemId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(systemResources.resourceCode));
  const bySystem = new Map<string, string[]>();
  for (const link of links) bySystem.set(link.systemId, [...(bySystem.get(link.systemId) ?? []), link.code]);
  return rows.map((row) => ({ ...row, resourceCodes: bySystem.get(row.id) ?? [] }));
}

function base(q: Queryable) {
  return q
    .select(columns)
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationSystems.jurisdictionId))
    .leftJoin(target, eq(target.id, informationSystems.mergedIntoId));
}

const typed = (rows: Awaited<ReturnType<ReturnType<typeof base>['where']>>) =>
  rows.map((row) => ({
    ...row,
    status: row.status as SystemStatus,
    deployment: row.deployment as Deployment,
    networks: row.networks as Network[],
    cloudMigration: row.cloudMigration as CloudMigrationStatus,
  }));

export async function listSystems(
  q: Queryable,
  where: SQL | undefined,
  paging: { limit: number; offset: number },
): Promise<{ items: SystemRecord[]; total: number }> {
  const rows = await base(q)
    .where(where)
    .orderBy(asc(organisations.name), asc(informationSystems.code))
    .limit(paging.limit)
    .offset(paging.offset);
  const [{ total }] = await q.select({ total: count() }).from(informationSystems).where(where);
  return { items: await withResourceCodes(q, typed(rows)), total };
}

export async function findSystem(q: Queryable, where: SQL): Promise<SystemRecord | undefined> {
  const rows = await base(q).where(where);
  return (await withResourceCodes(q, typed(rows)))[0];
}

/** The catalog fields of a record, as a department enters them (for edits merged over them and export). */
export function systemInputOf(record: SystemRecord): SystemInput {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    code: record.code,
    name: record.name,
    ownerDepartment: record.ownerOrganisationName,
    jurisdiction: record.jurisdictionName,
    purpose: record.purpose,
    functions: record.functions,
    status: record.status,
    deployment: record.deployment,
    networks: record.networks,
    ...optional('dedicatedNetworkApproval', record.dedicatedNetworkApproval),
    ...optional('mlpsLevel', record.mlpsLevel),
    projectRefs: record.projectRefs,
    resourceCodes: record.resourceCodes,
    sharedOnPlatform: record.sharedOnPlatform,
    sharedResourceCount: record.sharedResourceCount,
    cloudMigration: record.cloudMigration,
    ...optional('cloudExemptionReason', record.cloudExemptionReason),
    ...optional('cloudMigrationDate', record.cloudMigrationDate),
    ...optional('retirementDate', record.retirementDate),
    ...optional('mergedInto', record.mergedIntoCode),
    ...optional('remarks', record.remarks),
  };
}

/**
 * The next platform code of a jurisdiction, `DT-XT-00001`: one more than the highest all-digit
 * suffix (codes of another shape under the prefix are ignored); serialised per jurisdiction.
 */
export async function nextSystemCode(tx: Tx, jurisdictionCode: string): Promise<string> {
  const prefix = `${jurisdictionCode}-XT-`;
  await lockKey(tx, `catalog.system.code.${jurisdictionCode}`);
  const [row] = await tx
    .select({
      highest: sql<
        string | null
      >`max(cast(substring(${informationSystems.code} from ${`^${prefix}([0-9]{1,9})$`}) as integer))`,
    })
    .from(informationSystems)
    .where(sql`${informationSystems.code} like ${`${prefix}%`}`);
  return `${prefix}${String(Number(row?.highest ?? 0) + 1).padStart(5, '0')}`;
}

/** The stored columns of a system input. */
export function systemValues(input: SystemInput, mergedIntoId: string | null) {
  return {
    name: input.name,
    nameKey: normaliseName(input.name),
    purpose: input.purpose,
    functions: input.functions,
    status: input.status,
    deployment: input.deployment,
    networks: input.networks,
    dedicatedNetworkApproval: input.dedicatedNetworkApproval ?? null,
    mlpsLevel: input.mlpsLevel ?? null,
    projectRefs: input.projectRefs,
    sharedOnPlatform: input.sharedOnPlatform,
    sharedResourceCount: input.sharedResourceCount,
    cloudMigration: input.cloudMigration,
    cloudExemptionReason: input.cloudExemptionReason ?? null,
    cloudMigrationDate: input.cloudMigrationDate ?? null,
    retirementDate: input.retirementDate ?? null,
    mergedIntoId,
    remarks: input.remarks ?? null,
  };
}

export async function replaceSystemResources(
  tx: Tx,
  systemId: string,
  codes: readonly string[],
): Promise<void> {
  await tx.delete(systemResources).where(eq(systemResources.systemId, systemId));
  if (codes.length > 0) {
    await tx
      .insert(systemResources)
      .values([...new Set(codes)].map((resourceCode) => ({ systemId, resourceCode })));
  }
}

/** Systems of the same owner whose name has the same normalised form (the duplicate guard). */
export async function sameNameSystem(
  q: Queryable,
  ownerOrganisationId: string,
  name: string,
  exceptId?: string,
): Promise<{ id: string; code: string } | undefined> {
  const [row] = await q
    .select({ id: informationSystems.id, code: informationSystems.code })
    .from(informationSystems)
    .where(
      and(
        eq(informationSystems.ownerOrganisationId, ownerOrganisationId),
        eq(informationSystems.nameKey, normaliseName(name)),
        exceptId ? ne(informationSystems.id, exceptId) : undefined,
      ),
    );
  return row;
}

export interface NearDuplicate {
  id: string;
  code: string;
  name: string;
  organisationName: string;
  score: number;
}

/**
 * Live systems of other owners in the jurisdiction whose names are near the given one (查重, DT-01:
 * the same system built twice): equal after normalisation, or similar at 0.8 or above.
 */
export async function similarSystems(
  q: Queryable,
  jurisdictionId: string,
  name: string,
  ownerOrganisationId: string,
): Promise<NearDuplicate[]> {
  const rows = await q
    .select({
      id: informationSystems.id,
      code: informationSystems.code,
      name: informationSystems.name,
      organisationName: organisations.name,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .where(
      and(
        eq(informationSystems.jurisdictionId, jurisdictionId),
        ne(informationSystems.ownerOrganisationId, ownerOrganisationId),
        ne(informationSystems.status, 'retired'),
      ),
    );
  return rows
    .map((row) => ({ ...row, score: similarity(name, row.name) }))
    .filter((row) => row.score >= 0.8)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, 10);
}
