/** The project history rows: every step outcome, 退回, 撤回, 转办, 催办 and comment is one action. */
import { eq } from 'drizzle-orm';
import type { Actor, Assignment } from '../platform/actor.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { signContent } from '../platform/crypto/sm2.ts';
import type { Tx } from '../platform/db/client.ts';
import { type ActionRow, projectActions, type WorkflowEnv } from '../projects/index.ts';
import { projectCertificates } from '../review/index.ts';

export interface NewAction {
  kind: string;
  stepId?: string | null;
  event?: string | null;
  targetStepId?: string | null;
  opinion?: string | null;
  details?: Record<string, unknown> | null;
  submissionSeq?: number | null;
  idempotencyKey?: string | null;
  role?: Assignment | null;
  sign?: Keyring;
}

/** The content an action's SM2 signature covers (密评 8.4h); rebuilt from the row to verify it. */
export function actionSignedContent(row: {
  projectId: string;
  kind: string;
  stepId: string | null;
  event: string | null;
  targetStepId: string | null;
  opinion: string | null;
  details: Record<string, unknown> | null;
  actorUserId: string | null;
  at: Date;
  submissionSeq: number | null;
}): Record<string, unknown> {
  return {
    type: 'tongchou.project-action.v1',
    projectId: row.projectId,
    kind: row.kind,
    stepId: row.stepId,
    event: row.event,
    targetStepId: row.targetStepId,
    opinion: row.opinion,
    details: row.details,
    actorUserId: row.actorUserId,
    at: row.at.toISOString(),
    submissionSeq: row.submissionSeq,
  };
}

export async function insertAction(
  tx: Tx,
  env: Pick<WorkflowEnv, 'now' | 'today'>,
  actor: Actor,
  projectId: string,
  action: NewAction,
): Promise<ActionRow> {
  const values = {
    projectId,
    at: env.now,
    onDate: env.today,
    kind: action.kind,
    stepId: action.stepId ?? null,
    event: action.event ?? null,
    targetStepId: action.targetStepId ?? null,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    role: action.role?.role ?? null,
    organisationId: action.role?.organisationId ?? null,
    opinion: action.opinion ?? null,
    details: action.details ?? null,
    submissionSeq: action.submissionSeq ?? null,
    idempotencyKey: action.idempotencyKey ?? null,
  };
  const signature = action.sign
    ? (signContent(action.sign, actionSignedContent(values)) as unknown as Record<string, string>)
    : null;
  const [row] = await tx
    .insert(projectActions)
    .values({ ...values, signature })
    .returning();
  return row;
}

/** Voids an earlier action (退回, 撤回): kept in the history, no longer evaluated. */
export async function voidAction(tx: Tx, actionId: number, by: number): Promise<void> {
  await tx.update(projectActions).set({ voidedBy: by }).where(eq(projectActions.id, actionId));
}

/** The documents a voided decision issued are revoked with it. */
export async function revokeCertificatesOf(
  tx: Tx,
  env: Pick<WorkflowEnv, 'now'>,
  actionId: number,
): Promise<void> {
  await tx
    .update(projectCertificates)
    .set({ revokedAt: env.now })
    .where(eq(projectCertificates.actionId, actionId));
}
