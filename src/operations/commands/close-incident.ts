import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, refused, versionConflict } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { rulesOfJurisdiction } from '../queries/context.ts';
import { requireRules } from '../rules.ts';
import { opsIncidents } from '../tables/index.ts';
import { appendRaw, loadIncident } from './support.ts';

/**
 * Handling finished. An incident with a reporting deadline is closed only once reported, and where
 * the rulebook requires it (DT-36) only once filed with the authority.
 */
export async function closeIncident(
  deps: CommandDeps,
  ctx: CommandContext,
  incidentId: string,
  input: { version: number; text: string },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    { action: 'ops.incident_close', objectType: 'ops_incident', objectId: incidentId },
    async (tx) => {
      const incident = await loadIncident(tx, caller, incidentId);
      if (incident.version !== input.version) throw versionConflict();
      if (incident.status === 'closed') throw conflict('OPS_INCIDENT_CLOSED', '事件已处置完毕');
      const rules = requireRules(await rulesOfJurisdiction(tx, incident.jurisdictionId));
      if (incident.reportDueAt !== null && incident.firstReportAt === null) {
        throw refused(
          'OPS_NOT_REPORTED',
          `该级别事件须${rules.incident.reportTo}后方可办结`,
          rules.incident.articles[0],
        );
      }
      if (incident.authorityFilingRequired && incident.authorityFiledAt === null) {
        throw refused(
          'OPS_NOT_FILED',
          `须${rules.incident.authorityFiling?.wording ?? '向主管部门报备'}后方可办结`,
          incident.authorityFilingArticle ?? rules.incident.articles[0],
        );
      }
      await appendRaw(tx, caller, incident.id, { kind: 'closure', at: caller.now, text: input.text });
      const updated = await tx
        .update(opsIncidents)
        .set({ status: 'closed', closedAt: caller.now, version: incident.version + 1 })
        .where(and(eq(opsIncidents.id, incident.id), eq(opsIncidents.version, incident.version)))
        .returning({ id: opsIncidents.id });
      if (updated.length === 0) throw versionConflict();
    },
  );
}
