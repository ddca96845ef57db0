/** The cloud service catalog in the database (DT-13, SC-12). Prices are stored in 分 (integer). */
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { jurisdictions } from '../../platform/db/core.ts';
import { notFound } from '../../platform/errors.ts';
import type { CatalogScope } from '../access.ts';
import { catalogKey } from '../excel.ts';
import type { CloudServiceCategory, CloudServiceInput } from '../model.ts';
import { cloudServices } from '../tables.ts';
import { toCents } from '../validate.ts';
import { allOf, containsPattern, jurisdictionByCode, lockKey } from './lookups.ts';

export type CloudStatus = 'draft' | 'approved' | 'published';

export interface CloudServiceRecord {
  id: string;
  code: string;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionCode: string;
  rulebookCode: string | null;
  name: string;
  category: CloudServiceCategory;
  spec: string;
  unit: string;
  unitPriceCents: number;
  provider: string;
  remarks: string | null;
  status: CloudStatus;
  authorityApprovedBy: string | null;
  authorityApproverName: string | null;
  authorityApprovedAt: Date | null;
  financeApprovedBy: string | null;
  financeApproverName: string | null;
  financeApprovedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  version: number;
}

const authorityUser = alias(users, 'authority_user');
const financeUser = alias(users, 'finance_user');

const columns = {
  id: cloudServices.id,
  code: cloudServices.code,
  jurisdictionId: cloudServices.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  jurisdictionCode: jurisdictions.code,
  rulebookCode: jurisdictions.rulebookCode,
  name: cloudServices.name,
  category: cloudServices.category,
  spec: cloudServices.spec,
  unit: cloudServices.unit,
  unitPriceCents: cloudServices.unitPriceCents,
  provider: cloudServices.provider,
  remarks: cloudServices.remarks,
  status: cloudServices.status,
  authorityApprovedBy: cloudServices.authorityApprovedBy,
  authorityApproverName: authorityUser.displayName,
  authorityApprovedAt: cloudServices.authorityApprovedAt,
  financeApprovedBy: cloudServices.financeApprovedBy,
  financeApproverName: financeUser.displayName,
  financeApprovedAt: cloudServices.financeApprovedAt,
  publishedAt: cloudServices.publishedAt,
  updatedAt: cloudServices.updatedAt,
  version: cloudServices.version,
};

/**
 * What the caller sees: the whole catalog of the jurisdictions it compiles or approves (authority,
 * finance), and the published items of every jurisdiction it belongs to.
 */
export function cloudVisibleWhere(scope: CatalogScope): SQL {
  const managers = [...new Set([...scope.manageJurisdictions, ...scope.financeJurisdictions])];
  const parts: SQL[] = [];
  if (managers.length > 0) parts.push(inArray(cloudServices.jurisdictionId, managers));
  if (scope.cloudJurisdictions.length > 0) {
    parts.push(
      and(
        inArray(cloudServices.jurisdictionId, scope.cloudJurisdictions),
        eq(cloudServices.status, 'published'),
      )!,
    );
  }
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
}

export interface CloudFilter {
  keyword?: string;
  category?: string;
  status?: string;
}

export function cloudFilterWhere(filter: CloudFilter): SQL | undefined {
  const keyword = filter.keyword?.trim();
  return allOf(
    keyword
      ? or(
          ilike(cloudServices.name, containsPattern(keyword)),
          ilike(cloudServices.spec, containsPattern(keyword)),
          ilike(cloudServices.provider, containsPattern(keyword)),
          ilike(cloudServices.code, containsPattern(keyword)),
        )
      : undefined,
    filter.category ? eq(cloudServices.category, filter.category) : undefined,
    filter.status ? eq(cloudServices.status, filter.status) : undefined,
  );
}

function base(q: Queryable) {
  return q
    .select(columns)
    .from(cloudServices)
    .innerJoin(jurisdictions, eq(jurisdictions.id, cloudServices.jurisdictionId))
    .leftJoin(authorityUser, eq(authorityUser.id, cloudServices.authorityApprovedBy))
    .leftJoin(financeUser, eq(financeUser.id, cloudServices.financeApprovedBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['where']>>[number];
const typed = (rows: Row[]): CloudServiceRecord[] =>
  rows.map((row) => ({
    ...row,
    category: row.category as CloudServiceCategory,
    status: row.status as CloudStatus,
  }));

export async function listCloudServices(
  q: Queryable,
  where: SQL | undefined,
  paging: { limit: number; offset: number },
): Promise<{ items: CloudServiceRecord[]; total: number }> {
  const rows = await base(q)
    .where(where)
    .orderBy(asc(cloudServices.category), asc(cloudServices.code))
    .limit(paging.limit)
    .offset(paging.offset);
  const [{ total }] = await q.select({ total: count() }).from(cloudServices).where(where);
  return { items: typed(rows), total };
}

export async function findCloudServices(q: Queryable, where: SQL): Promise<CloudServiceRecord[]> {
  return typed(await base(q).where(where));
}

export function cloudInputOf(record: CloudServiceRecord): CloudServiceInput {
  return {
    code: record.code,
    name: record.name,
    category: record.category,
    spec: record.spec,
    unit: record.unit,
    unitPrice: record.unitPriceCents / 100,
    provider: record.provider,
    ...(record.remarks !== null ? { remarks: record.remarks } : {}),
  };
}

/** The duplicate key of an entry (catalogKey of excel.ts) in a form PostgreSQL text can hold (no NUL). */
export function cloudEntryKey(input: CloudServiceInput): string {
  return catalogKey('cloudServices', input).replaceAll('\u0000', '|');
}

export function cloudValues(input: CloudServiceInput) {
  return {
    name: input.name,
    category: input.category,
    spec: input.spec,
    unit: input.unit,
    unitPriceCents: toCents(input.unitPrice),
    provider: input.provider,
    remarks: input.remarks ?? null,
    entryKey: cloudEntryKey(input),
  };
}

export async function sameCloudEntry(
  q: Queryable,
  jurisdictionId: string,
  input: CloudServiceInput,
  exceptId?: string,
): Promise<{ id: string; code: string } | undefined> {
  const [row] = await q
    .select({ id: cloudServices.id, code: cloudServices.code })
    .from(cloudServices)
    .where(
      and(
        eq(cloudServices.jurisdictionId, jurisdictionId),
        eq(cloudServices.entryKey, cloudEntryKey(input)),
        exceptId ? ne(cloudServices.id, exceptId) : undefined,
      ),
    );
  return row;
}

/** The next platform code of a jurisdiction's cloud catalog, `DT-YF-00001` (as nextSystemCode). */
export async function nextCloudCode(tx: Tx, jurisdictionCode: string): Promise<string> {
  const prefix = `${jurisdictionCode}-YF-`;
  await lockKey(tx, `catalog.cloud.code.${jurisdictionCode}`);
  const [row] = await tx
    .select({
      highest: sql<
        string | null
      >`max(cast(substring(${cloudServices.code} from ${`^${prefix}([0-9]{1,9})$`}) as integer))`,
    })
    .from(cloudServices)
    .where(sql`${cloudServices.code} like ${`${prefix}%`}`);
  return `${prefix}${String(Number(row?.highest ?? 0) + 1).padStart(5, '0')}`;
}

/** The `jurisdiction` filter of a cloud list: a jurisdiction the scope does not know is a 404. */
export async function cloudJurisdictionWhere(
  q: Queryable,
  scope: CatalogScope,
  code: string | undefined,
): Promise<SQL | undefined> {
  if (code === undefined) return undefined;
  const jurisdiction = await jurisdictionByCode(q, code);
  const known = [...scope.cloudJurisdictions, ...scope.manageJurisdictions, ...scope.financeJurisdictions];
  if (!jurisdiction || !known.includes(jurisdiction.id)) throw notFound('辖区不存在或无权查看');
  return eq(cloudServices.jurisdictionId, jurisdiction.id);
}

/** One cloud service by id. */
export async function cloudServiceById(q: Queryable, id: string): Promise<CloudServiceRecord | undefined> {
  const [record] = await findCloudServices(q, eq(cloudServices.id, id));
  return record;
}

/** The cloud services with the given ids that the scope reads. */
export function visibleCloudServicesByIds(
  q: Queryable,
  scope: CatalogScope,
  ids: readonly string[],
): Promise<CloudServiceRecord[]> {
  return findCloudServices(q, and(inArray(cloudServices.id, [...ids]), cloudVisibleWhere(scope))!);
}
