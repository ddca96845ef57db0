/** What the project and workflow commands need from the app, and the hooks other modules plug in. */

import type { CommandDeps } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Tx } from '../platform/db/client.ts';
import type { FileStore, ProjectContext } from '../projects/index.ts';
import type { Step } from '../rules/index.ts';
import type { StepDecidedRegistry } from './step-decided.ts';
import type { StepEventRegistry } from './step-events.ts';

export interface ProjectDeps extends CommandDeps {
  keyring: Keyring;
  files: FileStore;
  /** What other modules do when a step of a given action decides (src/workflow/step-decided.ts). */
  stepDecided?: StepDecidedRegistry;
  /** What other modules do when a step outcome of a given event is recorded (src/workflow/step-events.ts). */
  stepEvents?: StepEventRegistry;
  /** Stores the 查重 check of each submission (src/dedup). */
  onSubmitted?: SubmissionHook;
  /** Refuses to conclude the review while a 查重 `high` hit is unacknowledged (src/dedup). */
  beforeReviewConcludes?: ReviewGate;
}

export type SubmissionHook = (
  tx: Tx,
  pc: ProjectContext,
  submission: { seq: number; userId: string; at: Date },
) => Promise<void>;

export type ReviewGate = (tx: Tx, pc: ProjectContext, step: Step) => Promise<void>;
