/** A disbursement as the caller may see it, and its gates on the stored facts. */
import { and, eq, sql } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import {
  type ProjectContext,
  projectSystems,
  visibleContext,
  type WorkflowEnv,
} from '../../projects/index.ts';
import {
  disbursementAction,
  disbursementFacts,
  type FundKind,
  type GateView,
  withOverrides,
} from '../model.ts';
import { disbursementConsents, disbursements, gateOverrides } from '../tables.ts';

/** The disbursement with its project, as the caller may see it (or 404). */
export async function visibleDisbursement(
  tx: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  id: string,
  lock = false,
) {
  const base = tx.select().from(disbursements).where(eq(disbursements.id, id));
  const [row] = lock ? await base.for('update') : await base;
  if (!row) throw notFound('拨付申请不存在或无权查看', 'DISBURSEMENT_NOT_FOUND');
  const { pc, relation } = await visibleContext(tx, env, actor, row.projectId).catch(() => {
    throw notFound('拨付申请不存在或无权查看', 'DISBURSEMENT_NOT_FOUND');
  });
  if (relation.parties.size === 0) throw notFound('拨付申请不存在或无权查看', 'DISBURSEMENT_NOT_FOUND');
  return { row, pc };
}

/** Whether the project's rulebook asks for the consent of a leadership body to each payment (XZ-05b). */
export function consentGate(pc: ProjectContext) {
  return pc.rulebook.gates.find((g) => JSON.stringify(g.passWhen).includes('"disbursementConsent"'));
}

/** Every gate of the disbursement's action on the stored facts, with approved overrides applied. */
export async function disbursementGates(
  tx: Queryable,
  pc: ProjectContext,
  row: typeof disbursements.$inferSelect,
): Promise<GateView[]> {
  const [consent] = await tx
    .select({ decision: disbursementConsents.decision })
    .from(disbursementConsents)
    .where(eq(disbursementConsents.disbursementId, row.id));
  const systems = await tx
    .select({
      deployment: informationSystems.deployment,
      cloudMigration: informationSystems.cloudMigration,
      sharedOnPlatform: informationSystems.sharedOnPlatform,
    })
    .from(projectSystems)
    .innerJoin(informationSystems, eq(informationSystems.id, projectSystems.systemId))
    .where(eq(projectSystems.projectId, row.projectId));
  const overrides = await tx
    .select({ gateId: gateOverrides.gateId })
    .from(gateOverrides)
    .where(and(eq(gateOverrides.disbursementId, row.id), sql`${gateOverrides.approvedBy} is not null`));
  const facts = disbursementFacts(systems, (consent?.decision as 'consent' | 'refuse' | undefined) ?? null);
  const results = pc.evaluation.checkGates(disbursementAction(row.kind as FundKind), facts);
  return withOverrides(
    results,
    overrides.map((o) => o.gateId),
  );
}
