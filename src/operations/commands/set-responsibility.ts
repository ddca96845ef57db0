/** Data responsibility on a catalogued resource (DT-34 谁采集谁负责、谁校核谁负责; JC-06 谁主管谁提供谁负责). */
import { and, eq } from 'drizzle-orm';
import { informationResources } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { missingResponsibility } from '../../rules/index.ts';
import { callerOfContext, checkAccess } from '../policy.ts';
import { rulesOfJurisdiction } from '../queries/context.ts';
import { requireRules } from '../rules.ts';
import { opsResourceResponsibilities } from '../tables/index.ts';
import { organisationIn } from './support.ts';

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
