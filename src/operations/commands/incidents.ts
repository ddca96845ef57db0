/**
 * 安全事件 (DT-36, SC-29, XZ-31, XZ-32, JC-06). The facts recorded when the incident is found — class,
 * systems, time, the reporting deadline of its class, the XZ-31 liability, whether the rulebook
 * requires filing with the authority — never change; the handling timeline, the reports sent, the
 * DT-36 filing and corrections are appended entries (the database refuses to change either).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { informationSystems } from '../../catalog/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid, notFound, refused } from '../../platform/errors.ts';
import { type IncidentCause, type IncidentClass, liableParty, reportDueAt } from '../../rules/index.ts';
import {
  type Caller,
  callerOfContext,
  checkAccess,
  loadSystem,
  notFutureInstant,
  requireRules,
  rulesOfJurisdiction,
  versionConflict,
} from '../context.ts';
import { opsGradings, opsIncidentEntries, opsIncidentSystems, opsIncidents } from '../tables/index.ts';

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

async function loadIncident(tx: Tx, caller: Caller, id: string) {
  const [incident] = await tx.select().from(opsIncidents).where(eq(opsIncidents.id, id));
  if (!incident) throw notFound('安全事件不存在或无权查看');
  checkAccess(caller, incident, 'edit');
  return incident;
}

async function appendRaw(
  tx: Tx,
  caller: Caller,
  incidentId: string,
  entry: { kind: string; at: Date; text: string; recipient?: string | null; correctsEntryId?: string | null },
): Promise<string> {
  // Serialises appends to one incident: the sequence number is the next one.
  await tx.execute(sql`select 1 from ${opsIncidents} where ${opsIncidents.id} = ${incidentId} for update`);
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${opsIncidentEntries.seq}), 0) + 1` })
    .from(opsIncidentEntries)
    .where(eq(opsIncidentEntries.incidentId, incidentId));
  const [row] = await tx
    .insert(opsIncidentEntries)
    .values({
      incidentId,
      seq: Number(next),
      kind: entry.kind,
      at: entry.at,
      text: entry.text,
      recipient: entry.recipient ?? null,
      correctsEntryId: entry.correctsEntryId ?? null,
      recordedBy: caller.userId,
      recordedAt: caller.now,
    })
    .returning({ id: opsIncidentEntries.id });
  return row.id;
}

export interface EntryInput {
  kind: 'handling' | 'report' | 'correction';
  at: Date;
  text: string;
  recipient?: string;
  correctsEntryId?: string;
}

export async function appendEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  incidentId: string,
  input: EntryInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.incident_entry',
      objectType: 'ops_incident',
      objectId: incidentId,
      details: { kind: input.kind },
    },
    async (tx) => {
      const incident = await loadIncident(tx, caller, incidentId);
      notFutureInstant(input.at, caller.now, 'at');
      if (input.kind !== 'correction' && input.at.getTime() < incident.foundAt.getTime()) {
        throw invalid('OPS_BEFORE_FOUND', '时间不能早于发现事件的时间', { field: 'at' });
      }
      if (input.kind !== 'correction' && incident.status === 'closed') {
        throw conflict('OPS_INCIDENT_CLOSED', '事件已处置完毕，只能追加更正', { field: 'kind' });
      }
      if (input.kind === 'report' && !input.recipient) {
        throw invalid('OPS_RECIPIENT_REQUIRED', '请填写报告对象', { field: 'recipient' });
      }
      if (input.kind === 'correction') {
        if (!input.correctsEntryId) {
          throw invalid('OPS_CORRECTS_REQUIRED', '请选择要更正的记录', { field: 'correctsEntryId' });
        }
        const [target] = await tx
          .select({ id: opsIncidentEntries.id })
          .from(opsIncidentEntries)
          .where(
            and(
              eq(opsIncidentEntries.id, input.correctsEntryId),
              eq(opsIncidentEntries.incidentId, incident.id),
            ),
          );
        if (!target)
          throw invalid('OPS_CORRECTS_UNKNOWN', '要更正的记录不属于本事件', { field: 'correctsEntryId' });
      }
      const id = await appendRaw(tx, caller, incident.id, {
        kind: input.kind,
        at: input.at,
        text: input.text,
        recipient: input.kind === 'report' ? input.recipient : null,
        correctsEntryId: input.kind === 'correction' ? input.correctsEntryId : null,
      });
      if (input.kind === 'report' && incident.firstReportAt === null) {
        await tx
          .update(opsIncidents)
          .set({ firstReportAt: input.at, version: incident.version + 1 })
          .where(eq(opsIncidents.id, incident.id));
      }
      return { id };
    },
  );
}

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

/** The systems of an incident (for presenters). */
export const incidentSystemColumns = {
  id: informationSystems.id,
  code: informationSystems.code,
  name: informationSystems.name,
};
