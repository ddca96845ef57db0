/**
 * Where a project stands in its rulebook's workflow. Starting from the start steps, a step is
 * - `skipped` when its condition is false (the flow passes through its first outcome),
 * - `done` when an event of one of its outcomes happened (the latest such event decides),
 * - `open` otherwise, once reached; recurring steps stay `open` after being done,
 * - `not_reached` when no path leads to it yet, and `closed` when the project has ended.
 */
import type { EvaluationContext } from './context.ts';
import type { Actor, IsoDate, Outcome, ProjectEvent, StageCode, Step } from './model.ts';
import { evaluatePredicate } from './predicate.ts';

export type StepStatus = 'done' | 'open' | 'skipped' | 'not_reached' | 'closed';
export type ProjectStatus = 'active' | 'refused' | 'ended' | 'terminated';

export interface StepState {
  stepId: string;
  stage: StageCode;
  name: string;
  actor: Actor;
  status: StepStatus;
  /** The outcome recorded for a done (or recurring, once done) step. */
  outcome?: { event: Outcome['event']; name: string; at: IsoDate; result?: Outcome['result'] };
  articles: string[];
}

export interface WorkflowState {
  steps: StepState[];
  status: ProjectStatus;
}

function latestOutcome(
  ctx: EvaluationContext,
  step: Step,
): { outcome: Outcome; event: ProjectEvent } | undefined {
  let found: { outcome: Outcome; event: ProjectEvent } | undefined;
  for (const event of ctx.events) {
    if (!ctx.eventMatchesStep(event, step.id)) continue;
    const outcome = step.outcomes.find((o) => o.event === event.type);
    if (outcome) found = { outcome, event };
  }
  return found;
}

export function workflowState(ctx: EvaluationContext): WorkflowState {
  const states = new Map<string, StepState>();
  const stageOf = new Map<string, StageCode>();
  for (const stage of ctx.rulebook.workflow.stages)
    for (const s of stage.steps) stageOf.set(s.id, stage.code);

  let refused = false;
  let ended = false;
  const queue = [...ctx.rulebook.workflow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const step = ctx.steps.get(id);
    if (!step || states.has(id)) continue;
    const base = {
      stepId: id,
      stage: stageOf.get(id) as StageCode,
      name: step.name,
      actor: step.actor,
      articles: step.articles,
    };
    if (step.condition && !evaluatePredicate(step.condition, ctx)) {
      states.set(id, { ...base, status: 'skipped' });
      queue.push(...(step.skipTo ?? step.outcomes[0].next));
      continue;
    }
    const done = latestOutcome(ctx, step);
    if (!done) {
      states.set(id, { ...base, status: 'open' });
      continue;
    }
    const { outcome, event } = done;
    states.set(id, {
      ...base,
      status: step.recurring && !outcome.result ? 'open' : 'done',
      outcome: {
        event: outcome.event,
        name: outcome.name,
        at: event.at,
        ...(outcome.result ? { result: outcome.result } : {}),
      },
    });
    if (outcome.result === 'refused') refused = true;
    if (outcome.result === 'ended') ended = true;
    queue.push(...outcome.next);
  }

  const terminated = ctx.events.some((e) => e.type === 'terminated');
  const status: ProjectStatus = terminated ? 'terminated' : ended ? 'ended' : refused ? 'refused' : 'active';
  const steps: StepState[] = [];
  for (const stage of ctx.rulebook.workflow.stages) {
    for (const step of stage.steps) {
      const state = states.get(step.id) ?? {
        stepId: step.id,
        stage: stage.code,
        name: step.name,
        actor: step.actor,
        articles: step.articles,
        status: 'not_reached' as const,
      };
      steps.push(status !== 'active' && state.status === 'open' ? { ...state, status: 'closed' } : state);
    }
  }
  return { steps, status };
}
