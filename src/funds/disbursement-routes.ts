/** Disbursement requests, finance's queue, the 局党组 consent, decisions and gate overrides. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { yuanToFen } from '../platform/documents/format.ts';
import { errors } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import { approveOverride } from './commands/approve-override.ts';
import { decideDisbursement } from './commands/decide-disbursement.ts';
import { recordConsent } from './commands/record-consent.ts';
import { requestDisbursement } from './commands/request-disbursement.ts';
import { requestOverride } from './commands/request-override.ts';
import type { FundsDeps } from './commands/support.ts';
import { formatFen } from './model.ts';
import { presentQueueItem } from './presenter.ts';
import { disbursementDetail } from './queries/disbursement-detail.ts';
import { disbursementQueue } from './repository.ts';
import {
  ConsentBody,
  Created,
  DecisionBody,
  DisbursementBody,
  DisbursementDetail,
  IdParams,
  OverrideBody,
  Queue,
  QueueQuery,
} from './schemas.ts';

const TAGS = ['资金管理'];
const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerDisbursementRoutes(root: FastifyInstance, deps: FundsDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.get(
    '/api/funds/disbursements',
    {
      schema: {
        tags: TAGS,
        summary:
          '拨付申请（财政：待审批队列；建设单位：本单位申请）；可按状态与预算年度筛选（驾驶舱“已拨付”下钻），合计为全部匹配行',
        querystring: QueueQuery,
        response: { 200: Queue, ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await disbursementQueue(deps.db, await env(), actorOf(req), {
        status: q.status,
        year: q.year,
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      });
      return {
        total: page.total,
        totalAmount: formatFen(page.amountFen),
        items: page.items.map(presentQueueItem),
      };
    },
  );

  app.post(
    '/api/funds/disbursements',
    {
      schema: {
        tags: TAGS,
        summary: '申请拨付建设资金或运维经费（不超过审定预算）',
        body: DisbursementBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const id = await requestDisbursement(deps, commandContext(req), await env(), {
        projectId: body.projectId,
        year: body.year,
        kind: body.kind,
        amountFen: yuanToFen(body.amount),
        purpose: body.purpose,
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/funds/disbursements/:id',
    {
      schema: {
        tags: TAGS,
        summary: '拨付申请详情：逐项拨付条件（依据条款）、局党组决定、例外处理',
        params: IdParams,
        response: { 200: DisbursementDetail, ...errors },
      },
    },
    async (req) => disbursementDetail(deps.db, await env(), actorOf(req), req.params.id),
  );

  app.post(
    '/api/funds/disbursements/:id/consent',
    {
      schema: {
        tags: TAGS,
        summary: '局党组对该笔拨付作出同意或不同意的决定（XZ-05b）',
        params: IdParams,
        body: ConsentBody,
        response: { 200: DisbursementDetail, ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      const body = req.body;
      await recordConsent(deps, commandContext(req), await env(), id, body.decision, body.opinion);
      return disbursementDetail(deps.db, await env(), actorOf(req), id);
    },
  );

  app.post(
    '/api/funds/disbursements/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary: '财政审批拨付：同意（须通过全部拨付条件）或不予拨付',
        params: IdParams,
        body: DecisionBody,
        response: { 200: DisbursementDetail, ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      await decideDisbursement(deps, commandContext(req), await env(), id, req.body);
      return disbursementDetail(deps.db, await env(), actorOf(req), id);
    },
  );

  app.post(
    '/api/funds/disbursements/:id/overrides',
    {
      schema: {
        tags: TAGS,
        summary: '对“一般”“原则上”类拨付条件申请例外处理（刚性条款一律拒绝）',
        params: IdParams,
        body: OverrideBody,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const id = await requestOverride(deps, commandContext(req), await env(), req.params.id, req.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/funds/overrides/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: '另一名财政人员复核同意例外处理',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await approveOverride(deps, commandContext(req), await env(), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
