/**
 * The open resource catalog for the public (no account): only 已发布 resources whose 开放属性 is
 * 无条件开放 or 有条件开放 and that are not 涉密 — never 不予开放, never 涉密 — with no internal ids,
 * provider codes or staff data. Rate-limited per address.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CommandDeps } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { ErrorBody, Paged, pagingQuery } from '../../platform/http/schemas.ts';
import { findPublicResource, listPublicResources } from '../store/resources.ts';
import { TAGS } from './common.ts';
import { presentPublicResource } from './present.ts';
import { strict } from './schemas.ts';

const PUBLIC_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

const PublicResource = Type.Object(
  {
    code: Type.String({ description: '资源代码' }),
    category: Type.String(),
    name: Type.String(),
    providerName: Type.String({ description: '资源提供方（单位）' }),
    jurisdictionName: Type.String(),
    summary: Type.String(),
    formatClass: Type.String(),
    formatType: Type.Union([Type.String(), Type.Null()]),
    openness: Type.String({ description: 'unconditional 无条件开放 | conditional 有条件开放' }),
    openConditions: Type.Union([Type.String(), Type.Null()]),
    updateCycle: Type.String(),
    publishedDate: Type.Union([Type.String(), Type.Null()]),
    dataItems: Type.Array(
      Type.Object(
        { name: Type.String(), dataType: Type.String(), length: Type.Union([Type.Integer(), Type.Null()]) },
        strict,
      ),
    ),
  },
  strict,
);

const publicErrors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export function registerPublicCatalogRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/public/resources',
    {
      config: { rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '公开的信息资源目录（已发布且向社会开放的资源）',
        security: [],
        querystring: Type.Object(
          {
            keyword: Type.Optional(Type.String({ maxLength: 100 })),
            category: Type.Optional(Type.String({ maxLength: 40 })),
            ...pagingQuery({ max: 100, defaultLimit: 20, maxOffset: 100_000 }),
          },
          strict,
        ),
        response: {
          200: Paged(PublicResource),
          ...publicErrors,
        },
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

  typed.get(
    '/api/public/resources/:code',
    {
      config: { rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: TAGS.public,
        summary: '公开资源详情（代码中的“/”可写作 %2F 或 -）',
        security: [],
        params: Type.Object({ code: Type.String({ pattern: '^[0-9]{9}[/-][0-9]{6}$' }) }, strict),
        response: { 200: PublicResource, ...publicErrors },
      },
    },
    async (req) => {
      const { code } = req.params;
      const found = await findPublicResource(deps.db, code.replace('-', '/'));
      if (!found) throw notFound('资源不存在或未向社会开放');
      return presentPublicResource(found);
    },
  );
}
