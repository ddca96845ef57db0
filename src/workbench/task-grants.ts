/**
 * Which open steps a user acts on, as data the 待办 query joins with (queries/tasks.ts): read from the
 * rulebooks and the organisation directory once per role set, never per project.
 *
 * A step's actor is a role within a rulebook organisation (src/projects/actors.ts). For the caller that becomes:
 *  - `owner`: steps of a generic department (市直部门, 项目使用单位 …) whose role the caller holds in
 *    some organisation: they act when that organisation owns the project (scope = organisation id);
 *  - `bound`: steps of a named body (审批局, 主管部门 …) bound to one of the caller's organisations for
 *    a jurisdiction (scope = jurisdiction id): they act on that jurisdiction's projects;
 *  - `reviews`: the review step of every rulebook version (assigned experts and evaluators owe their
 *    opinion while it is open);
 *  - `deadlines`: the rulebook deadlines those steps fulfil (the overdue count).
 * Every rulebook version counts: a project keeps the version it started under.
 */
import type { Actor } from '../platform/actor.ts';
import { weakMemo } from '../platform/memo.ts';
import {
  bindingsFor,
  type Directory,
  isApplicantStage,
  isEstablishmentStage,
  jurisdictionSubtree,
  RECORDED_EVENTS,
  reviewStep,
  type StepInfo,
  stepInfo,
  stepsOf,
  type WorkflowEnv,
} from '../projects/index.ts';
import type { Rulebook } from '../rules/index.ts';
import type { TaskKind } from './schemas.ts';

/** A step of one rulebook version the caller acts on within `scope`. */
export interface ActingStep {
  scope: string;
  code: string;
  version: number;
  stepId: string;
  kind: TaskKind;
}

export interface VersionStep {
  code: string;
  version: number;
  stepId: string;
}

export interface TaskGrants {
  owner: ActingStep[];
  bound: ActingStep[];
  reviews: VersionStep[];
  deadlines: Array<VersionStep & { kind: string }>;
}

/** What kind of 待办 an open step is, which decides the page where it is done. */
export function taskKindOf(rulebook: Rulebook, info: StepInfo): TaskKind {
  if (info.stage === 'budget') return 'budget';
  // After 立项: steps recorded with their data (contracts …) or decided in the generic core.
  if (!isEstablishmentStage(info.stage))
    return info.step.outcomes.some((o) => RECORDED_EVENTS.includes(o.event))
      ? 'construction_record'
      : 'construction_step';
  if (isApplicantStage(info.stage)) return 'application';
  return reviewStep(rulebook)?.id === info.step.id ? 'review' : 'step';
}

/** The caller's grants from the rulebooks and the directory (pure). */
export function taskGrants(
  env: WorkflowEnv,
  directory: Directory,
  assignments: ReadonlyArray<{ role: string; organisationId: string; jurisdictionId: string }>,
): TaskGrants {
  const roles = new Set(assignments.map((a) => a.role));
  const jurisdictions = [
    ...new Set(assignments.flatMap((a) => jurisdictionSubtree(directory, a.jurisdictionId))),
  ];
  const grants: TaskGrants = { owner: [], bound: [], reviews: [], deadlines: [] };
  const granted = new Set<string>();
  for (const summary of env.catalog.registry.list()) {
    const rulebook = env.catalog.registry.get(summary.id, summary.version);
    const version = { code: rulebook.id, version: rulebook.version };
    const review = reviewStep(rulebook);
    if (review) grants.reviews.push({ ...version, stepId: review.id });
    const stepIds = new Set(review ? [review.id] : []);
    for (const info of stepsOf(rulebook)) {
      const { step } = info;
      // A step id used twice in a workflow is the first one (as stepInfo reads it).
      if (stepInfo(rulebook, step.id) !== info || !roles.has(step.actor.role)) continue;
      const org = rulebook.organisations.find((o) => o.key === step.actor.org);
      if (!org) continue;
      const acting = { ...version, stepId: step.id, kind: taskKindOf(rulebook, info) };
      const holders = assignments.filter((a) => a.role === step.actor.role);
      if (org.generic) {
        // Generic organisations other than the department (contractors, evaluators) are assigned.
        if (org.kind !== 'department') continue;
        for (const scope of new Set(holders.map((a) => a.organisationId))) {
          grants.owner.push({ scope, ...acting });
          stepIds.add(step.id);
        }
        continue;
      }
      for (const scope of jurisdictions) {
        const bound = bindingsFor(env, directory, rulebook.id, rulebook.version, scope).get(org.key);
        if (bound === undefined || !holders.some((a) => a.organisationId === bound)) continue;
        const key = `${scope}@${rulebook.id}@${rulebook.version}@${step.id}`;
        if (granted.has(key)) continue;
        granted.add(key);
        grants.bound.push({ scope, ...acting });
        stepIds.add(step.id);
      }
    }
    for (const d of rulebook.deadlines)
      if (d.stepId && stepIds.has(d.stepId))
        grants.deadlines.push({ ...version, stepId: d.stepId, kind: d.id });
  }
  return grants;
}

const cache = weakMemo<Directory, object, TaskGrants>();

/** taskGrants for the caller, remembered per directory, rulebook registry and set of roles. */
export function grantsOf(env: WorkflowEnv, directory: Directory, actor: Actor): TaskGrants {
  const key = actor.assignments
    .map((a) => `${a.role}:${a.organisationId}:${a.jurisdictionId}`)
    .sort()
    .join('|');
  return cache(directory, env.catalog.registry, key, () => taskGrants(env, directory, actor.assignments));
}
