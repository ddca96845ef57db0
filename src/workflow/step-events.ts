/**
 * `onStepEvent`: what other modules do when a step outcome of a given event (`acceptance_passed` …)
 * is recorded, whether decided (`decideStep`) or recorded by a domain module (`recordStepEvent`),
 * inside that transaction after the rulebook deadlines are synchronised. A module registers its
 * handler at app build (src/app.ts); the step core knows no module by name. The acceptance module,
 * for one, puts the project's systems in operation when `acceptance_passed` is recorded.
 */
import type { Tx } from '../platform/db/client.ts';
import type { ProjectContext } from '../projects/index.ts';
import type { EventType } from '../rules/index.ts';

/** The recorded outcome a handler receives, after its signed action row is stored. */
export interface StepEvent {
  stepId: string;
  event: EventType;
  actorUserId: string;
  at: Date;
  /** The date the outcome counts on (a contract's signing date, else today). */
  onDate: string;
}

export type StepEventHandler = (tx: Tx, pc: ProjectContext, event: StepEvent) => Promise<void>;

export interface StepEventRegistry {
  /** Registers `handler` for the recorded outcomes whose event is `event`. */
  onStepEvent(event: EventType, handler: StepEventHandler): void;
  handlersFor(event: EventType): readonly StepEventHandler[];
}

/** One registry per app. */
export function stepEventRegistry(): StepEventRegistry {
  const handlers = new Map<EventType, StepEventHandler[]>();
  return {
    onStepEvent(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    handlersFor(event) {
      return handlers.get(event) ?? [];
    },
  };
}

/** Runs the handlers registered for `event.event`, in registration order (none without a registry). */
export async function runStepEventHandlers(
  registry: StepEventRegistry | undefined,
  tx: Tx,
  pc: ProjectContext,
  event: StepEvent,
): Promise<void> {
  for (const handler of registry?.handlersFor(event.event) ?? []) await handler(tx, pc, event);
}
