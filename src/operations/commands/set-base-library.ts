import { and, eq, inArray } from 'drizzle-orm';
import { informationResources } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden, invalid, refused, versionConflict } from '../../platform/errors.ts';
import type { BaseLibraryKind } from '../../rules/index.ts';
import { callerOfContext } from '../policy.ts';
import { rulesOfJurisdiction } from '../queries/context.ts';
import { requireRules } from '../rules.ts';
import { opsBaseLibraries, opsBaseLibraryResources } from '../tables/index.ts';
import { organisationIn } from './support.ts';

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
