/** A department internal rule recorded (DT-05b). */
import { and, eq } from 'drizzle-orm';
import { defaultOwner, organisationInfo } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { forbidden, invalid, refused, versionConflict } from '../../platform/errors.ts';
import type { InternalRuleKind } from '../../rules/index.ts';
import { callerOfContext, checkAccess } from '../policy.ts';
import { rulesOfJurisdiction } from '../queries/context.ts';
import { notFuture, requireRules } from '../rules.ts';
import { opsInternalRules } from '../tables/index.ts';

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
