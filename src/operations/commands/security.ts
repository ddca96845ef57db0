/**
 * 等保定级备案, 测评 / 密评 / 风险评估 reports and the 自主可控 inventory of a system (DT-35, SC-28,
 * XZ-31). An assessment is a filed record: its next due date is fixed from the rulebook's interval
 * when it is filed, and it is never changed (a later report supersedes it).
 */
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { notFound, refused } from '../../platform/errors.ts';
import { type AssessmentKind, nextAssessmentDue } from '../../rules/index.ts';
import {
  callerOfContext,
  loadSystem,
  notFuture,
  organisationIn,
  requireRules,
  versionConflict,
} from '../context.ts';
import { syncCatalogLevel } from '../grading-level.ts';
import { openAssessmentObligation, renewAssessmentObligation } from '../obligations.ts';
import { opsAssessments, opsGradings, opsKeyProducts } from '../tables/index.ts';

export interface GradingInput {
  level: number;
  filingNumber: string;
  filingDate: string;
  criticalInfrastructure: boolean;
  /** The current version when the grading exists (optimistic concurrency). */
  version?: number;
}

export async function setGrading(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: GradingInput,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.grading_set',
      objectType: 'information_system',
      objectId: systemId,
      details: { level: input.level },
    },
    async (tx) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const rules = requireRules(system.rules);
      notFuture(input.filingDate, caller.now, 'filingDate');
      // The first 测评 and 密评 are owed one interval after the 备案 date, until a report is filed.
      const env = { calendar, now: caller.now };
      const openFirst = async () => {
        for (const kind of ['mlps', 'crypto'] as const) {
          const [filed] = await tx
            .select({ id: opsAssessments.id })
            .from(opsAssessments)
            .where(and(eq(opsAssessments.systemId, system.id), eq(opsAssessments.kind, kind)))
            .limit(1);
          if (!filed) {
            await openAssessmentObligation(
              tx,
              env,
              rules,
              system,
              kind,
              input.level,
              input.filingDate,
              `grading:${input.filingDate}`,
            );
          }
        }
      };
      const values = {
        level: input.level,
        filingNumber: input.filingNumber,
        filingDate: input.filingDate,
        criticalInfrastructure: input.criticalInfrastructure,
        recordedBy: caller.userId,
        updatedAt: caller.now,
      };
      const [current] = await tx
        .select({ id: opsGradings.id, version: opsGradings.version })
        .from(opsGradings)
        .where(eq(opsGradings.systemId, system.id));
      // One truth for the level: the catalog entry follows the grading in this transaction.
      await syncCatalogLevel(tx, system.id, input.level, caller.now);
      if (!current) {
        await tx.insert(opsGradings).values({ ...values, systemId: system.id });
        await openFirst();
        return;
      }
      if (input.version === undefined || input.version !== current.version) throw versionConflict();
      const updated = await tx
        .update(opsGradings)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(opsGradings.id, current.id), eq(opsGradings.version, current.version)))
        .returning({ id: opsGradings.id });
      if (updated.length === 0) throw versionConflict();
      await openFirst();
    },
  );
}

export interface AssessmentInput {
  kind: AssessmentKind;
  assessedOn: string;
  result: 'pass' | 'basic_pass' | 'fail';
  reportNumber: string;
  assessor: string;
  contractorOrganisationId?: string;
  findings?: string;
}

export async function recordAssessment(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: AssessmentInput,
): Promise<{ id: string; nextDue: string | null }> {
  const caller = callerOfContext(deps, ctx);
  const calendar = await loadCalendar(deps.db);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.assessment_record',
      objectType: 'information_system',
      objectId: systemId,
      details: { kind: input.kind, assessedOn: input.assessedOn },
    },
    async (tx, audit) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const rules = requireRules(system.rules);
      notFuture(input.assessedOn, caller.now, 'assessedOn');
      const [grading] = await tx
        .select({ level: opsGradings.level })
        .from(opsGradings)
        .where(eq(opsGradings.systemId, system.id));
      if (input.kind !== 'risk' && !grading) {
        throw refused(
          'OPS_NOT_GRADED',
          '系统尚未登记等保定级备案，不能登记等保测评或密评报告',
          rules.assessmentArticles[0] ?? 'DT-35',
          { field: 'kind' },
        );
      }
      const joint = rules.riskAssessmentJoint;
      if (input.kind === 'risk' && joint.contractorRequired && !input.contractorOrganisationId) {
        throw refused(
          'OPS_JOINT_ASSESSMENT_REQUIRED',
          `${joint.wording}：须登记共同评估的承建单位`,
          joint.articles[0],
          {
            field: 'contractorOrganisationId',
          },
        );
      }
      if (input.contractorOrganisationId) {
        await organisationIn(
          tx,
          input.contractorOrganisationId,
          system.jurisdictionId,
          'contractorOrganisationId',
          ['contractor'],
        );
      }
      const level = grading?.level ?? null;
      const nextDue = nextAssessmentDue(rules, input.kind, level, input.assessedOn);
      const article =
        input.kind === 'risk'
          ? (joint.articles[0] ?? rules.assessmentArticles[0])
          : rules.assessmentArticles[0];
      const [row] = await tx
        .insert(opsAssessments)
        .values({
          systemId: system.id,
          kind: input.kind,
          assessedOn: input.assessedOn,
          result: input.result,
          reportNumber: input.reportNumber,
          assessor: input.assessor,
          level,
          nextDue,
          contractorOrganisationId: input.contractorOrganisationId ?? null,
          findings: input.findings ?? null,
          article: article ?? 'DT-35',
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsAssessments.id });
      await renewAssessmentObligation(tx, { calendar, now: caller.now }, rules, system, {
        id: row.id,
        kind: input.kind,
        level,
        assessedOn: input.assessedOn,
        by: caller.userId,
      });
      audit.details = { ...audit.details, nextDue, article };
      return { id: row.id, nextDue };
    },
  );
}

export interface ProductInput {
  category: string;
  name: string;
  vendor: string;
  productVersion?: string;
  controllable: boolean;
}

export async function addProduct(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  input: ProductInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.product_add',
      objectType: 'information_system',
      objectId: systemId,
      details: { name: input.name },
    },
    async (tx) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const [row] = await tx
        .insert(opsKeyProducts)
        .values({
          systemId: system.id,
          category: input.category,
          name: input.name,
          vendor: input.vendor,
          productVersion: input.productVersion ?? null,
          controllable: input.controllable,
          recordedBy: caller.userId,
          recordedAt: caller.now,
        })
        .returning({ id: opsKeyProducts.id });
      return { id: row.id };
    },
  );
}

export async function removeProduct(
  deps: CommandDeps,
  ctx: CommandContext,
  systemId: string,
  productId: string,
): Promise<void> {
  const caller = callerOfContext(deps, ctx);
  await runCommand(
    deps,
    ctx,
    {
      action: 'ops.product_remove',
      objectType: 'ops_key_product',
      objectId: productId,
      details: { systemId },
    },
    async (tx) => {
      const system = await loadSystem(tx, caller, systemId, 'edit');
      const removed = await tx
        .delete(opsKeyProducts)
        .where(and(eq(opsKeyProducts.id, productId), eq(opsKeyProducts.systemId, system.id)))
        .returning({ id: opsKeyProducts.id });
      if (removed.length === 0) throw notFound('产品记录不存在');
    },
  );
}
