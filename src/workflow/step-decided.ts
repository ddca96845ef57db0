/**
 * `onStepDecided`: what other modules do when a step of a given gated action (`Step.action`: 备案
 * `file_review`, 立项 `approve_establishment` …) is decided, inside the decision's transaction. A
 * module registers its handler at app build (src/app.ts); the decision core knows no module by
 * name. The review module, for one, issues the 备案证明 or 不予备案通知书 when `file_review` decides.
 */
import type { Tx } from '../platform/db/client.ts';
import type { ProjectContext } from '../projects/index.ts';
import type { GateAction, Step } from '../rules/index.ts';

/** The decision a handler receives, after its signed action row is stored. */
export interface StepDecision {
  step: Step;
  actionId: number;
  outcome: string;
  /** The step's normal outcome (its first: 备案, 同意 …), not a refusal. */
  normal: boolean;
  /** The reasons given, else the opinion. */
  reasons: string[];
  at: Date;
  onDate: string;
}

/** What the handler produced: recorded in the project's history as an action of `kind`. */
export interface StepDecidedEffect {
  kind: string;
  details: Record<string, unknown>;
  /** A document number (文号) shown in the decision's notice. */
  number?: string;
}

export interface StepDecidedHandler {
  /** Materials the handler itself issues: the step's check counts them as provided. */
  issues?: readonly string[];
  handle(tx: Tx, pc: ProjectContext, decision: StepDecision): Promise<StepDecidedEffect | undefined>;
}

export interface StepDecidedRegistry {
  /** Registers `handler` for the decisions of steps whose `action` is `action`. */
  onStepDecided(action: GateAction, handler: StepDecidedHandler): void;
  handlersFor(step: Step): readonly StepDecidedHandler[];
}

/** One registry per app (handlers close over the app's keyring). */
export function stepDecidedRegistry(): StepDecidedRegistry {
  const handlers = new Map<GateAction, StepDecidedHandler[]>();
  return {
    onStepDecided(action, handler) {
      handlers.set(action, [...(handlers.get(action) ?? []), handler]);
    },
    handlersFor(step) {
      return step.action ? (handlers.get(step.action) ?? []) : [];
    },
  };
}
