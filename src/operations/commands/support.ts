import { and, eq, sql } from 'drizzle-orm';
import { type Caller, defaultOwner, informationSystems, organisationInfo } from '../../catalog/index.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import { forbidden, invalid, notFound, refused } from '../../platform/errors.ts';
import type { OperationsRules } from '../../rules/index.ts';
import { checkAccess } from '../policy.ts';
import { loadSystem, rulesOfJurisdiction } from '../queries/context.ts';
import { notFuture, requireRules } from '../rules.ts';
import { opsEmergencyPlans, opsIncidentEntries, opsIncidents, opsRetirements } from '../tables/index.ts';

export interface PlanVersionInput {
  documentNumber: string;
  summary: string;
  adoptedOn: string;
  contractorOrganisationId?: string;
}

export interface PlanInput extends PlanVersionInput {
  title: string;
  systemId?: string;
  organisationId?: string;
}

export async function checkVersion(
  tx: Tx,
  rules: OperationsRules,
  jurisdictionId: string,
  input: PlanVersionInput,
  now: Date,
): Promise<void> {
  notFuture(input.adoptedOn, now, 'adoptedOn');
  const joint = rules.emergencyPlanJoint;
  if (joint.contractorRequired && !input.contractorOrganisationId) {
    throw refused(
      'OPS_JOINT_PLAN_REQUIRED',
      `${joint.wording}：须登记共同制定预案的承建单位`,
      joint.articles[0],
      {
        field: 'contractorOrganisationId',
      },
    );
  }
  if (input.contractorOrganisationId) {
    await organisationIn(tx, input.contractorOrganisationId, jurisdictionId, 'contractorOrganisationId', [
      'contractor',
    ]);
  }
}

export async function planOwner(tx: Tx, caller: Caller, input: PlanInput) {
  if (input.systemId) {
    const system = await loadSystem(tx, caller, input.systemId, 'edit');
    return {
      organisationId: system.organisationId,
      jurisdictionId: system.jurisdictionId,
      rules: system.rules,
    };
  }
  const id = input.organisationId ?? defaultOwner(caller.assignments);
  if (!id) throw forbidden('当前角色不能制定应急预案', 'OPS_NO_OWNER');
  const organisation = await organisationInfo(tx, id);
  if (!organisation) throw invalid('ORGANISATION_NOT_FOUND', '所选单位不存在', { field: 'organisationId' });
  const place = { organisationId: organisation.id, jurisdictionId: organisation.jurisdictionId };
  checkAccess(caller, place, 'edit');
  return { ...place, rules: await rulesOfJurisdiction(tx, organisation.jurisdictionId) };
}

export async function loadPlan(tx: Tx, caller: Caller, planId: string) {
  const [plan] = await tx.select().from(opsEmergencyPlans).where(eq(opsEmergencyPlans.id, planId));
  if (!plan) throw notFound('应急预案不存在或无权查看');
  checkAccess(caller, plan, 'edit');
  return { plan, rules: requireRules(await rulesOfJurisdiction(tx, plan.jurisdictionId)) };
}

export async function loadIncident(tx: Tx, caller: Caller, id: string) {
  const [incident] = await tx.select().from(opsIncidents).where(eq(opsIncidents.id, id));
  if (!incident) throw notFound('安全事件不存在或无权查看');
  checkAccess(caller, incident, 'edit');
  return incident;
}

export async function appendRaw(
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

/** The systems of an incident (for presenters). */
export const incidentSystemColumns = {
  id: informationSystems.id,
  code: informationSystems.code,
  name: informationSystems.name,
};

export async function loadRetirement(tx: Tx, caller: Caller, id: string, access: 'edit' | 'manage') {
  const [retirement] = await tx.select().from(opsRetirements).where(eq(opsRetirements.id, id));
  if (!retirement) throw notFound('申请不存在或无权查看');
  const system = await loadSystem(tx, caller, retirement.systemId, access);
  return { retirement, system };
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  jurisdictionId: string;
}

/**
 * An organisation named in a record (a contractor, a responsible body): it must exist in the same
 * jurisdiction, and be of `kinds` when given. The organisation directory is public to every
 * signed-in user (GET /api/organisations), so naming the problem reveals nothing.
 */
export async function organisationIn(
  q: Queryable,
  id: string,
  jurisdictionId: string,
  field: string,
  kinds?: readonly string[],
): Promise<OrganisationRef> {
  const [row] = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      jurisdictionId: organisations.jurisdictionId,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.jurisdictionId, jurisdictionId)));
  if (!row) throw invalid('OPS_ORGANISATION_UNKNOWN', '所选单位不属于本辖区', { field });
  if (kinds && !kinds.includes(row.kind)) {
    throw invalid('OPS_ORGANISATION_KIND', '所选单位的类型不符', { field });
  }
  return row;
}
