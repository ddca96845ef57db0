import { BUILT_IN_RULEBOOKS } from '../../src/rules/index.ts';

/** The step's normal outcome (its first) in the built-in rulebooks: what a test means by "同意". */
export function normalOutcome(stepId: string): string {
  for (const rulebook of BUILT_IN_RULEBOOKS)
    for (const stage of rulebook.workflow.stages)
      for (const step of stage.steps) if (step.id === stepId) return step.outcomes[0].event;
  throw new Error(`no built-in step ${stepId}`);
}
