/**
 * The status history of catalogued systems (只减不增, DT-01): the events written by the commands, a
 * system's history for its detail page, and every system's life as metrics.ts reads it.
 */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import type { SystemLifeRecord } from '../metrics.ts';
import type { SystemStatus } from '../model.ts';
import { informationSystems, systemStatusEvents } from '../tables.ts';

const target = alias(informationSystems, 'merged_target');

export interface StatusEventRecord {
  status: SystemStatus;
  fromStatus: SystemStatus | null;
  at: Date;
  effectiveDate: string | null;
  mergedIntoCode: string | null;
  actorName: string | null;
  note: string | null;
}

export async function statusHistory(q: Queryable, systemId: string): Promise<StatusEventRecord[]> {
  const rows = await q
    .select({
      status: systemStatusEvents.status,
      fromStatus: systemStatusEvents.fromStatus,
      at: systemStatusEvents.at,
      effectiveDate: systemStatusEvents.effectiveDate,
      mergedIntoCode: target.code,
      actorName: users.displayName,
      note: systemStatusEvents.note,
    })
    .from(systemStatusEvents)
    .leftJoin(users, eq(users.id, systemStatusEvents.actorUserId))
    .leftJoin(target, eq(target.id, systemStatusEvents.mergedIntoId))
    .where(eq(systemStatusEvents.systemId, systemId))
    .orderBy(asc(systemStatusEvents.at), asc(systemStatusEvents.id));
  return rows.map((row) => ({
    ...row,
    status: row.status as SystemStatus,
    fromStatus: row.fromStatus as SystemStatus | null,
  }));
}

export async function recordStatusEvent(
  tx: Tx,
  event: {
    systemId: string;
    fromStatus: SystemStatus | null;
    status: SystemStatus;
    at: Date;
    effectiveDate?: string | null;
    mergedIntoId?: string | null;
    actorUserId: string | null;
    note?: string | null;
  },
): Promise<void> {
  await tx.insert(systemStatusEvents).values({
    systemId: event.systemId,
    fromStatus: event.fromStatus,
    status: event.status,
    at: event.at,
    effectiveDate: event.effectiveDate ?? null,
    mergedIntoId: event.mergedIntoId ?? null,
    actorUserId: event.actorUserId,
    note: event.note ?? null,
  });
}

/** Every system of the jurisdiction with its status history, as metrics.ts reads them (DT-01). */
export async function systemLives(q: Queryable, jurisdictionId: string): Promise<SystemLifeRecord[]> {
  const systems = await q
    .select({
      id: informationSystems.id,
      name: informationSystems.name,
      jurisdiction: informationSystems.jurisdictionId,
      createdAt: informationSystems.createdAt,
      retirementDate: informationSystems.retirementDate,
      mergedIntoId: informationSystems.mergedIntoId,
    })
    .from(informationSystems)
    .where(eq(informationSystems.jurisdictionId, jurisdictionId));
  if (systems.length === 0) return [];
  const events = await q
    .select({
      systemId: systemStatusEvents.systemId,
      status: systemStatusEvents.status,
      at: systemStatusEvents.at,
      effectiveDate: systemStatusEvents.effectiveDate,
    })
    .from(systemStatusEvents)
    .innerJoin(informationSystems, eq(informationSystems.id, systemStatusEvents.systemId))
    .where(eq(informationSystems.jurisdictionId, jurisdictionId))
    .orderBy(asc(systemStatusEvents.at), asc(systemStatusEvents.id));
  const history = new Map<string, { status: SystemStatus; at: Date | string }[]>();
  for (const event of events) {
    const list = history.get(event.systemId) ?? [];
    list.push({ status: event.status as SystemStatus, at: event.effectiveDate ?? event.at });
    history.set(event.systemId, list);
  }
  return systems.map((system) => ({
    id: system.id,
    name: system.name,
    jurisdiction: system.jurisdiction,
    createdAt: system.createdAt,
    retiredAt: system.retirementDate,
    mergedInto: system.mergedIntoId,
    mergedAt: system.mergedIntoId ? system.retirementDate : null,
    statusHistory: history.get(system.id) ?? [],
  }));
}
