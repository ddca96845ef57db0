/**
 * A disbursement with its gates (live while pending, as stored once decided), the 局党组 decision and
 * overrides.
 */

import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { disbursementAction, type FundKind } from '../model.ts';
import { presentDisbursement, presentOverride, storedGates } from '../presenter.ts';
import { consentOf, disbursementsOf, overridesOf } from '../repository.ts';
import { disbursementGates, visibleDisbursement } from './disbursement.ts';

export async function disbursementDetail(db: Queryable, e: WorkflowEnv, actor: Actor, id: string) {
  const { row, pc } = await visibleDisbursement(db, e, actor, id);
  const [list, overrides, consent] = await Promise.all([
    disbursementsOf(db, row.projectId),
    overridesOf(db, [id]),
    consentOf(db, id),
  ]);
  const gates =
    row.status === 'pending' ? await disbursementGates(db, pc, row) : storedGates(row, pc.rulebook.gates);
  const item = list.find((d) => d.id === id)!;
  return {
    disbursement: presentDisbursement(item),
    project: {
      id: row.projectId,
      code: pc.bundle.project.code,
      name: pc.bundle.project.name,
      rulebook: pc.rulebook.id,
    },
    action: disbursementAction(row.kind as FundKind),
    gates: gates.map((g) => ({
      gateId: g.gateId,
      name: g.name,
      applicable: g.applicable,
      passed: g.passed,
      severity: g.severity,
      strength: g.strength,
      overridden: g.overridden,
      blocking: g.blocking,
      reason: g.reason,
      article: g.article,
      citation: g.citation,
    })),
    blocked: gates.some((g) => g.blocking),
    consentRequired: pc.rulebook.gates.some((g) =>
      JSON.stringify(g.passWhen).includes('"disbursementConsent"'),
    ),
    consent: consent
      ? {
          decision: consent.decision,
          opinion: consent.opinion,
          decidedAt: consent.decidedAt.toISOString(),
          decidedByName: consent.decidedByName,
          organisation: consent.organisation,
        }
      : null,
    overrides: overrides.map(presentOverride),
  };
}
