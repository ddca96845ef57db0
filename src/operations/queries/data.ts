/** Data responsibility per resource (DT-34, JC-06), internal rules per department (DT-05b), base libraries (DT-33). */
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Caller, informationResources, visibleWhere } from '../../catalog/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { derivedFromCode } from '../../rulebooks/index.ts';
import {
  BASE_LIBRARY_LABELS,
  INTERNAL_RULE_LABELS,
  missingInternalRules,
  missingResponsibility,
  operationsRulesFor,
} from '../../rules/index.ts';
import {
  opsBaseLibraries,
  opsBaseLibraryResources,
  opsInternalRules,
  opsResourceResponsibilities,
} from '../tables/index.ts';

const orgName = (column: SQL | unknown) =>
  sql<string | null>`(select name from organisations o where o.id = ${column})`;

export async function listResponsibilities(
  q: Queryable,
  caller: Caller,
  filter: { organisationId?: string; limit: number; offset: number },
) {
  const parts: SQL[] = [
    visibleWhere(
      caller.scope,
      informationResources.providerOrganisationId,
      informationResources.jurisdictionId,
    ),
  ];
  if (filter.organisationId)
    parts.push(eq(informationResources.providerOrganisationId, filter.organisationId));
  const where = and(...parts);
  const [{ total }] = await q.select({ total: count() }).from(informationResources).where(where);
  const rows = await q
    .select({
      resourceId: informationResources.id,
      code: informationResources.code,
      name: informationResources.name,
      state: informationResources.state,
      providerOrganisationName: organisations.name,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
      collectorOrganisationId: opsResourceResponsibilities.collectorOrganisationId,
      collectorOrganisationName: orgName(opsResourceResponsibilities.collectorOrganisationId),
      checkerOrganisationId: opsResourceResponsibilities.checkerOrganisationId,
      checkerOrganisationName: orgName(opsResourceResponsibilities.checkerOrganisationId),
      responsibleOrganisationId: opsResourceResponsibilities.providerOrganisationId,
      responsibleOrganisationName: orgName(opsResourceResponsibilities.providerOrganisationId),
      usageNote: opsResourceResponsibilities.usageNote,
      version: opsResourceResponsibilities.version,
    })
    .from(informationResources)
    .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationResources.jurisdictionId))
    .leftJoin(
      opsResourceResponsibilities,
      eq(opsResourceResponsibilities.resourceId, informationResources.id),
    )
    .where(where)
    .orderBy(asc(informationResources.code))
    .limit(filter.limit)
    .offset(filter.offset);
  return {
    items: rows.map(({ rulebookCode, derivedFrom, ...row }) => {
      const rules = operationsRulesFor(rulebookCode, derivedFrom);
      const missing = rules
        ? missingResponsibility(rules, {
            collector: row.collectorOrganisationId,
            checker: row.checkerOrganisationId,
            provider: row.responsibleOrganisationId,
          })
        : [];
      return {
        ...row,
        principle: rules?.dataResponsibility.principle ?? null,
        articles: rules?.dataResponsibility.articles ?? [],
        required: rules?.dataResponsibility.required ?? [],
        missing,
      };
    }),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}

/** DT-05b: each department of the caller's scope with its recorded rules and the missing ones. */
export async function internalRulesStatus(q: Queryable, caller: Caller) {
  const departments = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(
      and(
        inArray(organisations.kind, ['department', 'data_center']),
        visibleWhere(caller.scope, organisations.id, organisations.jurisdictionId),
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id));
  const ids = departments.map((d) => d.id);
  const recorded =
    ids.length === 0
      ? []
      : await q
          .select({
            organisationId: opsInternalRules.organisationId,
            kind: opsInternalRules.kind,
            title: opsInternalRules.title,
            documentNumber: opsInternalRules.documentNumber,
            issuedOn: opsInternalRules.issuedOn,
            version: opsInternalRules.version,
          })
          .from(opsInternalRules)
          .where(inArray(opsInternalRules.organisationId, ids))
          .orderBy(asc(opsInternalRules.kind));
  return {
    labels: INTERNAL_RULE_LABELS,
    items: departments.flatMap(({ rulebookCode, derivedFrom, ...d }) => {
      const rules = operationsRulesFor(rulebookCode, derivedFrom);
      if (!rules?.internalRules) return [];
      const mine = recorded.filter((r) => r.organisationId === d.id).map(({ organisationId: _o, ...r }) => r);
      return [
        {
          ...d,
          articles: rules.internalRules.articles,
          rules: mine,
          missing: missingInternalRules(
            rules,
            mine.map((r) => r.kind),
          ),
        },
      ];
    }),
  };
}

/** DT-33: the base libraries of each jurisdiction the caller reads whose rulebook names them. */
export async function baseLibraries(q: Queryable, caller: Caller) {
  const readable = [...new Set([...caller.scope.readJurisdictions, ...caller.scope.manageJurisdictions])];
  const own = caller.scope.ownOrganisations;
  const ownJurisdictions =
    own.length === 0
      ? []
      : (
          await q
            .select({ id: organisations.jurisdictionId })
            .from(organisations)
            .where(inArray(organisations.id, own))
        ).map((r) => r.id);
  const ids = [...new Set([...readable, ...ownJurisdictions])];
  if (ids.length === 0) return { items: [] };
  const list = await q
    .select({
      id: jurisdictions.id,
      name: jurisdictions.name,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(jurisdictions)
    .where(inArray(jurisdictions.id, ids))
    .orderBy(asc(jurisdictions.code));
  const libraries = await q
    .select({
      id: opsBaseLibraries.id,
      jurisdictionId: opsBaseLibraries.jurisdictionId,
      kind: opsBaseLibraries.kind,
      responsibleOrganisationId: opsBaseLibraries.responsibleOrganisationId,
      responsibleOrganisationName: organisations.name,
      version: opsBaseLibraries.version,
    })
    .from(opsBaseLibraries)
    .innerJoin(organisations, eq(organisations.id, opsBaseLibraries.responsibleOrganisationId))
    .where(inArray(opsBaseLibraries.jurisdictionId, ids));
  const members =
    libraries.length === 0
      ? []
      : await q
          .select({
            libraryId: opsBaseLibraryResources.libraryId,
            id: informationResources.id,
            code: informationResources.code,
            name: informationResources.name,
          })
          .from(opsBaseLibraryResources)
          .innerJoin(informationResources, eq(informationResources.id, opsBaseLibraryResources.resourceId))
          .where(
            inArray(
              opsBaseLibraryResources.libraryId,
              libraries.map((l) => l.id),
            ),
          )
          .orderBy(asc(informationResources.code));
  return {
    items: list.flatMap((j) => {
      const rules = operationsRulesFor(j.rulebookCode, j.derivedFrom);
      if (!rules?.baseLibraries) return [];
      return rules.baseLibraries.kinds.map((kind) => {
        const library = libraries.find((l) => l.jurisdictionId === j.id && l.kind === kind);
        return {
          jurisdictionId: j.id,
          jurisdictionName: j.name,
          kind,
          label: BASE_LIBRARY_LABELS[kind],
          articles: rules.baseLibraries?.articles ?? [],
          responsibleOrganisationId: library?.responsibleOrganisationId ?? null,
          responsibleOrganisationName: library?.responsibleOrganisationName ?? null,
          resources: library
            ? members.filter((m) => m.libraryId === library.id).map(({ libraryId: _l, ...m }) => m)
            : [],
          version: library?.version ?? null,
        };
      });
    }),
  };
}
