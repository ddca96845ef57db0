/**
 * Records a step outcome that a domain module owns (a contract signed or filed, a supervisor
 * filed …) inside the module's command transaction: the same checks as a decision (the rulebook's
 * actor, the step open, its gates and materials), the signed action row, the rulebook deadlines
 * it opens or meets, the handlers registered for the event (`onStepEvent`), and the project
 * re-evaluated. The project row must be locked by the caller.
 */

import { type DeadlineSync, syncDeadlines } from '../../obligations/index.ts';
import type { Actor, Assignment } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import {
  type ActionRow,
  type ProjectContext,
  providedMaterials,
  type WorkflowEnv,
} from '../../projects/index.ts';
import type { EventType, RoleCode } from '../../rules/index.ts';
import { insertAction } from '../actions.ts';
import { requireStepActor } from '../actors.ts';
import { lookupAnyStep, refreshProject, releaseHolders, throwProblems } from '../context.ts';
import type { ProjectDeps } from '../deps.ts';
import { runStepEventHandlers } from '../step-events.ts';

export interface StepRecord {
  stepId: string;
  event: EventType;
  opinion?: string;
  /** Stored with the action; `ref` pairs the events of one instance (a contract number). */
  details?: Record<string, unknown> | null;
}

export async function recordStepEvent(
  tx: Tx,
  deps: ProjectDeps,
  env: WorkflowEnv,
  actor: Actor,
  pc: ProjectContext,
  record: StepRecord,
): Promise<{ role: Assignment; action: ActionRow; deadlines: DeadlineSync }> {
  const { step } = lookupAnyStep(pc, record.stepId);
  const role = requireStepActor(actor, pc, step);
  const outcome = step.outcomes.find((o) => o.event === record.event);
  if (!outcome) throw invalid('OUTCOME_UNKNOWN', `“${step.name}”没有此办理结果`, { field: 'outcome' });
  throwProblems(
    pc.evaluation.checkStep(step.id, role.role as RoleCode, {
      outcome: outcome.event,
      providedMaterials: providedMaterials(pc.bundle),
    }),
  );
  const id = pc.bundle.project.id;
  const action = await insertAction(tx, env, actor, id, {
    kind: 'step',
    stepId: step.id,
    event: outcome.event,
    opinion: record.opinion ?? '',
    details: record.details ?? null,
    role,
    sign: deps.keyring,
    submissionSeq: pc.bundle.project.submissionCount,
  });
  const ref = typeof record.details?.ref === 'string' ? record.details.ref : undefined;
  const deadlines = await syncDeadlines(tx, env, pc, {
    type: outcome.event,
    on: env.today,
    ...(ref ? { ref } : {}),
    byUserId: actor.userId,
  });
  await runStepEventHandlers(deps.stepEvents, tx, pc, {
    stepId: step.id,
    event: outcome.event,
    actorUserId: actor.userId,
    at: env.now,
    onDate: env.today,
  });
  await releaseHolders(tx, id, [step.id]);
  await refreshProject(tx, env, id);
  return { role, action, deadlines };
}
