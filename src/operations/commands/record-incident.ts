/** A 安全事件 recorded with the facts that never change: class, systems, time, reporting deadline, liability (DT-36, SC-29, XZ-31, XZ-32, JC-06). */
import { and, eq, inArray } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { invalid } from '../../platform/errors.ts';
import { type IncidentCause, type IncidentClass, liableParty, reportDueAt } from '../../rules/index.ts';
import { callerOfContext } from '../policy.ts';
import { loadSystem } from '../queries/context.ts';
import { notFutureInstant, requireRules } from '../rules.ts';
import { opsGradings, opsIncidentSystems, opsIncidents } from '../tables/index.ts';

export interface IncidentInput {
  title: string;
  description: string;
  incidentClass: IncidentClass;
  foundAt: Date;
  systemIds: string[];
  criticalInfrastructure?: boolean;
  cause?: IncidentCause;
}

export async function recordIncident(
  deps: CommandDeps,
  ctx: CommandContext,
  input: IncidentInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.incident_record',
      objectType: 'ops_incident',
      details: { incidentClass: input.incidentClass },
    },
    async (tx, audit) => {
      notFutureInstant(input.foundAt, caller.now, 'foundAt');
      const ids = [...new Set(input.systemIds)];
      const systems = [];
      for (const id of ids) systems.push(await loadSystem(tx, caller, id, 'edit'));
      const owner = systems[0];
      if (systems.some((s) => s.organisationId !== owner.organisationId)) {
        throw invalid('OPS_SYSTEMS_OF_SEVERAL_OWNERS', '一次登记的事件所涉系统须属于同一单位', {
          field: 'systemIds',
        });
      }
      const rules = requireRules(owner.rules);
      const graded = await tx
        .select({ cii: opsGradings.criticalInfrastructure })
        .from(opsGradings)
        .where(and(inArray(opsGradings.systemId, ids), eq(opsGradings.criticalInfrastructure, true)));
      const cii = (input.criticalInfrastructure ?? false) || graded.length > 0;
      const liable = liableParty(rules, input.cause ?? null);
      const filing = rules.incident.authorityFiling;
      const [row] = await tx
        .insert(opsIncidents)
        .values({
          jurisdictionId: owner.jurisdictionId,
          organisationId: owner.organisationId,
          title: input.title,
          description: input.description,
          incidentClass: input.incidentClass,
          criticalInfrastructure: cii,
          foundAt: input.foundAt,
          reportDueAt: reportDueAt(input.foundAt, input.incidentClass, cii),
          cause: input.cause ?? null,
          liableParty: liable,
          liabilityArticle: liable ? (rules.incident.liability?.articles[0] ?? null) : null,
          authorityFilingRequired: filing !== null,
          authorityFilingArticle: filing?.articles[0] ?? null,
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsIncidents.id });
      await tx.insert(opsIncidentSystems).values(ids.map((systemId) => ({ incidentId: row.id, systemId })));
      audit.objectId = row.id;
      audit.jurisdictionId = owner.jurisdictionId;
      return { id: row.id };
    },
  );
}
