/**
 * The evaluation year's writes, one `runCommand` each (issue 14), split by concern:
 * self-evaluation.ts (round, self-evaluation, spot-check), assessment.ts (indicator sets, scores,
 * efficacy, roll-up, publication), rectification.ts (opinions followed to closure);
 * command-support.ts holds what they share.
 */

export { createIndicatorSet, publishRound, recordEfficacy, rollUpRound, scoreProject } from './assessment.ts';
export {
  type EvaluationDeps,
  organisationNames,
  RECTIFICATION_KIND,
  type SatisfactionSource,
  SELF_EVALUATION_KIND,
} from './command-support.ts';
export { closeRectification, issueRectification, reportRectification } from './rectification.ts';
export { openRound, parseYuan, spotCheck, submitSelfEvaluation } from './self-evaluation.ts';
