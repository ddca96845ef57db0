/**
 * Cloud migration per department (XZ-08b, XZ-28, XZ-30): live systems, those on a deployment the
 * rulebook counts as government cloud (XZ: only the 市级政务云), approved exemptions, pending
 * exemption requests, handovers. Counted in SQL, grouped by department.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { type Caller, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { derivedFromCode } from '../../rulebooks/index.ts';
import { operationsRulesFor } from '../../rules/index.ts';
import { opsCloudExemptions, opsOmHandovers } from '../tables/index.ts';

export async function cloudSummary(q: Queryable, caller: Caller) {
  const where = and(
    visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
    ne(informationSystems.status, 'retired'),
  );
  const jurisdictionRows = await q
    .selectDistinct({
      id: jurisdictions.id,
      rulebookCode: jurisdictions.rulebookCode,
      derivedFrom: derivedFromCode,
    })
    .from(informationSystems)
    .innerJoin(jurisdictions, eq(jurisdictions.id, informationSystems.jurisdictionId))
    .where(where);
  const counted = new Map(
    jurisdictionRows.map((j) => [
      j.id,
      operationsRulesFor(j.rulebookCode, j.derivedFrom)?.cloud.countedDeployments ?? [],
    ]),
  );
  const onCloudCase =
    jurisdictionRows.length === 0
      ? sql`false`
      : sql.join(
          jurisdictionRows.map((j) => {
            const deployments = counted.get(j.id) ?? [];
            return deployments.length === 0
              ? sql`false`
              : sql`(${informationSystems.jurisdictionId} = ${j.id} and ${informationSystems.deployment} in (${sql.join(
                  deployments.map((d) => sql`${d}`),
                  sql`, `,
                )}))`;
          }),
          sql` or `,
        );
  const rows = await q
    .select({
      organisationId: informationSystems.ownerOrganisationId,
      organisationName: organisations.name,
      systems: sql<number>`count(*)`,
      onCloud: sql<number>`count(*) filter (where ${onCloudCase})`,
      exempt: sql<number>`count(*) filter (where exists (select 1 from ${opsCloudExemptions} e where e.system_id = ${informationSystems.id} and e.status = 'approved'))`,
      pendingExemption: sql<number>`count(*) filter (where exists (select 1 from ${opsCloudExemptions} e where e.system_id = ${informationSystems.id} and e.status = 'requested'))`,
      handedOver: sql<number>`count(*) filter (where exists (select 1 from ${opsOmHandovers} h where h.system_id = ${informationSystems.id}))`,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .where(where)
    .groupBy(informationSystems.ownerOrganisationId, organisations.name)
    .orderBy(asc(organisations.name), asc(informationSystems.ownerOrganisationId));
  const departments = rows.map((r) => {
    const systems = Number(r.systems);
    const onCloud = Number(r.onCloud);
    const exempt = Number(r.exempt);
    return {
      ...r,
      systems,
      onCloud,
      exempt,
      pendingExemption: Number(r.pendingExemption),
      handedOver: Number(r.handedOver),
      toMigrate: Math.max(0, systems - onCloud - exempt),
    };
  });
  const requests = await q
    .select({
      id: opsCloudExemptions.id,
      systemId: informationSystems.id,
      systemCode: informationSystems.code,
      systemName: informationSystems.name,
      organisationName: organisations.name,
      ground: opsCloudExemptions.ground,
      reason: opsCloudExemptions.reason,
      status: opsCloudExemptions.status,
      requestedAt: opsCloudExemptions.requestedAt,
      requestedBy: opsCloudExemptions.requestedBy,
      requestedByName: users.displayName,
      decisionNote: opsCloudExemptions.decisionNote,
      version: opsCloudExemptions.version,
    })
    .from(opsCloudExemptions)
    .innerJoin(informationSystems, eq(informationSystems.id, opsCloudExemptions.systemId))
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .innerJoin(users, eq(users.id, opsCloudExemptions.requestedBy))
    .where(
      and(
        visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
        inArray(opsCloudExemptions.status, ['requested', 'approved', 'rejected']),
      ),
    )
    .orderBy(desc(opsCloudExemptions.requestedAt), desc(opsCloudExemptions.id))
    .limit(200);
  return {
    departments,
    exemptions: requests.map((r) => ({ ...r, mine: r.requestedBy === caller.userId })),
  };
}
