import { eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid, refused } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { rulesOfJurisdiction } from '../queries/context.ts';
import { notFutureInstant, requireRules } from '../rules.ts';
import { opsIncidents } from '../tables/index.ts';
import { appendRaw, loadIncident } from './support.ts';

/** DT-36: 向市政务信息化主管部门报备. Refused where the rulebook requires no such filing (SC-29, XZ-32). */
export async function fileWithAuthority(
  deps: CommandDeps,
  ctx: CommandContext,
  incidentId: string,
  input: { at: Date; text: string },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'ops.incident_filing', objectType: 'ops_incident', objectId: incidentId },
    async (tx) => {
      const incident = await loadIncident(tx, caller, incidentId);
      if (!incident.authorityFilingRequired) {
        const rules = requireRules(await rulesOfJurisdiction(tx, incident.jurisdictionId));
        throw refused(
          'OPS_FILING_NOT_APPLICABLE',
          `本辖区规则集只要求“${rules.incident.reportTo}”，不设向主管部门报备`,
          rules.incident.articles[0],
        );
      }
      if (incident.authorityFiledAt !== null) {
        throw conflict('OPS_ALREADY_FILED', '该事件已向主管部门报备');
      }
      notFutureInstant(input.at, caller.now, 'at');
      if (input.at.getTime() < incident.foundAt.getTime()) {
        throw invalid('OPS_BEFORE_FOUND', '时间不能早于发现事件的时间', { field: 'at' });
      }
      await appendRaw(tx, caller, incident.id, { kind: 'authority_filing', at: input.at, text: input.text });
      await tx
        .update(opsIncidents)
        .set({ authorityFiledAt: input.at, version: incident.version + 1 })
        .where(eq(opsIncidents.id, incident.id));
    },
  );
}
