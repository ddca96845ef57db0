/**
 * The public 公示 page's API (DT-15, SC-13): no account. Published notices appear between their
 * start and end dates (current) and afterwards as past notices, never before; each shows its
 * projects, departments and amounts and the objections the authority has answered, with the
 * answers. Anyone may file an objection while a notice runs; a burst from one address is refused
 * (rate limit) and the address is stored only as a keyed hash. No internal ids of users or staff.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommandContext } from '../platform/command.ts';
import { notFound } from '../platform/errors.ts';
import { ErrorBody } from '../platform/http/schemas.ts';
import { loadWorkflowEnv } from '../projects/index.ts';
import { fileObjection } from './commands/file-objection.ts';
import type { FundsDeps } from './commands/support.ts';
import { formatFen, publicityPhase } from './model.ts';
import { presentNoticeSummary } from './presenter.ts';
import { noticeItems, noticeObjections, publicNotice, publicNotices } from './repository.ts';
import {
  Created,
  IdParams,
  ObjectionBody,
  PublicNoticeDetail,
  PublicNoticeList,
  PublicQuery,
} from './schemas.ts';

const TAGS = ['公开'];
export const PUBLIC_READ_LIMIT = { max: 60, timeWindow: '1 minute' };
/** Objections: a few per address in ten minutes; a burst gets 429. */
export const OBJECTION_LIMIT = { max: 3, timeWindow: '10 minutes' };
const publicErrors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

const anonymous = (req: FastifyRequest): CommandContext => ({
  actor: null,
  sourceIp: req.ip ?? null,
  requestId: String(req.id),
});

export function registerPublicFundsRoutes(root: FastifyInstance, deps: FundsDeps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const today = async () => (await loadWorkflowEnv(deps.db, deps.clock, deps.keyring)).today;

  app.get(
    '/api/public/notices',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS,
        summary: '资金拟分配计划公示（公示中 / 往期）',
        security: [],
        querystring: PublicQuery,
        response: { 200: PublicNoticeList, ...publicErrors },
      },
    },
    async (req) => {
      const q = req.query;
      const day = await today();
      const page = await publicNotices(deps.db, day, q.phase ?? 'current', {
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      });
      return {
        total: page.total,
        items: page.items.map((n) => presentNoticeSummary(n, day)),
      };
    },
  );

  app.get(
    '/api/public/notices/:id',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS,
        summary: '公示详情：项目、部门、金额，已答复的异议及答复',
        security: [],
        params: IdParams,
        response: { 200: PublicNoticeDetail, ...publicErrors },
      },
    },
    async (req) => {
      const id = req.params.id;
      const day = await today();
      const notice = await publicNotice(deps.db, id, day);
      if (!notice) throw notFound('公示不存在', 'NOTICE_NOT_FOUND');
      const [items, objections] = await Promise.all([
        noticeItems(deps.db, id),
        noticeObjections(deps.db, id, true),
      ]);
      return {
        id: notice.id,
        title: notice.title,
        year: notice.year,
        startsOn: notice.startsOn,
        endsOn: notice.endsOn,
        phase: publicityPhase(notice, day),
        authority: notice.authority,
        itemCount: items.length,
        itemTotal: formatFen(items.reduce((s, i) => s + i.amountFen, 0n)),
        items: items.map((i) => ({
          projectCode: i.projectCode,
          projectName: i.projectName,
          department: i.department,
          amount: formatFen(i.amountFen),
        })),
        objections: objections.map((o) => ({
          content: o.content,
          createdAt: o.createdAt.toISOString(),
          answer: o.answer ?? '',
          answeredAt: o.answeredAt?.toISOString() ?? '',
        })),
      };
    },
  );

  app.post(
    '/api/public/notices/:id/objections',
    {
      config: { rateLimit: OBJECTION_LIMIT },
      schema: {
        tags: TAGS,
        summary: '对公示提出异议（匿名，限流）',
        security: [],
        params: IdParams,
        body: ObjectionBody,
        response: { 201: Created, ...publicErrors },
      },
    },
    async (req, reply) => {
      const env = await loadWorkflowEnv(deps.db, deps.clock, deps.keyring);
      const id = await fileObjection(deps, anonymous(req), env, req.params.id, req.body.content);
      return reply.status(201).send({ id });
    },
  );
}
