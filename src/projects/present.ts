/**
 * Presenters: what the project routes answer, field by field. Rows never leave the server as they
 * are; the rulebook's own words (organisation and role names, step names, citations) are used.
 */

import type { Actor } from '../platform/actor.ts';
import { chinaDate } from '../platform/clock.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type ContentSignature, verifyContent } from '../platform/crypto/sm2.ts';
import { fenToYuan } from '../platform/documents/format.ts';
import {
  ACTION_LABELS,
  citation,
  evaluatePredicate,
  FACT_CATALOG,
  STAGE_LABELS,
  type StageCode,
} from '../rules/index.ts';
import { stepRole } from '../workflow/index.ts';
import { actorLabel } from './actors.ts';
import { ownerPhoneMasked } from './application.ts';
import { type ProjectBundle, providedMaterials, storedActions } from './bundle.ts';
import { arrivalOf, dueOf, workdaysKnown } from './deadlines.ts';
import { applicationMaterialCodes, materialName } from './materials.ts';
import {
  FUNDING_MODES,
  ISSUED_DOCUMENTS,
  labelOf,
  PROJECT_CATEGORIES,
  PROJECT_STATES,
  PROJECT_TYPES,
  RESOURCE_RELATIONS,
  SYSTEM_RELATIONS,
} from './model.ts';
import { permissionsOf } from './permissions.ts';
import type { ProjectContext, Relation } from './repository.ts';
import {
  filingStep,
  isApplicantStage,
  isEstablishmentStage,
  requiresSharingOpinion,
  reviewStep,
  rulebookEvents,
  stepInfo,
  stepsOf,
} from './workflow-state.ts';

export const orgName = (pc: ProjectContext, id: string | null | undefined) =>
  id ? (pc.directory.organisations.find((o) => o.id === id)?.name ?? '') : '';

export function roleName(pc: ProjectContext, role: string | null): string {
  if (!role) return '';
  return pc.rulebook.roles.find((r) => r.code === role)?.name ?? role;
}

/**
 * What the applicant can upload, and for each material whether the rulebook requires it of this
 * project (required, or conditional with its condition true) and whether it is there.
 */
export function applicationMaterialsOf(pc: ProjectContext) {
  const provided = providedMaterials(pc.bundle);
  const events = rulebookEvents(storedActions(pc.bundle.actions));
  const steps = stepsOf(pc.rulebook).filter(
    (s) =>
      isEstablishmentStage(s.stage) &&
      pc.evaluation.steps.find((x) => x.stepId === s.step.id)?.status !== 'skipped' &&
      (s.step.condition === undefined || evaluatePredicate(s.step.condition, { facts: pc.facts, events })),
  );
  const required = new Map<string, string>();
  for (const { step } of steps) {
    for (const m of pc.evaluation.missingMaterials(step.id, []))
      if (!required.has(m.code)) required.set(m.code, m.articles[0]);
  }
  return applicationMaterialCodes(pc.rulebook).map((code) => ({
    code,
    name: materialName(pc.rulebook, code),
    required: required.has(code),
    provided: provided.includes(code),
    article: required.get(code) ?? null,
  }));
}

/**
 * The open steps of the establishment stages (plan → 立项) with who acts, the outcomes, the gates of
 * their action and the missing materials. Later stages (budget, construction …) belong to later modules.
 */
function presentOpenSteps(actor: Actor, pc: ProjectContext) {
  const provided = providedMaterials(pc.bundle);
  // When the current work arrived and how long it has waited (issue 17 item 6).
  const arrived = arrivalOf(pc.bundle.actions) ?? pc.bundle.project.createdAt;
  const waited = pc.env.calendar.workingDaysBetween(chinaDate(arrived), pc.env.today);
  const holders = detailExtras(pc.bundle).names;
  return pc.evaluation.steps
    .filter(
      (s) =>
        s.status === 'open' && isEstablishmentStage(stepInfo(pc.rulebook, s.stepId)?.stage ?? 'operation'),
    )
    .map((s) => {
      const info = stepInfo(pc.rulebook, s.stepId)!;
      const holder = pc.bundle.holders.find((h) => h.stepId === s.stepId);
      const gates = info.step.action ? pc.evaluation.checkGates(info.step.action) : [];
      // The filing step issues the certificate it lists (DT-09b): not something to upload.
      const issued = info.step.action === 'file_review' ? ISSUED_DOCUMENTS : [];
      return {
        stepId: s.stepId,
        name: info.step.name,
        stage: info.stage,
        stageName: STAGE_LABELS[info.stage],
        applicant: isApplicantStage(info.stage),
        actorName: actorLabel(pc.rulebook, info.step),
        articles: info.step.articles,
        citation: citation(pc.rulebook, info.step.articles[0]),
        action: info.step.action ?? null,
        actionName: info.step.action ? ACTION_LABELS[info.step.action] : null,
        canAct: stepRole(actor, pc, info.step) !== undefined,
        since: arrived.toISOString(),
        waitedWorkdays: workdaysKnown(waited),
        ...dueOf(pc.evaluation.obligations, s.stepId, pc.env),
        holder: holder ? { userId: holder.holderUserId, name: holders.get(holder.holderUserId) ?? '' } : null,
        outcomes: info.step.outcomes.map((o, i) => ({
          event: o.event,
          name: o.name,
          normal: i === 0,
          refuses: o.result === 'refused',
        })),
        gates: gates.map((g) => ({
          gateId: g.gateId,
          name: g.name,
          passed: g.passed,
          applicable: g.applicable,
          severity: g.severity,
          reason: g.reason,
          article: g.article,
          citation: g.citation,
        })),
        materials: info.step.materials.map((m) => ({
          code: m.code,
          name: m.name,
          requirement: m.requirement,
          provided: provided.includes(m.code),
          issued: issued.includes(m.code),
          article: m.articles[0],
        })),
        // 认定 the step's actor may record (JC 五.1/五.2), with the value in force and the reason.
        findings: (info.step.findings ?? []).map((fact) => {
          const last = [...pc.bundle.actions]
            .reverse()
            .find((a) => a.kind === 'finding' && (a.details as { fact?: string } | null)?.fact === fact);
          const standing = typeof (last?.details as { value?: unknown } | null)?.value === 'boolean';
          const value = pc.facts[fact];
          return {
            fact,
            label: FACT_CATALOG[fact].label,
            value: typeof value === 'boolean' ? value : null,
            found: standing,
            reason: standing ? (last?.opinion ?? null) : null,
          };
        }),
        missingMaterials: pc.evaluation.missingMaterials(s.stepId, [...provided, ...issued]).map((m) => ({
          code: m.code,
          name: m.name,
          article: m.articles[0],
          citation: citation(pc.rulebook, m.articles[0]),
        })),
      };
    });
}

interface DetailExtras {
  names: Map<string, string>;
  resourceRows: { id: string; code: string; name: string }[];
  parent: { id: string; code: string; name: string } | null;
  children: {
    id: string;
    code: string;
    name: string;
    jurisdictionId: string;
    shareOfParentFen: bigint | null;
    submissionCount: number;
  }[];
}

function detailExtras(bundle: ProjectBundle): DetailExtras {
  const raw = bundle.extras as
    | {
        names: Record<string, string>;
        resources: DetailExtras['resourceRows'];
        parent: DetailExtras['parent'];
        children: (Omit<DetailExtras['children'][number], 'shareOfParentFen'> & {
          shareOfParentFen: string | null;
        })[];
      }
    | undefined;
  if (!raw?.names)
    throw new Error('presentProject needs the bundle loaded with DETAIL_EXTRAS (queries/detail-extras.ts)');
  return {
    names: new Map(Object.entries(raw.names)),
    resourceRows: raw.resources,
    parent: raw.parent,
    children: raw.children.map((c) => ({
      ...c,
      shareOfParentFen: c.shareOfParentFen === null ? null : BigInt(c.shareOfParentFen),
    })),
  };
}

export function presentProject(keyring: Keyring, actor: Actor, pc: ProjectContext, relation: Relation) {
  const { bundle, rulebook, evaluation } = pc;
  const p = bundle.project;
  const jurisdiction = pc.directory.jurisdictions.find((j) => j.id === p.jurisdictionId);
  const { resourceRows, names: uploaders, parent, children } = detailExtras(bundle);
  const stageOf = (stepId: string) => stepInfo(rulebook, stepId)?.stage as StageCode;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    typeName: labelOf(PROJECT_TYPES, p.type),
    category: p.category,
    categoryName: labelOf(PROJECT_CATEGORIES, p.category),
    fundingMode: p.fundingMode,
    fundingModeName: labelOf(FUNDING_MODES, p.fundingMode),
    summary: p.summary,
    jurisdiction: { id: p.jurisdictionId, code: jurisdiction?.code ?? '', name: jurisdiction?.name ?? '' },
    rulebook: {
      code: rulebook.id,
      version: rulebook.version,
      name: rulebook.name,
      title: rulebook.regulation.title,
    },
    owner: { id: p.ownerOrganisationId, name: orgName(pc, p.ownerOrganisationId) },
    coBuilders: bundle.coBuilderIds.map((id) => ({ id, name: orgName(pc, id) })),
    plan: bundle.plan
      ? {
          entryId: bundle.plan.entryId,
          planId: bundle.plan.planId,
          planTitle: bundle.plan.planTitle,
          planApproved: bundle.plan.planStatus === 'approved',
          projectName: bundle.plan.projectName,
          year: bundle.plan.year,
          estimatedBudget: fenToYuan(bundle.plan.estimatedBudgetFen),
        }
      : null,
    planned: pc.facts.planned === true,
    parent:
      parent && relation.parties.size > 0
        ? { id: parent.id, code: parent.code, name: parent.name }
        : p.parentProjectId
          ? { id: p.parentProjectId, code: '', name: '' }
          : null,
    shareOfParent: p.shareOfParentFen === null ? null : fenToYuan(p.shareOfParentFen),
    // DT 第十六条: each level's share goes into the budget of its own level (同级财政预算).
    shareBudget: p.parentProjectId ? `${jurisdiction?.name ?? ''}本级财政预算` : null,
    children: children
      .filter((c) => c.submissionCount > 0)
      .map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        jurisdictionName: pc.directory.jurisdictions.find((j) => j.id === c.jurisdictionId)?.name ?? '',
        shareOfParent: c.shareOfParentFen === null ? null : fenToYuan(c.shareOfParentFen),
        shareBudget: `${pc.directory.jurisdictions.find((j) => j.id === c.jurisdictionId)?.name ?? ''}本级财政预算`,
      })),
    totalBudget: fenToYuan(p.totalBudgetFen),
    budgetByYear: bundle.budgetYears.map((y) => ({ year: y.year, amount: fenToYuan(y.amountFen) })),
    systems: pc.systemDetails.map((s) => ({
      systemId: s.systemId,
      code: s.code,
      name: s.name,
      relation: s.relation,
      relationName: labelOf(SYSTEM_RELATIONS, s.relation),
      status: s.status,
      inCatalog: s.inCatalog,
    })),
    resources: bundle.resources.map((r) => {
      const entry = resourceRows.find((x) => x.id === r.resourceId);
      return {
        resourceId: r.resourceId,
        code: entry?.code ?? '',
        name: entry?.name ?? '',
        relation: r.relation,
        relationName: labelOf(RESOURCE_RELATIONS, r.relation),
      };
    }),
    cloudServices: p.cloudServices,
    dedicatedNetwork: p.dedicatedNetwork,
    dedicatedNetworkBasis: p.dedicatedNetworkBasis,
    classified: p.classified,
    requiredFields: (rulebook.requiredFields ?? []).map((f) => f.field),
    projectOwner: p.ownerPersonName
      ? { name: p.ownerPersonName, title: p.ownerPersonTitle ?? '', phone: maskedPhoneOf(keyring, bundle) }
      : null,
    performanceTargets: p.performanceTargets,
    declarations: p.declarations,
    state: p.state,
    stateName: labelOf(PROJECT_STATES, p.state),
    submissionCount: p.submissionCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    workflow: {
      status: evaluation.status,
      steps: evaluation.steps.map((s) => ({
        stepId: s.stepId,
        name: s.name,
        stage: s.stage,
        stageName: STAGE_LABELS[s.stage],
        status: s.status,
        actorName: actorLabel(rulebook, stepInfo(rulebook, s.stepId)!.step),
        outcome: s.outcome ? { event: s.outcome.event, name: s.outcome.name, at: s.outcome.at } : null,
        articles: s.articles,
        inScope: ['plan', 'application', 'review', 'filing_approval'].includes(stageOf(s.stepId)),
      })),
      openSteps: presentOpenSteps(actor, pc),
      reviewStepId: reviewStep(rulebook)?.id ?? null,
      filingStepId: filingStep(rulebook)?.id ?? null,
      requiresSharingOpinion: requiresSharingOpinion(rulebook),
    },
    materials: bundle.materials.map((m) => ({
      id: m.id,
      materialCode: m.materialCode,
      materialName: materialName(rulebook, m.materialCode),
      stepId: m.stepId,
      originalName: m.originalName,
      kind: m.kind,
      size: m.size,
      sha256: m.sha256,
      sm3: m.sm3,
      uploadedAt: m.uploadedAt.toISOString(),
      uploadedBy: uploaders.get(m.uploadedBy) ?? '',
    })),
    applicationMaterials: applicationMaterialsOf(pc),
    certificates: bundle.certificates.map((c) => ({
      id: c.id,
      kind: c.kind,
      number: c.number,
      issuedOn: c.issuedOn,
      revoked: c.revokedAt !== null,
      verified: verifyContent(keyring, c.content, c.signature as unknown as ContentSignature),
    })),
    permissions: permissionsOf(actor, pc, relation),
  };
}

/**
 * The owner's phone as shown (masked) by envelope: the SM4 decryption runs once per stored value,
 * not on every read of the detail. Only the masked form is kept; a new value is a new envelope
 * (fresh IV), so an edit never hits a stale entry.
 */
const maskedPhonesByKeyring = new WeakMap<Keyring, Map<string, string | null>>();
const MASKED_PHONES_MAX = 2000;

function maskedPhoneOf(keyring: Keyring, bundle: ProjectBundle): string | null {
  const envelope = bundle.project.ownerPersonPhone;
  if (!envelope) return null;
  let maskedPhones = maskedPhonesByKeyring.get(keyring);
  if (!maskedPhones) {
    maskedPhones = new Map();
    maskedPhonesByKeyring.set(keyring, maskedPhones);
  }
  const key = `${bundle.project.id}:${envelope}`;
  const hit = maskedPhones.get(key);
  if (hit !== undefined) return hit;
  const masked = ownerPhoneMasked(keyring, bundle);
  if (maskedPhones.size >= MASKED_PHONES_MAX) maskedPhones.clear();
  maskedPhones.set(key, masked);
  return masked;
}
