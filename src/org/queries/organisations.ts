/** The organisation directory: all of it, one entry, or a page (filters, order, page and total in SQL). */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { ORGANISATION_KIND_NAMES } from '../../access/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';

const ORGANISATION_COLUMNS = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  jurisdictionId: organisations.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  parentId: organisations.parentId,
  version: organisations.version,
};
const DIRECTORY_ORDER = [asc(jurisdictions.code), asc(organisations.kind), asc(organisations.name)];
const selectOrganisations = (q: Queryable) =>
  q
    .select(ORGANISATION_COLUMNS)
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId));
type OrganisationRow = Awaited<ReturnType<typeof selectOrganisations>>[number];
const presentOrganisation = (r: OrganisationRow) => ({
  ...r,
  kindName: ORGANISATION_KIND_NAMES[r.kind] ?? r.kind,
});

/** Every organisation, or the one with primary key `id` (one statement either way). */
export async function listOrganisations(q: Queryable, id?: string) {
  const rows = await selectOrganisations(q)
    .where(id === undefined ? undefined : eq(organisations.id, id))
    .orderBy(...DIRECTORY_ORDER);
  return rows.map(presentOrganisation);
}

export interface OrganisationFilters {
  q?: string;
  kind?: string;
  jurisdictionId?: string;
  sort?: 'name' | '-name';
  limit: number;
  offset?: number;
}

/** One page of the directory: filters, order, page and total in SQL (two statements). */
export async function pageOrganisations(q: Queryable, f: OrganisationFilters) {
  const needle = f.q?.trim();
  const where = and(
    needle ? sql`strpos(${organisations.name}, ${needle}) > 0` : undefined,
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.jurisdictionId ? eq(organisations.jurisdictionId, f.jurisdictionId) : undefined,
  );
  const order =
    f.sort === undefined
      ? DIRECTORY_ORDER
      : f.sort === 'name'
        ? [asc(organisations.name)]
        : [desc(organisations.name)];
  const offset = f.offset ?? 0;
  const [rows, [counted]] = await readAll(q, [
    selectOrganisations(q)
      .where(where)
      .orderBy(...order, asc(organisations.id))
      .limit(f.limit)
      .offset(offset),
    q.select({ total: count() }).from(organisations).where(where),
  ]);
  return { items: rows.map(presentOrganisation), total: counted?.total ?? 0, limit: f.limit, offset };
}
