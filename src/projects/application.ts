/**
 * Writing the application of a draft (create and update): validation against the directory, the
 * plan and the parent project, then the project row and its child rows. Also the snapshot frozen at
 * each submission (JSON plus the attached files' hashes).
 */
import { eq } from 'drizzle-orm';
import { catalogScope } from '../catalog/index.ts';
import type { Actor } from '../platform/actor.ts';
import { decryptField, encryptField, fieldAad, maskPhone } from '../platform/crypto/fields.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Tx } from '../platform/db/client.ts';
import { fenToYuan, yuanToFen } from '../platform/documents/format.ts';
import { invalid } from '../platform/errors.ts';
import type { Directory } from './actors.ts';
import { jurisdictionChain } from './actors.ts';
import type { ProjectBundle } from './bundle.ts';
import { requireCatalogIds } from './catalog-link.ts';
import type { WorkflowEnv } from './env.ts';
import { labelOf, PROJECT_TYPES } from './model.ts';
import { canSeeProject, type ProjectContext } from './repository.ts';
import type { ApplicationInput } from './schemas.ts';
import {
  planEntries,
  plans,
  projectBudgetYears,
  projectCoBuilders,
  projectResources,
  projectSystems,
  projects,
} from './tables.ts';
import { budgetAddsUp } from './workflow-state.ts';

export interface Owner {
  organisationId: string;
  jurisdictionId: string;
}

/** Checks the parts of the input that refer to other rows; throws 400/422 with the field. */
export async function validateApplication(
  tx: Tx,
  directory: Directory,
  owner: Owner,
  input: ApplicationInput,
  current: {
    projectId: string | null;
    totalBudgetFen: bigint;
    budgetYears: { year: number; amountFen: bigint }[];
  },
  viewer: { actor: Actor; env: WorkflowEnv },
): Promise<void> {
  const total = input.totalBudget !== undefined ? yuanToFen(input.totalBudget) : current.totalBudgetFen;
  const years =
    input.budgetByYear !== undefined
      ? input.budgetByYear.map((y) => ({ year: y.year, amountFen: yuanToFen(y.amount) }))
      : current.budgetYears;
  // A project costs something: 0 元 is an error at the field, not a silently accepted value.
  if (input.totalBudget !== undefined && total <= 0n) {
    throw invalid('BUDGET_NOT_POSITIVE', '项目总预算须大于 0 元', { field: 'totalBudget' });
  }
  const zeroYear = input.budgetByYear?.findIndex((y) => yuanToFen(y.amount) <= 0n) ?? -1;
  if (zeroYear >= 0) {
    throw invalid('BUDGET_NOT_POSITIVE', '分年度预算的金额须大于 0 元', {
      field: `budgetByYear.${zeroYear}.amount`,
    });
  }
  if (new Set(years.map((y) => y.year)).size !== years.length) {
    throw invalid('BUDGET_YEAR_DUPLICATE', '分年度预算的年度不能重复', { field: 'budgetByYear' });
  }
  if (!budgetAddsUp(total, years)) {
    throw invalid('BUDGET_MISMATCH', '分年度预算之和应等于项目总预算', {
      field: 'budgetByYear',
      article: 'DT-09a',
    });
  }
  if (input.coBuilderIds) {
    if (new Set(input.coBuilderIds).size !== input.coBuilderIds.length) {
      throw invalid('CO_BUILDER_DUPLICATE', '共建部门重复', { field: 'coBuilderIds' });
    }
    for (const id of input.coBuilderIds) {
      const org = directory.organisations.find((o) => o.id === id);
      if (org?.kind !== 'department' || id === owner.organisationId) {
        throw invalid('CO_BUILDER_INVALID', '共建部门须为牵头部门以外的部门（单位）', {
          field: 'coBuilderIds',
        });
      }
    }
  }
  if (input.planEntryId) {
    const [entry] = await tx
      .select({
        organisationId: planEntries.organisationId,
        jurisdictionId: plans.jurisdictionId,
        scope: plans.scope,
      })
      .from(planEntries)
      .innerJoin(plans, eq(plans.id, planEntries.planId))
      .where(eq(planEntries.id, input.planEntryId));
    if (entry?.scope !== 'jurisdiction' || entry.jurisdictionId !== owner.jurisdictionId) {
      throw invalid('PLAN_ENTRY_INVALID', '所选计划条目不存在或不属于本级规划', { field: 'planEntryId' });
    }
    if (entry.organisationId !== owner.organisationId) {
      throw invalid('PLAN_ENTRY_NOT_OWN', '所选计划条目不是本单位的条目', { field: 'planEntryId' });
    }
  }
  if (input.systems) {
    for (const [i, s] of input.systems.entries()) {
      if ((s.systemId === null) === (s.name === null)) {
        throw invalid('SYSTEM_REFERENCE_INVALID', '每个系统须给出目录中的系统或新系统名称之一', {
          field: `systems.${i}`,
        });
      }
    }
  }
  await requireCatalogIds(tx, catalogScope(viewer.actor.assignments), {
    systemIds: (input.systems ?? []).map((s) => s.systemId).filter((id): id is string => id !== null),
    resourceIds: (input.resources ?? []).map((r) => r.resourceId),
    serviceIds: (input.cloudServices ?? []).map((c) => c.serviceId).filter((id): id is string => id !== null),
  });
  if (input.parentProjectId) {
    if (input.parentProjectId === current.projectId) {
      throw invalid('PARENT_INVALID', '上级项目不能是本项目', { field: 'parentProjectId' });
    }
    const [parent] = await tx
      .select({
        id: projects.id,
        jurisdictionId: projects.jurisdictionId,
        totalBudgetFen: projects.totalBudgetFen,
        submissionCount: projects.submissionCount,
      })
      .from(projects)
      .where(eq(projects.id, input.parentProjectId));
    const chain = jurisdictionChain(directory, owner.jurisdictionId).map((j) => j.id);
    // A parent the caller cannot see is answered like one that does not exist, before any check
    // that would depend on its data (name, budget, other parts' shares).
    if (
      !parent ||
      !(await canSeeProject(tx, viewer.env, viewer.actor, parent.id)) ||
      parent.submissionCount === 0 ||
      !chain.includes(parent.jurisdictionId)
    ) {
      throw invalid('PARENT_INVALID', '上级项目不存在，或不是本级及上级已申报的项目', {
        field: 'parentProjectId',
      });
    }
    // DT 第十六条 only says each level's share goes into its own (同级) budget: the share is recorded
    // and shown with the budget that carries it; no cap against the parent is invented.
    if (!input.shareOfParent) {
      throw invalid('SHARE_REQUIRED', '分级立项的项目须填写承担的建设内容金额', {
        field: 'shareOfParent',
        article: 'DT-16',
      });
    }
  }
}

/** The project row's columns from the input (only the fields given). */
export function projectColumns(
  input: ApplicationInput,
  keyring: Keyring,
  projectId: string,
): Partial<typeof projects.$inferInsert> {
  const out: Partial<typeof projects.$inferInsert> = {};
  if (input.name !== undefined) out.name = input.name.trim();
  if (input.type !== undefined) out.type = input.type;
  if (input.category !== undefined) out.category = input.category;
  if (input.fundingMode !== undefined) out.fundingMode = input.fundingMode;
  if (input.summary !== undefined) out.summary = input.summary;
  if (input.planEntryId !== undefined) out.planEntryId = input.planEntryId;
  if (input.parentProjectId !== undefined) {
    out.parentProjectId = input.parentProjectId;
    out.shareOfParentFen =
      input.parentProjectId && input.shareOfParent ? yuanToFen(input.shareOfParent) : null;
  }
  if (input.totalBudget !== undefined) out.totalBudgetFen = yuanToFen(input.totalBudget);
  if (input.dedicatedNetwork !== undefined) out.dedicatedNetwork = input.dedicatedNetwork;
  if (input.classified !== undefined) out.classified = input.classified;
  if (input.dedicatedNetworkBasis !== undefined) out.dedicatedNetworkBasis = input.dedicatedNetworkBasis;
  if (input.projectOwner !== undefined) {
    out.ownerPersonName = input.projectOwner?.name ?? null;
    out.ownerPersonTitle = input.projectOwner?.title ?? null;
    out.ownerPersonPhone = input.projectOwner?.phone
      ? encryptField(keyring, input.projectOwner.phone, fieldAad('projects', 'owner_person_phone', projectId))
      : null;
  }
  if (input.performanceTargets !== undefined) out.performanceTargets = input.performanceTargets;
  if (input.cloudServices !== undefined) out.cloudServices = input.cloudServices;
  if (input.declarations !== undefined) out.declarations = input.declarations as Record<string, boolean>;
  return out;
}

/** Replaces the child rows for the list fields given in the input. */
export async function writeChildren(tx: Tx, projectId: string, input: ApplicationInput): Promise<void> {
  if (input.budgetByYear !== undefined) {
    await tx.delete(projectBudgetYears).where(eq(projectBudgetYears.projectId, projectId));
    if (input.budgetByYear.length > 0) {
      await tx
        .insert(projectBudgetYears)
        .values(input.budgetByYear.map((y) => ({ projectId, year: y.year, amountFen: yuanToFen(y.amount) })));
    }
  }
  if (input.coBuilderIds !== undefined) {
    await tx.delete(projectCoBuilders).where(eq(projectCoBuilders.projectId, projectId));
    if (input.coBuilderIds.length > 0) {
      await tx
        .insert(projectCoBuilders)
        .values(input.coBuilderIds.map((organisationId) => ({ projectId, organisationId })));
    }
  }
  if (input.systems !== undefined) {
    await tx.delete(projectSystems).where(eq(projectSystems.projectId, projectId));
    if (input.systems.length > 0) {
      await tx.insert(projectSystems).values(
        input.systems.map((s) => ({
          projectId,
          systemId: s.systemId,
          proposedName: s.systemId ? null : (s.name ?? '').trim(),
          relation: s.relation,
        })),
      );
    }
  }
  if (input.resources !== undefined) {
    await tx.delete(projectResources).where(eq(projectResources.projectId, projectId));
    const unique = [...new Map(input.resources.map((r) => [r.resourceId, r])).values()];
    if (unique.length > 0) {
      await tx.insert(projectResources).values(unique.map((r) => ({ projectId, ...r })));
    }
  }
}

/** 项目责任人's phone, decrypted and masked for display (SECURITY.md 34). */
export function ownerPhoneMasked(keyring: Keyring, bundle: ProjectBundle): string | null {
  const envelope = bundle.project.ownerPersonPhone;
  if (!envelope) return null;
  try {
    return maskPhone(
      decryptField(keyring, envelope, fieldAad('projects', 'owner_person_phone', bundle.project.id)),
    );
  } catch {
    return null;
  }
}

const orgName = (directory: Directory, id: string) =>
  directory.organisations.find((o) => o.id === id)?.name ?? id;

/**
 * The application as frozen at a submission: plain JSON (money as yuan strings) and each material's
 * hashes, keyed so that the field-by-field diff matches elements by identity, not position.
 */
export function applicationSnapshot(pc: ProjectContext): Record<string, unknown> {
  const { bundle, directory } = pc;
  const p = bundle.project;
  return {
    name: p.name,
    code: p.code,
    type: labelOf(PROJECT_TYPES, p.type),
    category: p.category,
    fundingMode: p.fundingMode,
    summary: p.summary,
    ownerDepartment: orgName(directory, p.ownerOrganisationId),
    planEntry: bundle.plan ? `${bundle.plan.planTitle} · ${bundle.plan.projectName}` : null,
    parentProjectId: p.parentProjectId,
    shareOfParent: p.shareOfParentFen === null ? null : fenToYuan(p.shareOfParentFen),
    coBuilders: bundle.coBuilderIds.map((id) => ({ id, name: orgName(directory, id) })),
    totalBudget: fenToYuan(p.totalBudgetFen),
    budgetByYear: bundle.budgetYears.map((y) => ({ year: y.year, amount: fenToYuan(y.amountFen) })),
    systems: pc.systemDetails.map((s) => ({
      key: s.systemId ?? `new:${s.name}`,
      name: s.name,
      relation: s.relation,
      inCatalog: s.inCatalog,
    })),
    resources: bundle.resources.map((r) => ({ id: r.resourceId, relation: r.relation })),
    cloudServices: p.cloudServices.map((c) => ({ key: c.serviceId ?? c.name, name: c.name })),
    dedicatedNetwork: p.dedicatedNetwork,
    classified: p.classified,
    dedicatedNetworkBasis: p.dedicatedNetworkBasis,
    projectOwner: p.ownerPersonName ? { name: p.ownerPersonName, title: p.ownerPersonTitle ?? '' } : null,
    performanceTargets: p.performanceTargets.map((t) => ({ indicator: t.indicator, target: t.target })),
    declarations: p.declarations,
    materials: bundle.materials
      .filter((m) => m.stepId === null)
      .map((m) => ({
        id: m.id,
        code: m.materialCode,
        fileName: m.originalName,
        size: m.size,
        sha256: m.sha256,
        sm3: m.sm3,
      })),
  };
}
