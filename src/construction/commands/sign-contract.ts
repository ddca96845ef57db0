import { and, eq } from 'drizzle-orm';
import { isIsoDate } from '../../calendar/index.ts';
import type { CommandContext } from '../../platform/command.ts';
import { yuanToFen } from '../../platform/documents/format.ts';
import { conflict, invalid, refused } from '../../platform/errors.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import { evaluatePredicate } from '../../rules/index.ts';
import { type ProjectDeps, projectCommand, recordStepEvent } from '../../workflow/index.ts';
import {
  COMPETITIVE_METHODS,
  DELIVERABLE_LABELS,
  type DeliverableKind,
  PROCUREMENT_LABELS,
  type ProcurementMethod,
} from '../model.ts';
import { stepFor } from '../rules.ts';
import { contractDeliverables, contracts } from '../tables.ts';
import { requireStep } from './support.ts';

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
