/**
 * Re-assessment and drill obligations (issue 15) through the obligations engine (src/obligations):
 * a filed assessment meets the open re-assessment of its kind and opens the next one; a first
 * grading opens the first 测评 / 密评; a planned drill opens an obligation that holding it meets. They
 * appear on the supervision board and are swept to overdue like every other obligation. A drill of a
 * department-wide plan (no system) is owed by the department, anchored on the drill's id.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  findObligation,
  LIVE_STATES,
  meetObligation,
  type ObligationEnv,
  obligations,
  openObligation,
} from '../obligations/index.ts';
import type { Tx } from '../platform/db/client.ts';
import {
  ASSESSMENT_LABELS,
  type AssessmentKind,
  assessmentIntervalMonths,
  DRILL_OBLIGATION_KIND,
  type OperationsRules,
  reassessmentKind,
} from '../rules/index.ts';

export interface SystemAnchor {
  id: string;
  name: string;
  organisationId: string;
  jurisdictionId: string;
}

async function liveOf(tx: Tx, kind: string, systemId: string) {
  return tx
    .select({ ref: obligations.ref })
    .from(obligations)
    .where(
      and(
        eq(obligations.kind, kind),
        eq(obligations.systemId, systemId),
        inArray(obligations.state, [...LIVE_STATES]),
      ),
    );
}

/** Meets the live re-assessment of `kind` (if any) and opens the next one from `assessedOn`. */
export async function renewAssessmentObligation(
  tx: Tx,
  env: ObligationEnv,
  rules: OperationsRules,
  system: SystemAnchor,
  assessment: { id: string; kind: AssessmentKind; level: number | null; assessedOn: string; by: string },
): Promise<void> {
  const kind = reassessmentKind(assessment.kind);
  for (const live of await liveOf(tx, kind, system.id)) {
    await meetObligation(
      tx,
      env,
      { kind, systemId: system.id, ref: live.ref },
      { on: assessment.assessedOn, by: assessment.by },
    );
  }
  await openAssessmentObligation(
    tx,
    env,
    rules,
    system,
    assessment.kind,
    assessment.level,
    assessment.assessedOn,
    assessment.id,
  );
}

/** Opens the obligation to assess `kind` one interval after `anchor` (unless none is due or one is live). */
export async function openAssessmentObligation(
  tx: Tx,
  env: ObligationEnv,
  rules: OperationsRules,
  system: SystemAnchor,
  kind: AssessmentKind,
  level: number | null,
  anchor: string,
  ref: string,
): Promise<void> {
  const months = assessmentIntervalMonths(rules, kind, level);
  if (months === null) return;
  const obligationKind = reassessmentKind(kind);
  if ((await liveOf(tx, obligationKind, system.id)).length > 0) return;
  if (await findObligation(tx, { kind: obligationKind, systemId: system.id, ref })) return;
  await openObligation(tx, env, {
    kind: obligationKind,
    systemId: system.id,
    ref,
    jurisdictionId: system.jurisdictionId,
    holderOrganisationId: system.organisationId,
    title: `${system.name}：${ASSESSMENT_LABELS[kind]}${level ? `（第${level}级）` : ''}`,
    articles: kind === 'risk' ? rules.riskAssessmentJoint.articles : rules.assessmentArticles,
    anchorDate: anchor,
    amount: months,
    unit: 'calendar_months',
    link: `/operations/systems/${system.id}`,
  });
}

/** A planned drill is owed on its planned date. */
export async function openDrillObligation(
  tx: Tx,
  env: ObligationEnv,
  rules: OperationsRules,
  plan: {
    id: string;
    title: string;
    organisationId: string;
    jurisdictionId: string;
    systemId: string | null;
  },
  /** `plannedOn` is today or later (the command refuses a date in the past). */
  drill: { id: string; plannedOn: string; today: string },
): Promise<boolean> {
  const days = Math.round((Date.parse(drill.plannedOn) - Date.parse(drill.today)) / 86_400_000);
  await openObligation(tx, env, {
    kind: DRILL_OBLIGATION_KIND,
    // A department-wide plan's drill is owed by the department itself (anchored on its ref).
    systemId: plan.systemId,
    ref: drill.id,
    jurisdictionId: plan.jurisdictionId,
    holderOrganisationId: plan.organisationId,
    title: `${plan.title}：应急演练`,
    articles: rules.emergencyPlanJoint.articles,
    anchorDate: drill.today,
    amount: days,
    unit: 'calendar_days',
    link: '/operations/emergency-plans',
  });
  return true;
}

export async function meetDrillObligation(
  tx: Tx,
  env: ObligationEnv,
  systemId: string | null,
  drill: { id: string; heldOn: string; by: string },
): Promise<void> {
  const key = { kind: DRILL_OBLIGATION_KIND, systemId, ref: drill.id };
  const row = await findObligation(tx, key);
  if (row && LIVE_STATES.includes(row.state))
    await meetObligation(tx, env, key, { on: drill.heldOn, by: drill.by });
}
