/**
 * Organisations and jurisdictions as the catalogs need them, the scope as SQL, and the
 * transaction-scoped locks that serialise code assignment.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import type { CatalogScope } from '../access.ts';

export interface OrganisationInfo {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  jurisdictionId: string;
  jurisdictionName: string;
  jurisdictionCode: string;
  rulebookCode: string | null;
}

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  code: organisations.code,
  jurisdictionId: organisations.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  jurisdictionCode: jurisdictions.code,
  rulebookCode: jurisdictions.rulebookCode,
};

export async function organisationInfo(q: Queryable, id: string): Promise<OrganisationInfo | undefined> {
  const [row] = await q
    .select(organisationColumns)
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(eq(organisations.id, id));
  return row;
}

/** The organisations an editor may name as owner: its own, and every one of the jurisdictions it manages. */
export async function ownerOrganisations(q: Queryable, scope: CatalogScope): Promise<OrganisationInfo[]> {
  const parts: SQL[] = [];
  if (scope.ownOrganisations.length > 0) parts.push(inArray(organisations.id, scope.ownOrganisations));
  if (scope.manageJurisdictions.length > 0)
    parts.push(inArray(organisations.jurisdictionId, scope.manageJurisdictions));
  if (parts.length === 0) return [];
  return q
    .select(organisationColumns)
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(or(...parts))
    .orderBy(organisations.kind, organisations.name, organisations.id);
}

export interface JurisdictionInfo {
  id: string;
  code: string;
  name: string;
  rulebookCode: string | null;
}

export async function jurisdictionsByIds(q: Queryable, ids: readonly string[]): Promise<JurisdictionInfo[]> {
  if (ids.length === 0) return [];
  return q
    .select({
      id: jurisdictions.id,
      code: jurisdictions.code,
      name: jurisdictions.name,
      rulebookCode: jurisdictions.rulebookCode,
    })
    .from(jurisdictions)
    .where(inArray(jurisdictions.id, [...ids]))
    .orderBy(jurisdictions.code);
}

export async function jurisdictionByCode(q: Queryable, code: string): Promise<JurisdictionInfo | undefined> {
  const [row] = await q
    .select({
      id: jurisdictions.id,
      code: jurisdictions.code,
      name: jurisdictions.name,
      rulebookCode: jurisdictions.rulebookCode,
    })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return row;
}

/**
 * The scope as a condition: entries of the caller's own organisations or of the jurisdictions it
 * reads. `false` when the caller has neither.
 */
export function visibleWhere(scope: CatalogScope, organisation: AnyPgColumn, jurisdiction: AnyPgColumn): SQL {
  const parts: SQL[] = [];
  if (scope.ownOrganisations.length > 0) parts.push(inArray(organisation, scope.ownOrganisations));
  if (scope.readJurisdictions.length > 0) parts.push(inArray(jurisdiction, scope.readJurisdictions));
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
}

/** Entries the caller may change: its own organisations' and those of the jurisdictions it manages. */
export function editableWhere(
  scope: CatalogScope,
  organisation: AnyPgColumn,
  jurisdiction: AnyPgColumn,
): SQL {
  const parts: SQL[] = [];
  if (scope.ownOrganisations.length > 0) parts.push(inArray(organisation, scope.ownOrganisations));
  if (scope.manageJurisdictions.length > 0) parts.push(inArray(jurisdiction, scope.manageJurisdictions));
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
}

/** Serialises code assignment (and similar read-then-write steps) on `key` until the transaction ends. */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** `a and b` that accepts undefined parts. */
export function allOf(...parts: (SQL | undefined)[]): SQL | undefined {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length === 0 ? undefined : and(...present);
}

/** A LIKE pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
