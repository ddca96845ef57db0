/**
 * From what is stored about a project to what the rulebook reads, and back to what lists show.
 * Pure: no I/O, no clock.
 *
 *  - `rulebookEvents`: the timeline's step actions that still stand (not voided by a 退回 or 撤回)
 *    become the rulebook's events, each tied to its step;
 *  - `projectFacts`: the application and the review's findings become the rulebook's facts;
 *  - `returnTarget` / `withdrawTarget`: which recorded step action a 退回 or 撤回 voids. Voiding the
 *    applicant's `submitted` sends the project back to the applicant while every later decision
 *    stands, so a resubmission goes straight back to the step that returned it;
 *  - `projectState`: the state shown in lists.
 */
import type {
  EventType,
  ProjectEvaluation,
  ProjectEvent,
  ProjectFacts,
  Rulebook,
  StageCode,
  Step,
} from '../rules/index.ts';
import type { Declarations, ProjectState, ReviewFindings } from './model.ts';

/** A stored timeline entry, as far as the workflow needs it (ordered by id). */
export interface StoredAction {
  id: number;
  kind: string;
  stepId: string | null;
  event: string | null;
  details?: Record<string, unknown> | null;
  /** China civil date of the action, YYYY-MM-DD. */
  onDate: string;
  actorUserId: string | null;
  voidedBy: number | null;
  /** The instance an event belongs to (a contract number), from the action's details. */
  ref?: string | null;
}

/** Stages whose steps this module runs (plan → 立项); later stages belong to later issues. */
export const ESTABLISHMENT_STAGES: readonly StageCode[] = [
  'plan',
  'application',
  'review',
  'filing_approval',
];
/**
 * The budget stage's events (DT-14/DT-15, SC-13, XZ-11, JC-04/JC-05-2): recorded only by src/funds
 * with their data — the review lines and the 预算审定意见, the published 公示, the arranged funds.
 */
export const BUDGET_EVENTS: readonly EventType[] = [
  'budget_decided',
  'allocation_published',
  'funds_arranged',
  'budget_reported',
];
/**
 * Events a domain module records with its own data (a contract, a supervisor, an acceptance, a
 * budget review): the generic decision path refuses them so that the facts the rules read come
 * only from those records.
 */
export const RECORDED_EVENTS: readonly EventType[] = [
  'contract_signed',
  'contract_filed',
  'supervisor_filed',
  'rectification_ordered',
  'rectification_completed',
  'terminated',
  ...BUDGET_EVENTS,
];

/** Stages whose steps the applicant completes by submitting. */
export const APPLICANT_STAGES: readonly StageCode[] = ['plan', 'application'];

export interface StepInfo {
  step: Step;
  stage: StageCode;
}

/**
 * Computed once per rulebook object (rulebooks are immutable once loaded): 待办 asks for a step of
 * every project it lists, and flattening the workflow each time was half its CPU (issue 11).
 */
const stepsCache = new WeakMap<
  Rulebook,
  { list: readonly StepInfo[]; byId: Map<string, StepInfo>; review: Step | undefined }
>();

function stepIndex(rulebook: Rulebook) {
  let found = stepsCache.get(rulebook);
  if (!found) {
    const list = rulebook.workflow.stages.flatMap((stage) =>
      stage.steps.map((step) => ({ step, stage: stage.code })),
    );
    const byId = new Map<string, StepInfo>();
    for (const s of list) if (!byId.has(s.step.id)) byId.set(s.step.id, s);
    const review = list.find(
      (s) => s.stage === 'review' && s.step.outcomes.some((o) => o.event === 'review_completed'),
    )?.step;
    found = { list, byId, review };
    stepsCache.set(rulebook, found);
  }
  return found;
}

export function stepsOf(rulebook: Rulebook): StepInfo[] {
  return [...stepIndex(rulebook).list];
}

export function stepInfo(rulebook: Rulebook, stepId: string): StepInfo | undefined {
  return stepIndex(rulebook).byId.get(stepId);
}

export const isApplicantStage = (stage: StageCode) => APPLICANT_STAGES.includes(stage);
export const isEstablishmentStage = (stage: StageCode) => ESTABLISHMENT_STAGES.includes(stage);

/** The applicant's steps in workflow order (录入/列入目录, 建议书, 申请). */
export function applicantSteps(rulebook: Rulebook): Step[] {
  return stepsOf(rulebook)
    .filter((s) => isApplicantStage(s.stage))
    .map((s) => s.step);
}

/** The step whose outcome is the application (`submitted`). */
export function submissionStep(rulebook: Rulebook): Step | undefined {
  return applicantSteps(rulebook).find((s) => s.outcomes.some((o) => o.event === 'submitted'));
}

/**
 * The five-dimension review step (DT-09b, SC-11a, XZ-10a): the first review-stage step that ends in
 * `review_completed`. JC has none (立项备案 without a scored review).
 */
export function reviewStep(rulebook: Rulebook): Step | undefined {
  return stepIndex(rulebook).review;
}

/** The step that files the review (备案, DT-09b): the one whose action is `file_review`. */
export function filingStep(rulebook: Rulebook): Step | undefined {
  return stepsOf(rulebook).find((s) => s.step.action === 'file_review')?.step;
}

/** True when the application materials include the sharing analysis chapter (SC-09a). */
export function requiresSharingOpinion(rulebook: Rulebook): boolean {
  return applicantSteps(rulebook).some((s) => s.materials.some((m) => m.code === 'sharing_analysis_chapter'));
}

/** Step actions that still stand, as rulebook events in the order they happened. */
export function rulebookEvents(actions: readonly StoredAction[]): ProjectEvent[] {
  return actions
    .filter((a) => a.kind === 'step' && a.voidedBy === null && a.event !== null && a.stepId !== null)
    .sort((a, b) => a.id - b.id)
    .map((a) => ({
      type: a.event as EventType,
      at: a.onDate,
      stepId: a.stepId as string,
      ...(a.ref ? { ref: a.ref } : {}),
    }));
}

/**
 * The findings (认定) that stand: for each fact, the latest `finding` action; a withdrawn finding
 * (`value: null`) leaves the applicant's declaration in force again.
 */
export function standingFindings(actions: readonly StoredAction[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const a of [...actions].filter((x) => x.kind === 'finding').sort((x, y) => x.id - y.id)) {
    const fact = a.details?.fact;
    const value = a.details?.value;
    if (typeof fact !== 'string') continue;
    if (typeof value === 'boolean') out[fact] = value;
    else delete out[fact];
  }
  return out;
}

export interface ApplicationFactsInput {
  type: string;
  planned: boolean;
  budgetYears: number;
  coBuilders: number;
  declarations: Declarations;
  findings: ReviewFindings;
  /** Findings of a deciding step (standingFindings): they override declarations and review findings. */
  stepFindings?: Record<string, boolean>;
  dedicatedNetwork: boolean;
  dedicatedNetworkBasis: string | null;
  /** Null when the project lists no system; otherwise whether every listed system is in the catalog. */
  systemsInCatalog: boolean | null;
  materialCodes: readonly string[];
}

/**
 * The rulebook facts of a project. What the reviewer found (interoperability, disguised packaging,
 * conflict with the sharing policy) overrides what the applicant declared.
 */
export function projectFacts(input: ApplicationFactsInput): ProjectFacts {
  const facts: ProjectFacts = {
    projectType: input.type,
    planned: input.planned,
    multiYear: input.budgetYears > 1,
    crossDepartment: input.coBuilders > 0,
    hasDedicatedNetwork: input.dedicatedNetwork,
    systemsInCatalog: input.systemsInCatalog !== false,
    resourceCatalogProvided: input.materialCodes.includes('resource_catalog'),
  };
  if (input.dedicatedNetwork) {
    facts.dedicatedNetworkLegalBasis = (input.dedicatedNetworkBasis ?? '').trim().length > 0;
  }
  if (input.materialCodes.includes('finance_guarantee_opinion')) facts.financeGuaranteeOpinion = true;
  for (const [key, value] of Object.entries(input.declarations)) {
    if (typeof value === 'boolean') (facts as Record<string, unknown>)[key] = value;
  }
  for (const [key, value] of Object.entries(input.findings)) {
    if (typeof value === 'boolean') (facts as Record<string, unknown>)[key] = value;
  }
  for (const [key, value] of Object.entries(input.stepFindings ?? {})) {
    (facts as Record<string, unknown>)[key] = value;
  }
  return facts;
}

export type ReturnMode = 'previous' | 'applicant';

export interface ReturnTarget {
  action: StoredAction;
  stepId: string;
}

/**
 * The step action a 退回 from `fromStepId` voids: the applicant's latest `submitted` (mode
 * `applicant`), or the latest decision that still stands before the returning step (mode `previous`;
 * when that is the applicant's own submission, this is a return to the applicant too). Null when
 * there is nothing to return to.
 */
export function returnTarget(
  actions: readonly StoredAction[],
  rulebook: Rulebook,
  mode: ReturnMode,
): ReturnTarget | null {
  const standing = actions
    .filter((a) => a.kind === 'step' && a.voidedBy === null && a.stepId !== null)
    .sort((a, b) => b.id - a.id);
  const applicant = new Set(applicantSteps(rulebook).map((s) => s.id));
  const submission = submissionStep(rulebook)?.id;
  const found =
    mode === 'applicant'
      ? standing.find((a) => a.stepId === submission)
      : standing.find((a) => !applicant.has(a.stepId as string) || a.stepId === submission);
  return found ? { action: found, stepId: found.stepId as string } : null;
}

/**
 * The step action a 撤回 by `userId` voids: the latest action that still stands, when it is theirs
 * (the next step has not acted yet). Null otherwise.
 */
export function withdrawTarget(actions: readonly StoredAction[], userId: string): StoredAction | null {
  const standing = actions
    .filter((a) => a.kind === 'step' && a.voidedBy === null)
    .sort((a, b) => b.id - a.id);
  const latest = standing[0];
  return latest && latest.actorUserId === userId ? latest : null;
}

/**
 * The state shown in lists, from the evaluation: refused, 已立项, the applicant's turn (draft,
 * returned or withdrawn), 立项审批中 or 审核中.
 */
export function projectState(
  rulebook: Rulebook,
  evaluation: Pick<ProjectEvaluation, 'status' | 'steps'>,
  actions: readonly StoredAction[],
): ProjectState {
  if (evaluation.status === 'refused' || evaluation.status === 'terminated') return 'refused';
  const stageOf = new Map(stepsOf(rulebook).map((s) => [s.step.id, s.stage]));
  const open = evaluation.steps.filter((s) => s.status === 'open');
  const established = evaluation.steps.some(
    (s) => s.status === 'done' && s.outcome?.event === 'establishment_approved',
  );
  if (established) return 'established';
  // SC 第十四条: a nationally or provincially funded project is recorded (记录在案), not established.
  if (evaluation.status === 'ended') return 'recorded';
  if (open.some((s) => isApplicantStage(stageOf.get(s.stepId) as StageCode))) {
    const last = [...actions]
      .filter(
        (a) => a.kind === 'returned' || a.kind === 'withdrawn' || (a.kind === 'step' && a.voidedBy === null),
      )
      .sort((a, b) => b.id - a.id)[0];
    const everSubmitted = actions.some((a) => a.kind === 'step' && a.event === 'submitted');
    if (!everSubmitted) return 'draft';
    if (last?.kind === 'withdrawn') return 'withdrawn';
    return 'returned';
  }
  if (open.some((s) => stageOf.get(s.stepId) === 'filing_approval')) return 'in_approval';
  return 'in_review';
}

/** The open steps of the establishment stages, in workflow order. */
/** Every open step of the project (stored as the read model `projects.open_steps` for 待办). */
export function openStepIds(evaluation: Pick<ProjectEvaluation, 'steps'>): string[] {
  return evaluation.steps.filter((s) => s.status === 'open').map((s) => s.stepId);
}

export function openEstablishmentSteps(
  rulebook: Rulebook,
  evaluation: Pick<ProjectEvaluation, 'steps'>,
): string[] {
  const stageOf = new Map(stepsOf(rulebook).map((s) => [s.step.id, s.stage]));
  return evaluation.steps
    .filter((s) => s.status === 'open' && isEstablishmentStage(stageOf.get(s.stepId) as StageCode))
    .map((s) => s.stepId);
}

/** Budget by year adds up to the total (DT-09a, SC-08b), in fen. */
export function budgetAddsUp(totalFen: bigint, years: readonly { amountFen: bigint }[]): boolean {
  if (years.length === 0) return true;
  return years.reduce((sum, y) => sum + y.amountFen, 0n) === totalFen;
}
