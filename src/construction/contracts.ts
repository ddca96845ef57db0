/**
 * Contracts (DT-17, DT-19, SC-15, SC-16, XZ-12, XZ-14): signing a contract records the rulebook's
 * `contract_signed` on the step whose outcome it is (the rulebook's actor, the step open, its
 * `procure` gates), which opens the filing obligation (5 working days); filing it records
 * `contract_filed` and meets that obligation — late when after the due date. Where the rulebook
 * has a deliverables step (XZ-12), the contract must fix ownership and list the deliverables,
 * which are then tracked to delivery. All by rulebook data: no jurisdiction names here.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isIsoDate } from '../calendar/index.ts';
import { obligations } from '../obligations/index.ts';
import type { CommandContext } from '../platform/command.ts';
import type { Tx } from '../platform/db/client.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { conflict, invalid, notFound, refused, versionConflict } from '../platform/errors.ts';
import type { ProjectContext, WorkflowEnv } from '../projects/index.ts';
import { stepsOf } from '../projects/index.ts';
import { type EventType, evaluatePredicate, type Rulebook, type Step } from '../rules/index.ts';
import { type ProjectDeps, projectCommand, recordStepEvent } from '../workflow/index.ts';
import {
  contractDeliverables,
  contracts,
  type DeliverableKind,
  PROCUREMENT_METHODS,
  type ProcurementMethod,
  supervisors,
} from './tables.ts';

export const PROCUREMENT_LABELS: Record<ProcurementMethod, string> = {
  public_tender: '公开招标',
  invited_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  inquiry: '询价',
  single_source: '单一来源采购',
};
/** Methods in which suppliers compete (DT-17 市场化竞争, SC-16, XZ-12 竞争确定). */
export const COMPETITIVE_METHODS: readonly ProcurementMethod[] = PROCUREMENT_METHODS.filter(
  (m) => m !== 'single_source',
);
export const DELIVERABLE_LABELS: Record<DeliverableKind, string> = {
  design_documents: '设计文件',
  source_code: '源代码',
  test_documents: '测试文档',
  other: '其他成果',
};

/** The step of the rulebook whose outcome is `event` (the first, in workflow order). */
export function stepFor(rulebook: Rulebook, event: EventType): Step | undefined {
  return stepsOf(rulebook).find((s) => s.step.outcomes.some((o) => o.event === event))?.step;
}

export interface SignContractInput {
  number: string;
  procurementMethod: ProcurementMethod;
  procurementResult: string;
  contractorName: string;
  amount: string;
  signedOn: string;
  ownershipClause: boolean;
  deliverables: { kind: DeliverableKind; name: string }[];
}

function requireStep(pc: ProjectContext, event: EventType): Step {
  const step = stepFor(pc.rulebook, event);
  if (!step) throw notFound('该项目适用的规则集没有此环节', 'STEP_NOT_FOUND');
  return step;
}

export async function signContract(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: SignContractInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'contract.sign',
      objectType: 'project',
      objectId: projectId,
      details: { number: input.number },
    },
    async ({ tx, audit, pc }) => {
      const step = requireStep(pc, 'contract_signed');
      const article = step.articles[0] ?? '';
      if (!isIsoDate(input.signedOn)) throw invalid('INVALID_DATE', '签订日期无效', { field: 'signedOn' });
      if (input.signedOn > env.today) {
        throw invalid('DATE_IN_FUTURE', '签订日期不能晚于今天', { field: 'signedOn' });
      }
      // Competition is required unless the rulebook makes it conditional: SC 第十六条 only "对于项目
      // 内容复杂、技术要求高的" (the contract step's `competition_record` material with its condition on
      // the fact `complexProject`, which the 立项 body or the reviewer records as a finding).
      const competition = step.materials.find((m) => m.code === 'competition_record');
      const competitionRequired =
        !competition?.condition || evaluatePredicate(competition.condition, { facts: pc.facts, events: [] });
      if (competitionRequired && !COMPETITIVE_METHODS.includes(input.procurementMethod)) {
        throw refused(
          'COMPETITION_REQUIRED',
          `承建单位须通过竞争方式确定，${PROCUREMENT_LABELS[input.procurementMethod]}不符合要求`,
          competition?.articles[0] ?? article,
          { field: 'procurementMethod' },
        );
      }
      // Where the rulebook tracks deliverables (a step ends in `deliverables_submitted`), the contract
      // fixes ownership and lists them.
      const deliverablesStep = stepFor(pc.rulebook, 'deliverables_submitted');
      if (deliverablesStep) {
        const cite = deliverablesStep.articles[0] ?? article;
        if (!input.ownershipClause) {
          throw refused('OWNERSHIP_CLAUSE_REQUIRED', '合同须明确系统及数据的归属', cite, {
            field: 'ownershipClause',
          });
        }
        const kinds = new Set(input.deliverables.map((d) => d.kind));
        const missing = (['design_documents', 'source_code', 'test_documents'] as const).filter(
          (k) => !kinds.has(k),
        );
        if (missing.length > 0) {
          throw refused(
            'DELIVERABLES_REQUIRED',
            `合同须约定交付成果：${missing.map((k) => DELIVERABLE_LABELS[k]).join('、')}`,
            cite,
            { field: 'deliverables' },
          );
        }
      }
      const [existing] = await tx
        .select({ id: contracts.id })
        .from(contracts)
        .where(and(eq(contracts.projectId, projectId), eq(contracts.number, input.number)));
      if (existing) throw conflict('CONTRACT_EXISTS', `合同编号 ${input.number} 已登记`, { field: 'number' });
      // The event is dated the day the contract was signed: the filing period runs from it.
      const { role } = await recordStepEvent(tx, deps, { ...env, today: input.signedOn }, actor, pc, {
        stepId: step.id,
        event: 'contract_signed',
        opinion: `签订合同 ${input.number}（${input.contractorName}）`,
        details: { ref: input.number },
      });
      const [row] = await tx
        .insert(contracts)
        .values({
          projectId,
          number: input.number,
          procurementMethod: input.procurementMethod,
          procurementResult: input.procurementResult,
          contractorName: input.contractorName,
          amountFen: yuanToFen(input.amount),
          signedOn: input.signedOn,
          ownershipClause: input.ownershipClause,
          createdBy: actor.userId,
          createdAt: env.now,
        })
        .returning({ id: contracts.id });
      if (input.deliverables.length > 0) {
        await tx.insert(contractDeliverables).values(
          input.deliverables.map((d) => ({
            contractId: row.id,
            kind: d.kind,
            name: d.name,
            createdAt: env.now,
          })),
        );
      }
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { number: input.number, signedOn: input.signedOn, stepId: step.id };
      return row.id;
    },
    { refresh: false },
  );
}

async function lockContract(tx: Tx, projectId: string, contractId: string) {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.projectId, projectId)))
    .for('update');
  if (!row) throw notFound('合同不存在或无权查看', 'CONTRACT_NOT_FOUND');
  return row;
}

/** 合同备案: today, on the platform, with the contract text the step asks for. */
export async function fileContract(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  contractId: string,
  version: number,
): Promise<{ late: boolean }> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    { action: 'contract.file', objectType: 'contract', objectId: contractId },
    async ({ tx, audit, pc }) => {
      const contract = await lockContract(tx, projectId, contractId);
      if (contract.version !== version) {
        throw versionConflict();
      }
      if (contract.filedOn)
        throw conflict('CONTRACT_ALREADY_FILED', `合同 ${contract.number} 已于 ${contract.filedOn} 备案`);
      const step = requireStep(pc, 'contract_filed');
      const { role, deadlines } = await recordStepEvent(tx, deps, env, actor, pc, {
        stepId: step.id,
        event: 'contract_filed',
        opinion: `合同 ${contract.number} 报备案`,
        details: { ref: contract.number },
      });
      await tx
        .update(contracts)
        .set({ filedOn: env.today, filedBy: actor.userId, version: sql`${contracts.version} + 1` })
        .where(eq(contracts.id, contractId));
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      audit.details = { number: contract.number, filedOn: env.today, met: deadlines.met };
      const late = await isLate(tx, projectId, contract.number, deadlines.met);
      return { late };
    },
    { refresh: false },
  );
}

async function isLate(tx: Tx, projectId: string, ref: string, kinds: string[]): Promise<boolean> {
  if (kinds.length === 0) return false;
  const rows = await tx
    .select({ late: obligations.late })
    .from(obligations)
    .where(
      and(eq(obligations.projectId, projectId), eq(obligations.ref, ref), inArray(obligations.kind, kinds)),
    );
  return rows.some((r) => r.late);
}

/** The contractor's deliverable handed over (XZ-12: tracked to delivery). */
export async function deliverDeliverable(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  contractId: string,
  deliverableId: string,
): Promise<void> {
  const actor = ctx.actor!;
  await projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'contract.deliverable',
      objectType: 'contract',
      objectId: contractId,
      details: { deliverableId },
    },
    async ({ tx, relation }) => {
      if (!relation.parties.has('department')) {
        throw notFound('合同不存在或无权查看', 'CONTRACT_NOT_FOUND');
      }
      await lockContract(tx, projectId, contractId);
      const [d] = await tx
        .select()
        .from(contractDeliverables)
        .where(
          and(eq(contractDeliverables.id, deliverableId), eq(contractDeliverables.contractId, contractId)),
        )
        .for('update');
      if (!d) throw notFound('交付成果不存在', 'DELIVERABLE_NOT_FOUND');
      if (d.deliveredOn) throw conflict('ALREADY_DELIVERED', `“${d.name}”已于 ${d.deliveredOn} 交付`);
      await tx
        .update(contractDeliverables)
        .set({
          deliveredOn: env.today,
          deliveredBy: actor.userId,
          version: sql`${contractDeliverables.version} + 1`,
        })
        .where(eq(contractDeliverables.id, deliverableId));
    },
    { refresh: false },
  );
}

export async function listContracts(q: Tx | ProjectDeps['db'], projectId: string) {
  const rows = await q
    .select()
    .from(contracts)
    .where(eq(contracts.projectId, projectId))
    .orderBy(asc(contracts.signedOn), asc(contracts.createdAt), asc(contracts.id));
  const items = rows.length
    ? await q
        .select()
        .from(contractDeliverables)
        .where(
          inArray(
            contractDeliverables.contractId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(contractDeliverables.createdAt), asc(contractDeliverables.id))
    : [];
  return rows.map((r) => ({ ...r, deliverables: items.filter((d) => d.contractId === r.id) }));
}

export interface SupervisorInput {
  unitName: string;
  contractNumber: string;
  procurementMethod: ProcurementMethod;
}

/**
 * 监理单位备案: records `supervisor_filed` on the rulebook's step (its actor, open — in XZ only after
 * the 局党组's consent — and its gates); the supervisor is chosen by a market mechanism.
 */
export async function fileSupervisor(
  deps: ProjectDeps,
  ctx: CommandContext,
  env: WorkflowEnv,
  projectId: string,
  input: SupervisorInput,
): Promise<string> {
  const actor = ctx.actor!;
  return projectCommand(
    deps,
    ctx,
    env,
    projectId,
    {
      action: 'supervisor.file',
      objectType: 'project',
      objectId: projectId,
      details: { unit: input.unitName },
    },
    async ({ tx, audit, pc }) => {
      const step = requireStep(pc, 'supervisor_filed');
      if (!COMPETITIVE_METHODS.includes(input.procurementMethod)) {
        throw refused(
          'COMPETITION_REQUIRED',
          `监理单位须通过市场机制确定，${PROCUREMENT_LABELS[input.procurementMethod]}不符合要求`,
          step.articles[0] ?? '',
          { field: 'procurementMethod' },
        );
      }
      const [existing] = await tx
        .select({ id: supervisors.id })
        .from(supervisors)
        .where(
          and(eq(supervisors.projectId, projectId), eq(supervisors.contractNumber, input.contractNumber)),
        );
      if (existing)
        throw conflict('SUPERVISOR_EXISTS', `监理合同 ${input.contractNumber} 已备案`, {
          field: 'contractNumber',
        });
      const { role } = await recordStepEvent(tx, deps, env, actor, pc, {
        stepId: step.id,
        event: 'supervisor_filed',
        opinion: `监理单位 ${input.unitName} 备案`,
        details: { ref: input.contractNumber },
      });
      const [row] = await tx
        .insert(supervisors)
        .values({
          projectId,
          unitName: input.unitName,
          contractNumber: input.contractNumber,
          procurementMethod: input.procurementMethod,
          filedOn: env.today,
          filedBy: actor.userId,
          createdAt: env.now,
        })
        .returning({ id: supervisors.id });
      audit.role = role.role;
      audit.organisationId = role.organisationId;
      return row.id;
    },
    { refresh: false },
  );
}

export async function listSupervisors(q: ProjectDeps['db'], projectId: string) {
  return q
    .select()
    .from(supervisors)
    .where(eq(supervisors.projectId, projectId))
    .orderBy(asc(supervisors.filedOn), asc(supervisors.id));
}
