/**
 * HTTP routes of the questionnaire: the authority's designer and results (signed in). The public
 * page's two routes (no account: read the questionnaire, answer it — rate-limited per client) are
 * src/publication's, over `publicQuestionnaire` and `submitResponse`.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { commandContext } from '../identity/index.ts';
import type { CommandDeps } from '../platform/command.ts';
import { conflict } from '../platform/errors.ts';
import { errors } from '../platform/http/schemas.ts';
import { closeQuestionnaire } from './commands/close-questionnaire.ts';
import { createQuestionnaire } from './commands/create-questionnaire.ts';
import { publishQuestionnaire } from './commands/publish-questionnaire.ts';
import { updateQuestionnaire } from './commands/update-questionnaire.ts';
import { questionnaireDetail } from './queries/detail.ts';
import { listQuestionnaires } from './queries/list.ts';
import { questionnaireResults } from './queries/results.ts';
import * as S from './schemas.ts';

const TAGS = ['满意度问卷'];

/** The public answering page of a slug. */
export const publicPath = (slug: string) => `/q/${slug}`;

export function registerQuestionnaireRoutes(untyped: FastifyInstance, deps: CommandDeps): void {
  const app = untyped.withTypeProvider<TypeBoxTypeProvider>();
  const now = () => deps.clock.now();

  app.get(
    '/api/questionnaires',
    {
      schema: {
        tags: TAGS,
        summary: '本辖区的满意度问卷',
        querystring: S.ListQuery,
        response: { 200: S.Page, ...errors },
      },
    },
    (req) => {
      const q = req.query;
      return listQuestionnaires(deps.db, req.actor, now(), {
        ...q,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
    },
  );
  app.post(
    '/api/questionnaires',
    {
      schema: {
        tags: TAGS,
        summary: '设计满意度问卷（草稿）：单选、多选、评分、填空',
        body: S.CreateBody,
        response: { 201: S.Created, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createQuestionnaire(deps, commandContext(req), req.body);
    },
  );
  app.get(
    '/api/questionnaires/:id',
    {
      schema: { tags: TAGS, summary: '问卷详情', params: S.IdParams, response: { 200: S.Detail, ...errors } },
    },
    (req) => questionnaireDetail(deps.db, req.actor, req.params.id, now()),
  );
  app.put(
    '/api/questionnaires/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改问卷草稿（已发布的问卷不能修改）',
        params: S.IdParams,
        body: S.UpdateBody,
        response: { 200: S.Ok, ...errors },
      },
    },
    async (req) => {
      await updateQuestionnaire(deps, commandContext(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/questionnaires/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '发布问卷：起止日期，生成公开链接与二维码',
        params: S.IdParams,
        body: S.PublishBody,
        response: { 200: S.Published, ...errors },
      },
    },
    (req) => publishQuestionnaire(deps, commandContext(req), req.params.id, req.body),
  );
  app.post(
    '/api/questionnaires/:id/close',
    {
      schema: {
        tags: TAGS,
        summary: '结束问卷',
        params: S.IdParams,
        body: S.CloseBody,
        response: { 200: S.Ok, ...errors },
      },
    },
    async (req) => {
      await closeQuestionnaire(deps, commandContext(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/questionnaires/:id/results',
    {
      schema: {
        tags: TAGS,
        summary: '问卷统计：各选项计数、评分分布与均分、满意度得分（0–100）',
        params: S.IdParams,
        response: { 200: S.Results, ...errors },
      },
    },
    (req) => questionnaireResults(deps.db, req.actor, req.params.id, now()),
  );
  app.get(
    '/api/questionnaires/:id/qrcode',
    {
      schema: {
        tags: TAGS,
        summary: '问卷公开链接的二维码（PNG）',
        params: S.IdParams,
        response: { 200: S.Png, ...errors },
      },
    },
    async (req, reply) => {
      const detail = await questionnaireDetail(deps.db, req.actor, req.params.id, now());
      if (!detail.slug) throw conflict('QUESTIONNAIRE_NOT_PUBLISHED', '问卷发布后才有公开链接和二维码');
      const url = `${req.protocol}://${req.host}${publicPath(detail.slug)}`;
      const png = await QRCode.toBuffer(url, {
        type: 'png',
        width: 320,
        margin: 2,
        errorCorrectionLevel: 'M',
      });
      return reply
        .header('content-type', 'image/png')
        .header('x-content-type-options', 'nosniff')
        .header('x-questionnaire-url', encodeURI(url))
        .send(png);
    },
  );
}
