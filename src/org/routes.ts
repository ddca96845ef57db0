/**
 * Jurisdictions (a tree) and organisations (sys_admin); users and role assignments are in
 * user-routes.ts (sys_admin manages users, sec_admin grants and revokes roles: 三员分立).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { CommandDeps } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { JURISDICTION_LEVELS, ORGANISATION_KINDS } from '../platform/db/core.ts';
import { notFound } from '../platform/errors.ts';
import { errors, IdParams, pagingQuery, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { createJurisdiction } from './commands/create-jurisdiction.ts';
import { createOrganisation } from './commands/create-organisation.ts';
import { updateOrganisation } from './commands/update-organisation.ts';
import { listJurisdictions, presentJurisdiction } from './queries/jurisdictions.ts';
import { listOrganisations, pageOrganisations } from './queries/organisations.ts';
import { registerUserRoutes } from './user-routes.ts';

const Literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

const JurisdictionItem = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    level: Type.String(),
    levelName: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    rulebookCode: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

const OrganisationItem = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    kindName: Type.String(),
    jurisdictionId: Type.String(),
    jurisdictionName: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

/** Filters of the directory; without `limit` the whole directory as before (the selectors' source). */
const OrganisationListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: '单位名称包含' })),
    kind: Type.Optional(Literals(ORGANISATION_KINDS)),
    jurisdictionId: Type.Optional(Uuid),
    sort: Type.Optional(Literals(['name', '-name'] as const)),
    ...pagingQuery({ max: 100 }),
  },
  { additionalProperties: false },
);

export function registerOrgRoutes(app: FastifyInstance, deps: CommandDeps, keyring: Keyring): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/jurisdictions',
    {
      schema: {
        tags: ['组织机构'],
        summary: '行政区划（树）',
        response: {
          200: Type.Object({ items: Type.Array(JurisdictionItem) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async () => ({ items: await listJurisdictions(deps.db) }),
  );

  typed.post(
    '/api/jurisdictions',
    {
      schema: {
        tags: ['组织机构'],
        summary: '新增行政区划',
        body: Type.Object(
          {
            code: Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$' }),
            name: Type.String({ minLength: 2, maxLength: 50 }),
            level: Literals(JURISDICTION_LEVELS),
            parentId: Type.Union([Uuid, Type.Null()]),
            rulebookCode: Type.Union([Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$' }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        response: { 201: JurisdictionItem, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createJurisdiction(deps, commandContext(req), req.body);
      reply.status(201);
      return presentJurisdiction(created);
    },
  );

  typed.get(
    '/api/organisations',
    {
      schema: {
        tags: ['组织机构'],
        summary: '组织机构名录（不带 limit 为全部名录，带 limit 为筛选、排序后的一页）',
        description:
          '不带 limit：返回全部名录 { items }（按辖区、类型、名称排序），与以前相同，供各页面的单位选择框使用；' +
          '带 limit（1–100）：按 q（名称包含）、kind、jurisdictionId 筛选，按 sort 排序，返回 { items, total, limit, offset }。',
        querystring: OrganisationListQuery,
        response: {
          200: Type.Object(
            {
              items: Type.Array(OrganisationItem),
              total: Type.Optional(Type.Integer({ description: '符合条件的单位总数（分页时）' })),
              limit: Type.Optional(Type.Integer()),
              offset: Type.Optional(Type.Integer()),
            },
            { additionalProperties: false },
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const { limit, ...filters } = req.query;
      if (limit === undefined) return { items: await listOrganisations(deps.db) };
      return pageOrganisations(deps.db, { ...filters, limit });
    },
  );

  // One organisation by primary key (the edit form's current version). Also the ceiling of
  // `npm run bench`: the session check plus one primary-key SELECT through the same pool.
  typed.get(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['组织机构'],
        summary: '一个组织机构',
        params: IdParams,
        response: { 200: OrganisationItem, ...errors },
      },
    },
    async (req) => {
      const [row] = await listOrganisations(deps.db, req.params.id);
      if (!row) throw notFound('组织机构不存在');
      return row;
    },
  );

  const OrgBody = {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    kind: Literals(ORGANISATION_KINDS),
    parentId: Type.Union([Uuid, Type.Null()]),
  };

  typed.post(
    '/api/organisations',
    {
      schema: {
        tags: ['组织机构'],
        summary: '新增组织机构',
        body: Type.Object({ ...OrgBody, jurisdictionId: Uuid }, { additionalProperties: false }),
        response: { 201: OrganisationItem, ...errors },
      },
    },
    async (req, reply) => {
      const id = await createOrganisation(deps, commandContext(req), req.body);
      reply.status(201);
      return (await listOrganisations(deps.db, id))[0];
    },
  );

  typed.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['组织机构'],
        summary: '修改组织机构（乐观锁：须提交当前 version）',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(OrgBody.name),
            kind: Type.Optional(OrgBody.kind),
            version: VersionInput,
          },
          { additionalProperties: false },
        ),
        response: { 200: OrganisationItem, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { version, ...changes } = req.body;
      await updateOrganisation(deps, commandContext(req), id, version, changes);
      return (await listOrganisations(deps.db, id))[0];
    },
  );

  registerUserRoutes(app, deps, keyring);
}
