/** The authority's fund-allocation 公示: draft, publish, answer objections. The public side is src/publication's. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import { answerObjection } from './commands/answer-objection.ts';
import { createNotice } from './commands/create-notice.ts';
import { publishNotice } from './commands/publish-notice.ts';
import type { FundsDeps } from './commands/support.ts';
import { presentNoticeSummary } from './presenter.ts';
import { noticeDetail } from './queries/notice-detail.ts';
import { noticesOf } from './repository.ts';
import {
  AnswerBody,
  Created,
  IdParams,
  NoticeBody,
  NoticeDetail,
  NoticeList,
  PagingQuery,
  VersionBody,
} from './schemas.ts';

const TAGS = ['资金管理'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerPublicityRoutes(root: FastifyInstance, deps: FundsDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  const authorityOrgs = (actor: Actor) =>
    actor.assignments
      .filter((a) => a.role === 'authority_reviewer' || a.role === 'authority_leader')
      .map((a) => a.organisationId);

  app.get(
    '/api/funds/notices',
    {
      schema: {
        tags: TAGS,
        summary: '本单位编制的资金拟分配计划公示',
        querystring: PagingQuery,
        response: { 200: NoticeList, ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const e = await env();
      const page = await noticesOf(deps.db, authorityOrgs(actorOf(req)), {
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      });
      return {
        total: page.total,
        items: page.items.map((n) => ({
          ...presentNoticeSummary(n, e.today),
          status: n.status,
          version: n.version,
          objectionCount: n.objectionCount,
          openObjections: n.openObjections,
        })),
      };
    },
  );

  app.post(
    '/api/funds/notices',
    {
      schema: {
        tags: TAGS,
        summary: '编制资金拟分配计划公示（草稿）',
        body: NoticeBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const id = await createNotice(deps, commandContext(req), await env(), {
        ...body,
        items: body.items.map((i) => ({ projectId: i.projectId, amountFen: yuanToFen(i.amount) })),
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/funds/notices/:id',
    {
      schema: {
        tags: TAGS,
        summary: '公示详情（含全部异议）',
        params: IdParams,
        response: { 200: NoticeDetail, ...errors },
      },
    },
    async (req) => noticeDetail(deps.db, await env(), actorOf(req), req.params.id),
  );

  app.post(
    '/api/funds/notices/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '发布公示（项目均须已有预算审定意见）',
        params: IdParams,
        body: VersionBody,
        response: { 200: NoticeDetail, ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      await publishNotice(deps, commandContext(req), await env(), id, req.body.version);
      return noticeDetail(deps.db, await env(), actorOf(req), id);
    },
  );

  app.post(
    '/api/funds/objections/:id/answer',
    {
      schema: {
        tags: TAGS,
        summary: '答复公示异议（答复随公示公开）',
        params: IdParams,
        body: AnswerBody,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await answerObjection(deps, commandContext(req), await env(), req.params.id, req.body.answer);
      return reply.status(204).send(null);
    },
  );
}
