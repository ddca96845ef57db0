import type { Actor } from '../platform/actor.ts';
import type { Queryable } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { evaluateProject, type ProjectEvaluation, type ProjectFacts, type Rulebook } from '../rules/index.ts';
import {
  bindAll,
  type Directory,
  type HeldRole,
  jurisdictionChain,
  type Party,
  partiesOf,
} from './actors.ts';
import {
  type AssignmentRow,
  type BundleExtras,
  loadBundle,
  type ProjectBundle,
  parties,
  providedMaterials,
  storedActions,
} from './bundle.ts';
import { catalogSystems } from './catalog-link.ts';
import { directoryOf, type WorkflowEnv } from './env.ts';
import type { Declarations, ReviewFindings } from './model.ts';
import { projectFacts, rulebookEvents, standingFindings } from './workflow-state.ts';

export interface ProjectContext {
  bundle: ProjectBundle;
  rulebook: Rulebook;
  directory: Directory;
  bindings: Map<string, string>;
  facts: ProjectFacts;
  evaluation: ProjectEvaluation;
  systemsInCatalog: boolean | null;
  systemDetails: Awaited<ReturnType<typeof catalogSystems>>;
  env: WorkflowEnv;
}

export async function projectContext(
  q: Queryable,
  env: WorkflowEnv,
  bundle: ProjectBundle,
): Promise<ProjectContext> {
  const directory = await directoryOf(q, env);
  const rulebook = env.catalog.registry.get(bundle.project.rulebookCode, bundle.project.rulebookVersion);
  const bindings = bindAll(rulebook, bundle.project.jurisdictionId, directory);
  const chain = jurisdictionChain(directory, bundle.project.jurisdictionId).map((j) => j.id);
  const systemDetails = await catalogSystems(q, chain, bundle.systems, bundle.systemCatalog);
  const systemsInCatalog = systemDetails.length === 0 ? null : systemDetails.every((s) => s.inCatalog);
  const facts = projectFacts({
    type: bundle.project.type,
    planned: bundle.plan?.planStatus === 'approved',
    budgetYears: bundle.budgetYears.length,
    coBuilders: bundle.coBuilderIds.length,
    declarations: bundle.project.declarations as Declarations,
    findings: (bundle.review?.findings ?? {}) as ReviewFindings,
    stepFindings: standingFindings(storedActions(bundle.actions)),
    dedicatedNetwork: bundle.project.dedicatedNetwork,
    dedicatedNetworkBasis: bundle.project.dedicatedNetworkBasis,
    systemsInCatalog,
    materialCodes: providedMaterials(bundle),
  });
  // The rectification facts come only from the rectification orders (src/construction), which the
  // bundle's statement reads (bundle.ts).
  const outcomes = bundle.rectificationStates;
  if (outcomes.includes('refused')) facts.rectificationRefused = true;
  if (outcomes.includes('failed')) facts.rectificationFailed = true;
  const evaluation = evaluateProject(rulebook, {
    facts,
    events: rulebookEvents(storedActions(bundle.actions)),
    today: env.today,
    calendar: env.calendar,
  });
  return { bundle, rulebook, directory, bindings, facts, evaluation, systemsInCatalog, systemDetails, env };
}

export function heldRoles(actor: Actor): HeldRole[] {
  return actor.assignments.map((a) => ({ role: a.role, organisationId: a.organisationId }));
}

export interface Relation {
  parties: Set<Party>;
  /** The caller's expert or evaluator assignment on this project. */
  assignment: AssignmentRow | null;
}

export function relationOf(actor: Actor, pc: Pick<ProjectContext, 'bundle' | 'bindings' | 'env'>): Relation {
  const partySet = partiesOf(heldRoles(actor), parties(pc.bundle), pc.bindings);
  const assignment =
    pc.bundle.assignments.find(
      (a) =>
        a.userIndex === pc.env.expertIndex(actor.userId) &&
        actor.assignments.some((r) => r.role === (a.kind === 'expert' ? 'expert' : 'third_party_evaluator')),
    ) ?? null;
  return { parties: partySet, assignment };
}

/** Drafts (never submitted) are the department's own; everyone else sees submitted projects only. */
export function canView(relation: Relation, bundle: ProjectBundle): boolean {
  if (relation.parties.has('department')) return true;
  if (bundle.project.submissionCount === 0) return false;
  return relation.parties.has('oversight') || relation.assignment !== null;
}

/** The project as the caller may see it, or 404 (absent and invisible look the same). */
export async function visibleContext(
  q: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  id: string,
  options: { lock?: boolean; extras?: BundleExtras } = {},
): Promise<{ pc: ProjectContext; relation: Relation }> {
  const bundle = await loadBundle(q, id, options);
  if (!bundle) throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  const pc = await projectContext(q, env, bundle);
  const relation = relationOf(actor, pc);
  if (!canView(relation, bundle)) throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
  return { pc, relation };
}

/**
 * Whether the caller may see the project: the check a reference in a write passes (a parent
 * project named in a draft), so that absent and invisible answer alike (issue 9 item 2).
 */
export async function canSeeProject(
  q: Queryable,
  env: WorkflowEnv,
  actor: Actor,
  id: string,
): Promise<boolean> {
  const bundle = await loadBundle(q, id);
  if (!bundle) return false;
  const pc = await projectContext(q, env, bundle);
  return canView(relationOf(actor, pc), bundle);
}
