/**
 * Everything public without an account (SECURITY.md 13): the login page's facts, the open resource
 * catalog, the fund-allocation 公示 with its anonymous objections, the satisfaction questionnaire
 * and the published yearly assessment results. Thin: validate → the owning module's query or
 * command (through its index.ts) → present. Every route is `public: true` in ./access.ts; those that
 * read stored data are rate-limited per address, and their queries return only what was published.
 * A public write from a browser must come from our own origin (src/identity/plugin.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { findPublicResource, listPublicResources } from '../catalog/index.ts';
import { publicResults } from '../evaluation/index.ts';
import { fileObjection, type PublicFundsDeps, publicNoticeDetail, publicNoticePage } from '../funds/index.ts';
import type { CommandContext } from '../platform/command.ts';
import { notFound } from '../platform/errors.ts';
import { publicQuestionnaire, submitResponse } from '../questionnaire/index.ts';
import { type DemoAccount, presentDemoAccount, presentPublicResource } from './presenter.ts';
import * as S from './schemas.ts';

export interface PublicationOptions {
  /** The database, clock and audit key of the commands; the keyring of the working calendar (公示 dates). */
  deps: PublicFundsDeps;
  /** Demo mode (`config.demo`): the login page lists `demoAccounts` only then. */
  demo: boolean;
  /** The demo accounts, passed in by the composition root (src/app.ts); empty outside demo mode. */
  demoAccounts: readonly DemoAccount[];
  /** Anonymous questionnaire answers per address and minute (`QUESTIONNAIRE_RATE_LIMIT`). */
  questionnaireRateLimitPerMinute: number;
}

export const PLATFORM_NAME = '统筹 · 政务信息化项目管理平台';
/** Reads of stored data: per address and minute. */
export const PUBLIC_READ_LIMIT = { max: 60, timeWindow: '1 minute' };
/** Objections: a few per address in ten minutes; a burst gets 429. */
export const OBJECTION_LIMIT = { max: 3, timeWindow: '10 minutes' };

/** The tags the routes had in their modules (the OpenAPI document and the generated web types keep them). */
const TAGS = { platform: ['平台'], resources: ['公开信息'], public: ['公开'] };

const anonymous = (req: FastifyRequest): CommandContext => ({
  actor: null,
  sourceIp: req.ip ?? null,
  requestId: String(req.id),
});

export const publicationRoutes: FastifyPluginAsyncTypebox<PublicationOptions> = async (app, options) => {
  const { deps } = options;

  // ---- the login page ------------------------------------------------------------------------
  app.get(
    '/api/public/login-info',
    {
      schema: {
        tags: TAGS.platform,
        summary: '登录页信息（演示模式下列出演示账户）',
        security: [],
        response: { 200: S.LoginInfo },
      },
    },
    async () => ({
      demo: options.demo,
      platformName: PLATFORM_NAME,
      demoAccounts: options.demo ? options.demoAccounts.map(presentDemoAccount) : [],
    }),
  );

  // ---- open resources (src/catalog) ------------------------------------------------------------
  app.get(
    '/api/public/resources',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS.resources,
        summary: '公开的信息资源目录（已发布且向社会开放的资源）',
        security: [],
        querystring: S.PublicResourceQuery,
        response: { 200: S.PublicResourcePage, ...S.resourceErrors },
      },
    },
    async (req) => {
      const query = req.query;
      const page = await listPublicResources(
        deps.db,
        { keyword: query.keyword, category: query.category },
        { limit: query.limit ?? 20, offset: query.offset ?? 0 },
      );
      return { items: page.items.map(presentPublicResource), total: page.total };
    },
  );
  app.get(
    '/api/public/resources/:code',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS.resources,
        summary: '公开资源详情（代码中的“/”可写作 %2F 或 -）',
        security: [],
        params: S.ResourceCodeParams,
        response: { 200: S.PublicResource, ...S.resourceErrors },
      },
    },
    async (req) => {
      const found = await findPublicResource(deps.db, req.params.code.replace('-', '/'));
      if (!found) throw notFound('资源不存在或未向社会开放');
      return presentPublicResource(found);
    },
  );

  // ---- 公示 and objections (src/funds) -----------------------------------------------------------
  app.get(
    '/api/public/notices',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '资金拟分配计划公示（公示中 / 往期）',
        security: [],
        querystring: S.PublicNoticeQuery,
        response: { 200: S.PublicNoticeList, ...S.publicErrors },
      },
    },
    (req) => {
      const q = req.query;
      return publicNoticePage(deps, q.phase ?? 'current', { limit: q.limit ?? 20, offset: q.offset ?? 0 });
    },
  );
  app.get(
    '/api/public/notices/:id',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '公示详情：项目、部门、金额，已答复的异议及答复',
        security: [],
        params: S.NoticeParams,
        response: { 200: S.PublicNoticeDetail, ...S.publicErrors },
      },
    },
    (req) => publicNoticeDetail(deps, req.params.id),
  );
  app.post(
    '/api/public/notices/:id/objections',
    {
      config: { rateLimit: OBJECTION_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '对公示提出异议（匿名，限流）',
        security: [],
        params: S.NoticeParams,
        body: S.ObjectionBody,
        response: { 201: S.ObjectionCreated, ...S.publicErrors },
      },
    },
    async (req, reply) => {
      const id = await fileObjection(deps, anonymous(req), req.params.id, req.body.content);
      return reply.status(201).send({ id });
    },
  );

  // ---- the satisfaction questionnaire (src/questionnaire) ----------------------------------------
  app.get(
    '/api/public/questionnaires/:slug',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '公开问卷（仅在开放期内显示题目）',
        security: [],
        params: S.QuestionnaireSlugParams,
        response: { 200: S.PublicQuestionnaireView, ...S.publicErrors },
      },
    },
    async (req) => {
      const view = await publicQuestionnaire(deps.db, req.params.slug, deps.clock.now());
      if (!view) throw notFound('问卷不存在', 'QUESTIONNAIRE_NOT_FOUND');
      return view;
    },
  );
  app.post(
    '/api/public/questionnaires/:slug/responses',
    {
      config: { rateLimit: { max: options.questionnaireRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS.public,
        summary: '匿名填写问卷（每台设备每天一次；限流）',
        security: [],
        params: S.QuestionnaireSlugParams,
        body: S.QuestionnaireAnswerBody,
        response: { 201: S.QuestionnaireAnswered, ...S.publicErrors },
      },
    },
    async (req, reply) => {
      await submitResponse(deps, anonymous(req), req.params.slug, req.body);
      return reply.status(201).send({ ok: true });
    },
  );

  // ---- the published yearly assessment results (src/evaluation) ----------------------------------
  app.get(
    '/api/public/evaluation-results',
    {
      config: { rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '已公示的年度考核结果（一公示）',
        security: [],
        querystring: S.PublicEvaluationQuery,
        response: { 200: S.PublicEvaluationResults, ...S.resultsErrors },
      },
    },
    (req) => {
      const q = req.query;
      return publicResults(deps.db, { limit: q.limit ?? 20, offset: q.offset ?? 0 });
    },
  );
};
