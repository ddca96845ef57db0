/**
 * 应急预案 per department or per system, with version history, and drills planned and held
 * (DT-36, SC-29, XZ-32, JC-06). Where the rulebook says the plan is made jointly with the
 * contractor (SC-29, XZ-32), every version names that contractor.
 */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { defaultOwner, organisationInfo } from '../../catalog/index.ts';
import { chinaDate } from '../../platform/clock.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import type { Tx } from '../../platform/db/client.ts';
import { forbidden, invalid, notFound, refused } from '../../platform/errors.ts';
import type { OperationsRules } from '../../rules/index.ts';
import {
  type Caller,
  callerOfContext,
  checkAccess,
  loadSystem,
  notFuture,
  organisationIn,
  requireRules,
  rulesOfJurisdiction,
  versionConflict,
} from '../context.ts';
import { meetDrillObligation, openDrillObligation } from '../obligations.ts';
import { opsDrills, opsEmergencyPlans, opsEmergencyPlanVersions } from '../tables/index.ts';

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

async function checkVersion(
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

async function planOwner(tx: Tx, caller: Caller, input: PlanInput) {
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

export async function createPlan(
  deps: CommandDeps,
  ctx: CommandContext,
  input: PlanInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.plan_create', objectType: 'ops_emergency_plan', details: { title: input.title } },
    async (tx, audit) => {
      const owner = await planOwner(tx, caller, input);
      const rules = requireRules(owner.rules);
      await checkVersion(tx, rules, owner.jurisdictionId, input, caller.now);
      const [plan] = await tx
        .insert(opsEmergencyPlans)
        .values({
          jurisdictionId: owner.jurisdictionId,
          organisationId: owner.organisationId,
          systemId: input.systemId ?? null,
          title: input.title,
          currentVersion: 1,
          createdBy: caller.userId,
          createdAt: caller.now,
          updatedAt: caller.now,
        })
        .returning({ id: opsEmergencyPlans.id });
      await tx.insert(opsEmergencyPlanVersions).values({
        planId: plan.id,
        number: 1,
        documentNumber: input.documentNumber,
        summary: input.summary,
        adoptedOn: input.adoptedOn,
        contractorOrganisationId: input.contractorOrganisationId ?? null,
        recordedBy: caller.userId,
        recordedAt: caller.now,
      });
      audit.objectId = plan.id;
      return { id: plan.id };
    },
  );
}

async function loadPlan(tx: Tx, caller: Caller, planId: string) {
  const [plan] = await tx.select().from(opsEmergencyPlans).where(eq(opsEmergencyPlans.id, planId));
  if (!plan) throw notFound('应急预案不存在或无权查看');
  checkAccess(caller, plan, 'edit');
  return { plan, rules: requireRules(await rulesOfJurisdiction(tx, plan.jurisdictionId)) };
}

export async function revisePlan(
  deps: CommandDeps,
  ctx: CommandContext,
  planId: string,
  input: PlanVersionInput & { version: number },
): Promise<{ number: number }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.plan_revise', objectType: 'ops_emergency_plan', objectId: planId },
    async (tx, audit) => {
      const { plan, rules } = await loadPlan(tx, caller, planId);
      if (plan.version !== input.version) throw versionConflict();
      await checkVersion(tx, rules, plan.jurisdictionId, input, caller.now);
      const number = plan.currentVersion + 1;
      const updated = await tx
        .update(opsEmergencyPlans)
        .set({ currentVersion: number, updatedAt: caller.now, version: plan.version + 1 })
        .where(and(eq(opsEmergencyPlans.id, plan.id), eq(opsEmergencyPlans.version, plan.version)))
        .returning({ id: opsEmergencyPlans.id });
      if (updated.length === 0) throw versionConflict();
      await tx.insert(opsEmergencyPlanVersions).values({
        planId: plan.id,
        number,
        documentNumber: input.documentNumber,
        summary: input.summary,
        adoptedOn: input.adoptedOn,
        contractorOrganisationId: input.contractorOrganisationId ?? null,
        recordedBy: caller.userId,
        recordedAt: caller.now,
      });
      audit.details = { number };
      return { number };
    },
  );
}

export async function planDrill(
  deps: CommandDeps,
  ctx: CommandContext,
  planId: string,
  input: { plannedOn: string; scenario: string },
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    { action: 'ops.drill_plan', objectType: 'ops_emergency_plan', objectId: planId, details: { ...input } },
    async (tx) => {
      const { plan, rules } = await loadPlan(tx, caller, planId);
      const today = chinaDate(caller.now);
      if (input.plannedOn < today) {
        throw invalid('OPS_DRILL_IN_PAST', '计划演练日期不能早于今天（已举行的演练请登记举行情况）', {
          field: 'plannedOn',
        });
      }
      const [row] = await tx
        .insert(opsDrills)
        .values({
          planId: plan.id,
          plannedOn: input.plannedOn,
          scenario: input.scenario,
          recordedBy: caller.userId,
          updatedAt: caller.now,
        })
        .returning({ id: opsDrills.id });
      // A drill of a system's plan is owed on its date (the engine anchors obligations on systems).
      await openDrillObligation(tx, { calendar, now: caller.now }, rules, plan, {
        id: row.id,
        plannedOn: input.plannedOn,
        today,
      });
      return { id: row.id };
    },
  );
}

export async function recordDrillHeld(
  deps: CommandDeps,
  ctx: CommandContext,
  drillId: string,
  input: { version: number; heldOn: string; participants: string; findings: string },
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.drill_held',
      objectType: 'ops_drill',
      objectId: drillId,
      details: { heldOn: input.heldOn },
    },
    async (tx) => {
      const [drill] = await tx.select().from(opsDrills).where(eq(opsDrills.id, drillId));
      if (!drill) throw notFound('演练不存在或无权查看');
      const { plan } = await loadPlan(tx, caller, drill.planId);
      if (drill.heldOn !== null) {
        throw invalid('OPS_DRILL_ALREADY_HELD', '该演练已登记为已举行', { field: 'heldOn' });
      }
      notFuture(input.heldOn, caller.now, 'heldOn');
      const updated = await tx
        .update(opsDrills)
        .set({
          heldOn: input.heldOn,
          participants: input.participants,
          findings: input.findings,
          recordedBy: caller.userId,
          updatedAt: caller.now,
          version: drill.version + 1,
        })
        .where(and(eq(opsDrills.id, drill.id), eq(opsDrills.version, input.version)))
        .returning({ id: opsDrills.id });
      if (updated.length === 0) throw versionConflict();
      await meetDrillObligation(tx, { calendar, now: caller.now }, plan.systemId, {
        id: drill.id,
        heldOn: input.heldOn,
        by: caller.userId,
      });
    },
  );
}
