/**
 * What an Excel upload is checked against: the departments and jurisdiction the caller may upload
 * for (the drop-down lists of the template), and the entries the caller may change.
 */

import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import type { Caller } from '../commands/caller.ts';
import type { CatalogLists, ExistingEntry } from '../excel.ts';
import type { CatalogKind } from '../model.ts';
import { type CloudServiceRecord, findCloudServices } from '../store/cloud.ts';
import {
  editableWhere,
  type JurisdictionInfo,
  jurisdictionsByIds,
  type OrganisationInfo,
  ownerOrganisations,
} from '../store/lookups.ts';
import { listResources, type ResourceRecord } from '../store/resources.ts';
import { listSystems, type SystemRecord } from '../store/systems.ts';
import { cloudServices, informationResources, informationSystems } from '../tables.ts';

/** Entries one upload may name (the rows of a file are bounded by MAX_DATA_ROWS as well). */
const MAX_SCOPE_ENTRIES = 100_000;

export interface ImportScope {
  organisations: OrganisationInfo[];
  /** The jurisdiction a cloud service upload goes to (the first one the caller manages). */
  cloudJurisdiction: JurisdictionInfo | undefined;
  lists: CatalogLists;
}

export async function importScope(q: Queryable, caller: Caller): Promise<ImportScope> {
  const organisations = await ownerOrganisations(q, caller.scope);
  const [cloudJurisdiction] = await jurisdictionsByIds(q, caller.scope.manageJurisdictions.slice(0, 1));
  return {
    organisations,
    cloudJurisdiction,
    lists: {
      departments: organisations.map((o) => o.name),
      jurisdictions: [...new Set(organisations.map((o) => o.jurisdictionName))],
    },
  };
}

export interface Existing {
  systems: SystemRecord[];
  resources: ResourceRecord[];
  cloudServices: CloudServiceRecord[];
}

/** The entries the caller may change: what an upload may update, and what its names must not repeat. */
export async function existingEntries(q: Queryable, caller: Caller, kind: CatalogKind, scope: ImportScope) {
  const all = { limit: MAX_SCOPE_ENTRIES, offset: 0 };
  if (kind === 'systems') {
    const { items } = await listSystems(
      q,
      editableWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
      all,
    );
    const entries: ExistingEntry<'systems'>[] = items.map((s) => ({
      code: s.code,
      name: s.name,
      ownerDepartment: s.ownerOrganisationName,
    }));
    return { records: items, entries };
  }
  if (kind === 'resources') {
    const { items } = await listResources(
      q,
      editableWhere(
        caller.scope,
        informationResources.providerOrganisationId,
        informationResources.jurisdictionId,
      ),
      all,
    );
    const entries: ExistingEntry<'resources'>[] = items.map((r) => ({
      code: r.code,
      name: r.name,
      provider: r.providerName,
    }));
    return { records: items, entries };
  }
  const items = scope.cloudJurisdiction
    ? await findCloudServices(q, eq(cloudServices.jurisdictionId, scope.cloudJurisdiction.id))
    : [];
  const entries: ExistingEntry<'cloudServices'>[] = items.map((c) => ({
    code: c.code,
    name: c.name,
    spec: c.spec,
    category: c.category,
    provider: c.provider,
  }));
  return { records: items, entries };
}
