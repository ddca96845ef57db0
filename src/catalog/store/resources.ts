/**
 * The resource catalog in the database: reads within the caller's scope, data items, code
 * assignment, and the published-and-open view the public endpoints read.
 */
import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { parseResourceCode } from '../codes.ts';
import { normaliseName, similarity } from '../dedupe.ts';
import type {
  DataItemInput,
  DataItemType,
  FormatClass,
  Openness,
  ResourceCategory,
  ResourceInput,
  ResourceState,
  SharingMethod,
  SharingType,
  UpdateCycle,
} from '../model.ts';
import { informationResources, resourceDataItems } from '../tables.ts';
import { allOf, containsPattern, lockKey } from './lookups.ts';
import type { NearDuplicate } from './systems.ts';

export interface ResourceRecord {
  id: string;
  code: string;
  category: ResourceCategory;
  name: string;
  providerOrganisationId: string;
  providerName: string;
  jurisdictionId: string;
  jurisdictionName: string;
  providerCode: string;
  summary: string;
  formatClass: FormatClass;
  formatType: string | null;
  sharing: SharingType;
  sharingConditions: string | null;
  sharingMethods: SharingMethod[];
  openness: Openness;
  openConditions: string | null;
  updateCycle: UpdateCycle;
  publishedDate: string | null;
  relatedCodes: string[];
  sourceSystem: string | null;
  classified: boolean;
  state: ResourceState;
  registeredAt: Date;
  submittedAt: Date | null;
  submittedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  version: number;
  dataItems: DataItemInput[];
}

const columns = {
  id: informationResources.id,
  code: informationResources.code,
  category: informationResources.category,
  name: informationResources.name,
  providerOrganisationId: informationResources.providerOrganisationId,
  providerName: organisations.name,
  jurisdictionId: informationResources.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  providerCode: informationResources.providerCode,
  summary: informationResources.summary,
  formatClass: informationResources.formatClass,
  formatType: informationResources.formatType,
  sharing: informationResources.sharing,
  sharingConditions: informationResources.sharingConditions,
  sharingMethods: informationResources.sharingMethods,
  openness: informationResources.openness,
  openConditions: informationResources.openConditions,
  updateCycle: informationResources.updateCycle,
  publishedDate: informationResources.publishedDate,
  relatedCodes: informationResources.relatedCodes,
  sourceSystem: informationResources.sourceSystem,
  classified: informationResources.classified,
  state: informationResources.state,
  registeredAt: informationResources.registeredAt,
  submittedAt: informationResources.submittedAt,
  submittedBy: informationResources.submittedBy,
  reviewedAt: informationResources.reviewedAt,
  reviewNote: informationResources.reviewNote,
  publishedAt: informationResources.publishedAt,
  updatedAt: informationResources.updatedAt,
  version: informationResources.version,
};

export interface ResourceFilter {
  keyword?: string;
  state?: string;
  category?: string;
  sharing?: string;
  openness?: string;
  providerOrganisationId?: string;
}

export function resourceFilterWhere(filter: ResourceFilter): SQL | undefined {
  const keyword = filter.keyword?.trim();
  return allOf(
    keyword
      ? or(
          ilike(informationResources.name, containsPattern(keyword)),
          ilike(informationResources.code, containsPattern(keyword)),
          ilike(informationResources.summary, containsPattern(keyword)),
        )
      : undefined,
    filter.state ? eq(informationResources.state, filter.state) : undefined,
    filter.category ? eq(informationResources.category, filter.category) : undefined,
    filter.sharing ? eq(informationResources.sharing, filter.sharing) : undefined,
    filter.openness ? eq(informationResources.openness, filter.openness) : undefined,
    filter.providerOrganisationId
      ? eq(informationResources.providerOrganisationId, filter.providerOrganisationId)
      : undefined,
  );
}

function base(q: Queryable) {
  return q
    .select(columns)
    .from(informationResources)
    .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationResources.jurisdictionId));
}

export async function dataItemsOf(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, DataItemInput[]>> {
  const byResource = new Map<string, DataItemInput[]>();
  if (ids.length === 0) return byResource;
  const rows = await q
    .select()
    .from(resourceDataItems)
    .where(inArray(resourceDataItems.resourceId, [...ids]))
    .orderBy(asc(resourceDataItems.resourceId), asc(resourceDataItems.position));
  for (const row of rows) {
    const list = byResource.get(row.resourceId) ?? [];
    list.push({
      name: row.name,
      dataType: row.dataType as DataItemType,
      ...(row.length !== null ? { length: row.length } : {}),
    });
    byResource.set(row.resourceId, list);
  }
  return byResource;
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['where']>>[number];

async function complete(q: Queryable, rows: Row[]): Promise<ResourceRecord[]> {
  const items = await dataItemsOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    category: row.category as ResourceCategory,
    formatClass: row.formatClass as FormatClass,
    sharing: row.sharing as SharingType,
    sharingMethods: row.sharingMethods as SharingMethod[],
    openness: row.openness as Openness,
    updateCycle: row.updateCycle as UpdateCycle,
    state: row.state as ResourceState,
    dataItems: items.get(row.id) ?? [],
  }));
}

export async function listResources(
  q: Queryable,
  where: SQL | undefined,
  paging: { limit: number; offset: number },
): Promise<{ items: ResourceRecord[]; total: number }> {
  const rows = await base(q)
    .where(where)
    .orderBy(asc(informationResources.code))
    .limit(paging.limit)
    .offset(paging.offset);
  const [{ total }] = await q.select({ total: count() }).from(informationResources).where(where);
  return { items: await complete(q, rows), total };
}

export async function findResource(q: Queryable, where: SQL): Promise<ResourceRecord | undefined> {
  return (await complete(q, await base(q).where(where)))[0];
}

/** The catalog fields of a record, as a department enters them. */
export function resourceInputOf(record: ResourceRecord): ResourceInput {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    code: record.code,
    category: record.category,
    name: record.name,
    provider: record.providerName,
    providerCode: record.providerCode,
    summary: record.summary,
    formatClass: record.formatClass,
    ...optional('formatType', record.formatType),
    dataItems: record.dataItems,
    sharing: record.sharing,
    ...optional('sharingConditions', record.sharingConditions),
    sharingMethods: record.sharingMethods,
    openness: record.openness,
    ...optional('openConditions', record.openConditions),
    updateCycle: record.updateCycle,
    ...optional('publishedDate', record.publishedDate),
    relatedCodes: record.relatedCodes,
    ...optional('sourceSystem', record.sourceSystem),
    classified: record.classified,
  };
}

/** The stored columns of a resource input (the code is assigned separately). */
export function resourceValues(input: ResourceInput) {
  return {
    category: input.category,
    name: input.name,
    nameKey: normaliseName(input.name),
    providerCode: input.providerCode,
    summary: input.summary,
    formatClass: input.formatClass,
    formatType: input.formatType ?? null,
    sharing: input.sharing,
    sharingConditions: input.sharingConditions ?? null,
    sharingMethods: input.sharingMethods,
    openness: input.openness,
    openConditions: input.openConditions ?? null,
    updateCycle: input.updateCycle,
    publishedDate: input.publishedDate ?? null,
    relatedCodes: input.relatedCodes,
    sourceSystem: input.sourceSystem ?? null,
    classified: input.classified,
  };
}

export async function replaceDataItems(
  tx: Tx,
  resourceId: string,
  items: readonly DataItemInput[],
): Promise<void> {
  await tx.delete(resourceDataItems).where(eq(resourceDataItems.resourceId, resourceId));
  for (let i = 0; i < items.length; i += 500) {
    await tx.insert(resourceDataItems).values(
      items.slice(i, i + 500).map((item, j) => ({
        resourceId,
        position: i + j + 1,
        name: item.name,
        dataType: item.dataType,
        length: item.length ?? null,
      })),
    );
  }
}

/**
 * The full code for `code` as entered: a full code is kept; a 前段码 gets the next free 顺序码 under
 * it (serialised per prefix until the transaction ends).
 */
export async function assignResourceCode(
  tx: Tx,
  code: string,
): Promise<{ code: string; prefix: string; sequence: string; assigned: boolean }> {
  const parsed = parseResourceCode(code);
  if (!parsed.ok) throw new RangeError(parsed.message);
  const { prefix, sequence } = parsed.code;
  if (sequence !== null) return { code: parsed.code.text, prefix, sequence, assigned: false };
  await lockKey(tx, `catalog.resource.code.${prefix}`);
  const [last] = await tx
    .select({ sequence: informationResources.sequence })
    .from(informationResources)
    .where(eq(informationResources.prefix, prefix))
    .orderBy(desc(informationResources.sequence))
    .limit(1);
  const next = String((last ? Number(last.sequence) : 0) + 1).padStart(6, '0');
  if (next.length > 6) throw new RangeError(`前段码 ${prefix} 下的顺序码已用完`);
  return { code: `${prefix}/${next}`, prefix, sequence: next, assigned: true };
}

export async function resourceByCode(
  q: Queryable,
  code: string,
): Promise<{ id: string; providerOrganisationId: string; jurisdictionId: string } | undefined> {
  const [row] = await q
    .select({
      id: informationResources.id,
      providerOrganisationId: informationResources.providerOrganisationId,
      jurisdictionId: informationResources.jurisdictionId,
    })
    .from(informationResources)
    .where(eq(informationResources.code, code));
  return row;
}

export async function sameNameResource(
  q: Queryable,
  providerOrganisationId: string,
  name: string,
  exceptId?: string,
): Promise<{ id: string; code: string } | undefined> {
  const [row] = await q
    .select({ id: informationResources.id, code: informationResources.code })
    .from(informationResources)
    .where(
      and(
        eq(informationResources.providerOrganisationId, providerOrganisationId),
        eq(informationResources.nameKey, normaliseName(name)),
        exceptId ? ne(informationResources.id, exceptId) : undefined,
      ),
    );
  return row;
}

/** The provider code last used by an organisation (to prefill a new registration). */
export async function lastProviderCode(q: Queryable, organisationId: string): Promise<string | undefined> {
  const [row] = await q
    .select({ providerCode: informationResources.providerCode })
    .from(informationResources)
    .where(eq(informationResources.providerOrganisationId, organisationId))
    .orderBy(desc(informationResources.registeredAt), desc(informationResources.id))
    .limit(1);
  return row?.providerCode;
}

/** Resources of other providers in the jurisdiction with a near name (查重 at entry). */
export async function similarResources(
  q: Queryable,
  jurisdictionId: string,
  name: string,
  providerOrganisationId: string,
): Promise<NearDuplicate[]> {
  const rows = await q
    .select({
      id: informationResources.id,
      code: informationResources.code,
      name: informationResources.name,
      organisationName: organisations.name,
    })
    .from(informationResources)
    .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
    .where(
      and(
        eq(informationResources.jurisdictionId, jurisdictionId),
        ne(informationResources.providerOrganisationId, providerOrganisationId),
        ne(informationResources.state, 'withdrawn'),
      ),
    );
  return rows
    .map((row) => ({ ...row, score: similarity(name, row.name) }))
    .filter((row) => row.score >= 0.8)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Public view: published, opened, not classified (SC-09b)

/** What the public may see: 已发布, 开放属性 not 不予开放, not 涉密 (the CHECK constraint backs this up). */
export const PUBLICLY_OPEN: SQL = sql`${informationResources.state} = 'published' and ${informationResources.openness} in ('unconditional', 'conditional') and not ${informationResources.classified}`;

export async function listPublicResources(
  q: Queryable,
  filter: { keyword?: string; category?: string },
  paging: { limit: number; offset: number },
): Promise<{ items: ResourceRecord[]; total: number }> {
  const keyword = filter.keyword?.trim();
  const where = and(
    PUBLICLY_OPEN,
    keyword
      ? or(
          ilike(informationResources.name, containsPattern(keyword)),
          ilike(informationResources.summary, containsPattern(keyword)),
        )
      : undefined,
    filter.category ? eq(informationResources.category, filter.category) : undefined,
  );
  return listResources(q, where, paging);
}

export async function findPublicResource(q: Queryable, code: string): Promise<ResourceRecord | undefined> {
  const found = await findResource(
    q,
    and(PUBLICLY_OPEN, eq(informationResources.code, code)) ?? PUBLICLY_OPEN,
  );
  return found;
}
