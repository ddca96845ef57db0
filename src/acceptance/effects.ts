/**
 * Acceptance (DT-23, SC-18, XZ-19): when a project passes acceptance, the catalog systems it builds
 * or changes that are still 建设中 become 运行 (in operation), with a status event in the catalog's
 * history (the 只减不增 count reads it). Registered at app build (src/app.ts) with
 * `onStepEvent('acceptance_passed', systemsInOperation)`, it runs in the transaction that records
 * the outcome.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { informationSystems, systemStatusEvents } from '../catalog/index.ts';
import type { Tx } from '../platform/db/client.ts';
import { type ProjectContext, projectSystems } from '../projects/index.ts';
import type { StepEvent } from '../workflow/index.ts';

/** The `acceptance_passed` handler: the project's systems still 建设中 become 运行. */
export async function systemsInOperation(tx: Tx, pc: ProjectContext, event: StepEvent): Promise<void> {
  const linked = await tx
    .select({ systemId: projectSystems.systemId })
    .from(projectSystems)
    .where(and(eq(projectSystems.projectId, pc.bundle.project.id), isNotNull(projectSystems.systemId)));
  const ids = linked.map((l) => l.systemId as string);
  if (ids.length === 0) return;
  const started = await tx
    .update(informationSystems)
    .set({ status: 'in_operation', updatedAt: event.at, version: sql`${informationSystems.version} + 1` })
    .where(and(inArray(informationSystems.id, ids), eq(informationSystems.status, 'under_construction')))
    .returning({ id: informationSystems.id });
  if (started.length > 0) {
    await tx.insert(systemStatusEvents).values(
      started.map((s) => ({
        systemId: s.id,
        fromStatus: 'under_construction',
        status: 'in_operation',
        at: event.at,
        effectiveDate: event.onDate,
        actorUserId: event.actorUserId,
        note: `项目“${pc.bundle.project.name}”（${pc.bundle.project.code}）验收通过`,
      })),
    );
  }
}
