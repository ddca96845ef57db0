/** Budget review and the other budget steps (安排经费, 上报), and the 预算审定意见 download. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordEvent } from '../platform/command.ts';
import { renderOfficialDocx } from '../platform/documents/docx-official.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { notFound } from '../platform/errors.ts';
import { errors } from '../platform/http/schemas.ts';
import { FileDownload, loadWorkflowEnv, visibleContext } from '../projects/index.ts';
import { decideBudgetStep } from './commands/decide-budget-step.ts';
import { recordBudgetReview } from './commands/record-budget-review.ts';
import type { FundsDeps } from './commands/support.ts';
import { budgetOpinionDocument, type FundKind, type ShareLevel } from './model.ts';
import { fundsView } from './queries/funds-view.ts';
import { reviewOf } from './repository.ts';
import {
  BudgetReviewBody,
  CreatedReview,
  FundsView,
  OpinionBody,
  ProjectParams,
  StepParams,
} from './schemas.ts';

const TAGS = ['资金管理'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerBudgetRoutes(root: FastifyInstance, deps: FundsDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.post(
    '/api/funds/projects/:id/budget-review',
    {
      schema: {
        tags: TAGS,
        summary: '录入预算评审结果并出具预算审定意见（按年度、按费用项目，核减须说明理由）',
        params: ProjectParams,
        body: BudgetReviewBody,
        response: { 201: CreatedReview, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const result = await recordBudgetReview(deps, commandContext(req), await env(), req.params.id, {
        opinion: body.opinion,
        lines: body.lines.map((l) => ({
          year: l.year,
          costItem: l.costItem,
          kind: l.kind,
          requestedFen: yuanToFen(l.requested),
          approvedFen: yuanToFen(l.approved),
          cutReason: l.cutReason ?? null,
        })),
        shares: body.shares.map((s) => ({
          level: s.level,
          kind: s.kind,
          amountFen: yuanToFen(s.amount),
          carriedBy: s.carriedBy,
        })),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/funds/projects/:id/budget-review/document',
    {
      schema: {
        tags: TAGS,
        summary: '下载预算审定意见（.docx）',
        params: ProjectParams,
        response: { 200: FileDownload('.docx 文件'), ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = req.params.id;
      const e = await env();
      const { pc, relation } = await visibleContext(deps.db, e, actor, id);
      if (relation.parties.size === 0 && relation.assignment?.kind !== 'evaluator')
        throw notFound('项目不存在或无权查看', 'PROJECT_NOT_FOUND');
      const review = await reviewOf(deps.db, id);
      if (!review) throw notFound('尚未出具预算审定意见', 'BUDGET_OPINION_NOT_FOUND');
      const doc = budgetOpinionDocument({
        number: review.number,
        projectName: pc.bundle.project.name,
        projectCode: pc.bundle.project.code,
        department:
          pc.directory.organisations.find((o) => o.id === pc.bundle.project.ownerOrganisationId)?.name ?? '',
        reviewer: review.reviewerOrganisation,
        opinion: review.opinion,
        date: review.decidedOn,
        lines: review.lines.map((l) => ({ ...l, kind: l.kind as FundKind })),
        shares: review.shares.map((s) => ({ ...s, level: s.level as ShareLevel, kind: s.kind as FundKind })),
      });
      const bytes = await renderOfficialDocx(doc);
      await recordEvent(deps, commandContext(req), {
        action: 'certificate.download',
        objectType: 'budget_opinion',
        objectId: review.id,
        details: { number: review.number },
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`预算审定意见-${review.number}.docx`)}`,
        )
        .send(bytes);
    },
  );

  app.post(
    '/api/funds/projects/:id/budget-steps/:stepId',
    {
      schema: {
        tags: TAGS,
        summary: '办理预算环节（安排建设及运维经费、预算上报）',
        params: StepParams,
        body: OpinionBody,
        response: { 200: FundsView, ...errors },
      },
    },
    async (req) => {
      const { id, stepId } = req.params;
      await decideBudgetStep(deps, commandContext(req), await env(), id, stepId, req.body.opinion);
      return fundsView(deps.db, await env(), actorOf(req), id);
    },
  );
}
