/**
 * The rulebook module: the four jurisdictions' rules as versioned data, and the pure functions
 * that evaluate them. Nothing in src/rules does I/O; "today" and the calendar are parameters.
 */
import { DT_RULEBOOK } from './jurisdictions/dt.ts';
import { JC_RULEBOOK } from './jurisdictions/jc.ts';
import { SC_RULEBOOK } from './jurisdictions/sc.ts';
import { XZ_RULEBOOK } from './jurisdictions/xz.ts';
import type { IsoDate, Rulebook } from './model.ts';
import { createRegistry, type RulebookSummary } from './registry.ts';

export { citation } from './context.ts';
export { RulebookChangeSchema } from './derive.ts';
export * from './evaluate.ts';
// The rules the other modules' own engines read (evaluation, operations, progress, review).
export {
  DEFAULT_INDICATORS,
  EFFICACY_CODES,
  EFFICACY_DIMENSIONS,
  type EfficacyDimension,
  type EvaluationRules,
  efficacyProblems,
  efficacyScore,
  evaluationRulesFor,
  GRADE_LABELS,
  type Grade,
  type Indicator,
  indicatorSetProblems,
  PHASE_LABELS,
  PROJECT_PHASES,
  type ProjectPhase,
  projectScore,
  rollUp,
  SCORE_MAX,
  SCORE_MIN,
  scoreProblems,
} from './evaluation.ts';
export { blockingGates, overridable } from './gates.ts';
export * from './model.ts';
export {
  ASSESSMENT_LABELS,
  type AssessmentKind,
  assessmentIntervalMonths,
  BASE_LIBRARY_LABELS,
  type BaseLibraryKind,
  countsAsCloud,
  DRILL_OBLIGATION_KIND,
  INCIDENT_CLASS_LABELS,
  INTERNAL_RULE_LABELS,
  type IncidentCause,
  type IncidentClass,
  type InternalRuleKind,
  liableParty,
  missingInternalRules,
  missingMonitoringDays,
  missingResponsibility,
  nextAssessmentDue,
  type OperationsRules,
  operationsRulesFor,
  reassessmentKind,
  reportDueAt,
  reportingHours,
  reportMissed,
} from './operations.ts';
export { describePredicate, evaluatePredicate } from './predicate.ts';
export { type ProgressActor, type ProgressRules, progressRulesFor } from './progress.ts';
export { createRegistry, type RulebookRegistry, type RulebookSummary } from './registry.ts';
export { sharingOpinionArticle } from './review.ts';
export { loadRulebook, PredicateSchema, RulebookInvalidError, RulebookSchema } from './schema.ts';
export { semanticProblems } from './semantics.ts';
export { ACTION_LABELS, EVENT_LABELS, FACT_CATALOG, STAGE_LABELS } from './vocabulary.ts';

/** The built-in rulebooks as plain data (before loading), e.g. to derive from or to serialize. */
export const BUILT_IN_RULEBOOKS: readonly Rulebook[] = [DT_RULEBOOK, SC_RULEBOOK, JC_RULEBOOK, XZ_RULEBOOK];

const builtIn = createRegistry(BUILT_IN_RULEBOOKS);

/** A built-in rulebook by code (`DT`, `SC`, `JC`, `XZ`); the latest version when none is given. */
export function getRulebook(code: string, version?: number): Rulebook {
  return builtIn.get(code, version);
}

export function listRulebooks(): RulebookSummary[] {
  return builtIn.list();
}

/** The built-in rulebook version in force on `date`. */
export function rulebookForDate(code: string, date: IsoDate): Rulebook {
  return builtIn.forDate(code, date);
}

/** The version a project started on `startedAt` keeps (it does not move to later versions). */
export function rulebookVersionFor(code: string, startedAt: IsoDate): number {
  return builtIn.versionFor(code, startedAt);
}
