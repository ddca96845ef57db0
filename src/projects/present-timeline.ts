/**
 * The project's timeline (GET /api/projects/:id/timeline): its actions with step, outcome and actor
 * names, expert identities hidden from all but the oversight (SECURITY.md 30), signatures verified.
 */

import type { Keyring } from '../platform/crypto/keyring.ts';
import { type ContentSignature, verifyContent } from '../platform/crypto/sm2.ts';
import { revealAssignedExpert } from '../review/index.ts';
import { actionSignedContent } from '../workflow/index.ts';
import type { ActionRow } from './bundle.ts';
import { ACTION_KINDS, labelOf } from './model.ts';
import { orgName, roleName } from './present.ts';
import type { ProjectContext, Relation } from './repository.ts';
import { stepInfo } from './workflow-state.ts';

/** Experts' identities stay with the authority (SECURITY.md 30): others see that an expert acted, not who. */
const EXPERT_KINDS = ['expert_assigned', 'expert_opinion'];

export function presentTimeline(
  keyring: Keyring,
  pc: ProjectContext,
  actions: readonly ActionRow[],
  relation: Relation,
) {
  const showExperts = relation.parties.has('oversight');
  return actions.map((a) => {
    const hidden = !showExperts && EXPERT_KINDS.includes(a.kind);
    const info = a.stepId ? stepInfo(pc.rulebook, a.stepId) : undefined;
    const target = a.targetStepId ? stepInfo(pc.rulebook, a.targetStepId) : undefined;
    const outcome = info && a.event ? info.step.outcomes.find((o) => o.event === a.event) : undefined;
    const signature = a.signature as unknown as ContentSignature | null;
    return {
      id: a.id,
      at: a.at.toISOString(),
      kind: a.kind,
      kindName: labelOf(ACTION_KINDS, a.kind),
      stepId: a.stepId,
      stepName: info?.step.name ?? null,
      event: a.event,
      outcomeName: outcome?.name ?? null,
      targetStepId: a.targetStepId,
      targetStepName: target?.step.name ?? null,
      actorName: hidden && a.kind === 'expert_opinion' ? '评审专家' : (a.actorName ?? ''),
      roleName: roleName(pc, a.role),
      organisationName: hidden ? '' : orgName(pc, a.organisationId),
      opinion: a.opinion,
      details: hidden
        ? null
        : a.kind === 'expert_assigned'
          ? revealAssignedExpert(keyring, a.details as Record<string, unknown> | null)
          : a.details,
      voided: a.voidedBy !== null,
      signed: signature !== null,
      verified: signature ? verifyContent(keyring, actionSignedContent(a), signature) : null,
    };
  });
}
