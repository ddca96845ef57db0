/** Plans as the API shows them: names, the chain's steps and decisions, the entries (read). */
import type { Queryable } from '../../platform/db/client.ts';
import {
  labelOf,
  loadDirectory,
  PLAN_DECISIONS,
  PLAN_KINDS,
  PLAN_SCOPES,
  PLAN_STATUSES,
} from '../../projects/index.ts';
import type { RulebookRegistry } from '../../rules/index.ts';
import { chainOfPlan, type PlanRow } from '../actors.ts';
import { type PlanEntryView, planEntriesOf } from './entries.ts';

/** `visibleProjects`: the caller's visible project ids (repository.visibleProjectIds), for the entries' links. */
export async function presentPlans(
  q: Queryable,
  rows: PlanRow[],
  visibleProjects: ReadonlySet<string> | null,
  registry: RulebookRegistry,
) {
  const directory = await loadDirectory(q);
  const orgName = (id: string) => directory.organisations.find((o) => o.id === id)?.name ?? '';
  const chainView = (p: PlanRow) => {
    const chain = chainOfPlan(registry, directory, p) ?? [];
    const decisions = p.decisions ?? [];
    const lastReturn = decisions.map((d) => d.decision).lastIndexOf('return');
    const round = decisions.slice(lastReturn + 1);
    return {
      steps: chain.map((c) => {
        const done = round.find((d) => d.stepId === c.step.id);
        return {
          id: c.step.id,
          name: c.step.name,
          deciderName: c.deciderName,
          roles: c.step.roles,
          organisationIds: c.organisationIds,
          articles: c.step.articles,
          canRefuse: c.step.canRefuse,
          state:
            p.currentStep === c.step.id
              ? 'pending'
              : done
                ? done.decision === 'approve'
                  ? 'approved'
                  : 'refused'
                : 'waiting',
        };
      }),
      decisions: decisions.map((d) => ({
        stepId: d.stepId,
        stepName: chain.find((c) => c.step.id === d.stepId)?.step.name ?? d.stepId,
        decision: d.decision,
        decisionName: labelOf(PLAN_DECISIONS, d.decision),
        opinion: d.opinion,
        organisationName: orgName(d.organisationId),
        at: d.at,
      })),
    };
  };
  const entries = visibleProjects
    ? await planEntriesOf(
        q,
        rows.map((r) => r.id),
        visibleProjects,
      )
    : new Map<string, PlanEntryView[]>();
  return rows.map((p) => ({
    id: p.id,
    jurisdictionId: p.jurisdictionId,
    jurisdictionName: directory.jurisdictions.find((j) => j.id === p.jurisdictionId)?.name ?? '',
    organisationId: p.organisationId,
    organisationName: directory.organisations.find((o) => o.id === p.organisationId)?.name ?? '',
    scope: p.scope,
    scopeName: labelOf(PLAN_SCOPES, p.scope),
    kind: p.kind,
    kindName: labelOf(PLAN_KINDS, p.kind),
    title: p.title,
    year: p.year,
    endYear: p.endYear,
    summary: p.summary,
    status: p.status,
    statusName: labelOf(PLAN_STATUSES, p.status),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionOpinion: p.decisionOpinion,
    currentStep: p.currentStep,
    chain: chainView(p),
    version: p.version,
    entries: entries.get(p.id) ?? [],
  }));
}
