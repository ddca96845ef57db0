/** Retirement requests of the systems the caller reads. */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { type Caller, informationSystems, visibleWhere } from '../../catalog/index.ts';
import { users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { opsRetirements } from '../tables/index.ts';

export async function listRetirements(
  q: Queryable,
  caller: Caller,
  filter: { status?: string; limit: number; offset: number },
) {
  const parts: SQL[] = [
    visibleWhere(caller.scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
  ];
  if (filter.status) parts.push(eq(opsRetirements.status, filter.status));
  const where = and(...parts);
  const [{ total }] = await q
    .select({ total: count() })
    .from(opsRetirements)
    .innerJoin(informationSystems, eq(informationSystems.id, opsRetirements.systemId))
    .where(where);
  const rows = await q
    .select({
      id: opsRetirements.id,
      systemId: informationSystems.id,
      systemCode: informationSystems.code,
      systemName: informationSystems.name,
      organisationName: organisations.name,
      reason: opsRetirements.reason,
      retirementDate: opsRetirements.retirementDate,
      dataDisposition: opsRetirements.dataDisposition,
      dataDestination: opsRetirements.dataDestination,
      dataConfirmedAt: opsRetirements.dataConfirmedAt,
      status: opsRetirements.status,
      requestedBy: opsRetirements.requestedBy,
      requestedByName: users.displayName,
      requestedAt: opsRetirements.requestedAt,
      decidedAt: opsRetirements.decidedAt,
      decisionNote: opsRetirements.decisionNote,
      withdrawnResources: opsRetirements.withdrawnResources,
      version: opsRetirements.version,
    })
    .from(opsRetirements)
    .innerJoin(informationSystems, eq(informationSystems.id, opsRetirements.systemId))
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .innerJoin(users, eq(users.id, opsRetirements.requestedBy))
    .where(where)
    .orderBy(desc(opsRetirements.requestedAt), desc(opsRetirements.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return {
    items: rows.map((r) => ({ ...r, mine: r.requestedBy === caller.userId })),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}
