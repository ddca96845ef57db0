/**
 * Data responsibility on catalogued resources (DT-34 谁采集谁负责、谁校核谁负责; JC-06 谁主管谁提供谁负责),
 * department internal rules (DT-05b) and the base libraries of the jurisdiction (DT-33).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { defaultOwner, informationResources, organisationInfo } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden, invalid, notFound, refused } from '../../platform/errors.ts';
import { type BaseLibraryKind, type InternalRuleKind, missingResponsibility } from '../../rules/index.ts';
import {
  callerOfContext,
  checkAccess,
  notFuture,
  organisationIn,
  requireRules,
  rulesOfJurisdiction,
  versionConflict,
} from '../context.ts';
import {
  opsBaseLibraries,
  opsBaseLibraryResources,
  opsInternalRules,
  opsResourceResponsibilities,
} from '../tables/index.ts';

export interface ResponsibilityInput {
  collectorOrganisationId?: string;
  checkerOrganisationId?: string;
  providerOrganisationId?: string;
  usageNote?: string;
  version?: number;
}

const ROLE_FIELDS = {
  collector: 'collectorOrganisationId',
  checker: 'checkerOrganisationId',
  provider: 'providerOrganisationId',
} as const;

export async function setResponsibility(
  deps: CommandDeps,
  ctx: CommandContext,
  resourceId: string,
  input: ResponsibilityInput,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'ops.responsibility_set', objectType: 'information_resource', objectId: resourceId },
    async (tx, audit) => {
      const [resource] = await tx
        .select({
          id: informationResources.id,
          organisationId: informationResources.providerOrganisationId,
          jurisdictionId: informationResources.jurisdictionId,
        })
        .from(informationResources)
        .where(eq(informationResources.id, resourceId));
      if (!resource) throw notFound('资源不存在或无权查看');
      checkAccess(caller, resource, 'edit');
      const rules = requireRules(await rulesOfJurisdiction(tx, resource.jurisdictionId));
      const missing = missingResponsibility(rules, {
        collector: input.collectorOrganisationId,
        checker: input.checkerOrganisationId,
        provider: input.providerOrganisationId,
      });
      if (missing.length > 0) {
        throw invalid(
          'OPS_RESPONSIBILITY_REQUIRED',
          `按“${rules.dataResponsibility.principle}”须写明责任单位`,
          { field: ROLE_FIELDS[missing[0]], article: rules.dataResponsibility.articles[0] },
        );
      }
      for (const field of Object.values(ROLE_FIELDS)) {
        const id = input[field];
        if (id) await organisationIn(tx, id, resource.jurisdictionId, field);
      }
      const values = {
        collectorOrganisationId: input.collectorOrganisationId ?? null,
        checkerOrganisationId: input.checkerOrganisationId ?? null,
        providerOrganisationId: input.providerOrganisationId ?? null,
        usageNote: input.usageNote ?? null,
        recordedBy: caller.userId,
        updatedAt: caller.now,
      };
      const [current] = await tx
        .select({ id: opsResourceResponsibilities.id, version: opsResourceResponsibilities.version })
        .from(opsResourceResponsibilities)
        .where(eq(opsResourceResponsibilities.resourceId, resource.id));
      audit.details = { article: rules.dataResponsibility.articles[0] ?? null };
      if (!current) {
        await tx.insert(opsResourceResponsibilities).values({ ...values, resourceId: resource.id });
        return;
      }
      if (input.version !== current.version) throw versionConflict();
      const updated = await tx
        .update(opsResourceResponsibilities)
        .set({ ...values, version: current.version + 1 })
        .where(
          and(
            eq(opsResourceResponsibilities.id, current.id),
            eq(opsResourceResponsibilities.version, current.version),
          ),
        )
        .returning({ id: opsResourceResponsibilities.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}

export interface InternalRuleInput {
  organisationId?: string;
  kind: InternalRuleKind;
  title: string;
  documentNumber?: string;
  issuedOn: string;
  version?: number;
}

export async function setInternalRule(
  deps: CommandDeps,
  ctx: CommandContext,
  input: InternalRuleInput,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'ops.internal_rule_set', objectType: 'organisation', details: { kind: input.kind } },
    async (tx, audit) => {
      const id = input.organisationId ?? defaultOwner(caller.assignments);
      if (!id) throw forbidden('当前角色不能登记内部管理制度', 'OPS_NO_OWNER');
      const organisation = await organisationInfo(tx, id);
      if (!organisation)
        throw invalid('ORGANISATION_NOT_FOUND', '所选单位不存在', { field: 'organisationId' });
      checkAccess(
        caller,
        { organisationId: organisation.id, jurisdictionId: organisation.jurisdictionId },
        'edit',
      );
      audit.objectId = organisation.id;
      const rules = requireRules(await rulesOfJurisdiction(tx, organisation.jurisdictionId));
      if (!rules.internalRules) {
        throw refused(
          'OPS_INTERNAL_RULES_NOT_REQUIRED',
          '本辖区规则集未规定部门内部管理制度清单',
          rules.articles[0],
          {
            field: 'kind',
          },
        );
      }
      notFuture(input.issuedOn, caller.now, 'issuedOn');
      const values = {
        title: input.title,
        documentNumber: input.documentNumber ?? null,
        issuedOn: input.issuedOn,
        recordedBy: caller.userId,
        updatedAt: caller.now,
      };
      const [current] = await tx
        .select({ id: opsInternalRules.id, version: opsInternalRules.version })
        .from(opsInternalRules)
        .where(
          and(eq(opsInternalRules.organisationId, organisation.id), eq(opsInternalRules.kind, input.kind)),
        );
      if (!current) {
        await tx
          .insert(opsInternalRules)
          .values({ ...values, organisationId: organisation.id, kind: input.kind });
        return;
      }
      if (input.version !== current.version) throw versionConflict();
      const updated = await tx
        .update(opsInternalRules)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(opsInternalRules.id, current.id), eq(opsInternalRules.version, current.version)))
        .returning({ id: opsInternalRules.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}

export interface BaseLibraryInput {
  jurisdictionId?: string;
  responsibleOrganisationId: string;
  resourceIds: string[];
  version?: number;
}

/** DT-33: the authority groups catalogued resources of its jurisdiction into a base library. */
export async function setBaseLibrary(
  deps: CommandDeps,
  ctx: CommandContext,
  kind: BaseLibraryKind,
  input: BaseLibraryInput,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'ops.base_library_set', objectType: 'ops_base_library', details: { kind } },
    async (tx, audit) => {
      const jurisdictionId = input.jurisdictionId ?? caller.scope.manageJurisdictions[0];
      if (!jurisdictionId || !caller.scope.manageJurisdictions.includes(jurisdictionId)) {
        throw forbidden('基础资源库由本辖区主管部门维护', 'OPS_AUTHORITY_ONLY');
      }
      const rules = requireRules(await rulesOfJurisdiction(tx, jurisdictionId));
      if (!rules.baseLibraries?.kinds.includes(kind)) {
        throw refused('OPS_NO_BASE_LIBRARY', '本辖区规则集未规定该基础资源库', rules.articles[0], {
          field: 'kind',
        });
      }
      await organisationIn(tx, input.responsibleOrganisationId, jurisdictionId, 'responsibleOrganisationId');
      const ids = [...new Set(input.resourceIds)];
      if (ids.length > 0) {
        const found = await tx
          .select({ id: informationResources.id })
          .from(informationResources)
          .where(
            and(
              inArray(informationResources.id, ids),
              eq(informationResources.jurisdictionId, jurisdictionId),
            ),
          );
        if (found.length !== ids.length) {
          throw invalid('OPS_RESOURCE_UNKNOWN', '所选资源须为本辖区目录中的资源', { field: 'resourceIds' });
        }
      }
      const [current] = await tx
        .select({ id: opsBaseLibraries.id, version: opsBaseLibraries.version })
        .from(opsBaseLibraries)
        .where(and(eq(opsBaseLibraries.jurisdictionId, jurisdictionId), eq(opsBaseLibraries.kind, kind)));
      let libraryId: string;
      if (!current) {
        const [row] = await tx
          .insert(opsBaseLibraries)
          .values({
            jurisdictionId,
            kind,
            responsibleOrganisationId: input.responsibleOrganisationId,
            updatedBy: caller.userId,
            updatedAt: caller.now,
          })
          .returning({ id: opsBaseLibraries.id });
        libraryId = row.id;
      } else {
        if (input.version !== current.version) throw versionConflict();
        const updated = await tx
          .update(opsBaseLibraries)
          .set({
            responsibleOrganisationId: input.responsibleOrganisationId,
            updatedBy: caller.userId,
            updatedAt: caller.now,
            version: current.version + 1,
          })
          .where(and(eq(opsBaseLibraries.id, current.id), eq(opsBaseLibraries.version, current.version)))
          .returning({ id: opsBaseLibraries.id });
        if (updated.length === 0) throw versionConflict();
        libraryId = current.id;
        await tx.delete(opsBaseLibraryResources).where(eq(opsBaseLibraryResources.libraryId, libraryId));
      }
      if (ids.length > 0) {
        await tx.insert(opsBaseLibraryResources).values(ids.map((resourceId) => ({ libraryId, resourceId })));
      }
      audit.objectId = libraryId;
      audit.details = { kind, resources: ids.length };
    },
  );
}
