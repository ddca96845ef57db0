/**
 * Jurisdictions (a tree) and organisations (sys_admin); users and role assignments are in
 * user-routes.ts (sys_admin manages users, sec_admin grants and revokes roles: 三员分立).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Keyring } from '../crypto/keyring.ts';
import { JURISDICTION_LEVELS, ORGANISATION_KINDS } from '../db/core.ts';
import { errors, IdParams, Uuid, VersionInput } from '../http/schemas.ts';
import { commandContext } from '../identity/plugin.ts';
import type { CommandDeps } from '../shared/command.ts';
import { notFound } from '../shared/errors.ts';
import { createJurisdiction, createOrganisation, updateOrganisation } from './commands.ts';
import { listJurisdictions, listOrganisations, presentJurisdiction } from './queries.ts';
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
        summary: '组织机构名录',
        response: {
          200: Type.Object({ items: Type.Array(OrganisationItem) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async () => ({ items: await listOrganisations(deps.db) }),
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
