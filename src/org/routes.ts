/**
 * Jurisdictions (a tree) and organisations (sys_admin); users and role assignments are in
 * user-routes.ts (sys_admin manages users, sec_admin grants and revokes roles: 三员分立).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { JURISDICTION_LEVEL_NAMES, ORGANISATION_KIND_NAMES } from '../access/roles.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Queryable } from '../db/client.ts';
import { JURISDICTION_LEVELS, jurisdictions, ORGANISATION_KINDS, organisations } from '../db/schema.ts';
import { errors, IdParams, Uuid, VersionInput } from '../http/schemas.ts';
import { commandContext } from '../identity/plugin.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
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

/** Every organisation, or the one with primary key `id` (one statement either way). */
async function listOrganisations(q: Queryable, id?: string) {
  const rows = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      jurisdictionId: organisations.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      parentId: organisations.parentId,
      version: organisations.version,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(id === undefined ? undefined : eq(organisations.id, id))
    .orderBy(asc(jurisdictions.code), asc(organisations.kind), asc(organisations.name));
  return rows.map((r) => ({ ...r, kindName: ORGANISATION_KIND_NAMES[r.kind] ?? r.kind }));
}

export function registerOrgRoutes(app: FastifyInstance, deps: CommandDeps, keyring: Keyring): void {
  app.get(
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
    async () => {
      const rows = await deps.db.select().from(jurisdictions).orderBy(asc(jurisdictions.code));
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          level: r.level,
          levelName: JURISDICTION_LEVEL_NAMES[r.level] ?? r.level,
          parentId: r.parentId,
          rulebookCode: r.rulebookCode,
        })),
      };
    },
  );

  app.post(
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
      const body = req.body as {
        code: string;
        name: string;
        level: string;
        parentId: string | null;
        rulebookCode: string | null;
      };
      const created = await runCommand(
        deps,
        commandContext(req),
        { action: 'jurisdiction.create', objectType: 'jurisdiction' },
        async (tx, audit) => {
          if (body.parentId) {
            const [parent] = await tx
              .select({ id: jurisdictions.id })
              .from(jurisdictions)
              .where(eq(jurisdictions.id, body.parentId));
            if (!parent) throw invalid('PARENT_NOT_FOUND', '上级行政区划不存在', { field: 'parentId' });
          }
          const [dup] = await tx
            .select({ id: jurisdictions.id })
            .from(jurisdictions)
            .where(eq(jurisdictions.code, body.code));
          if (dup) throw conflict('JURISDICTION_CODE_TAKEN', '行政区划代码已存在', { field: 'code' });
          const [row] = await tx.insert(jurisdictions).values(body).returning();
          audit.objectId = row.id;
          audit.details = { code: row.code, name: row.name };
          return row;
        },
      );
      reply.status(201);
      return { ...created, levelName: JURISDICTION_LEVEL_NAMES[created.level] ?? created.level };
    },
  );

  app.get(
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
  app.get(
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
      const { id } = req.params as { id: string };
      const [row] = await listOrganisations(deps.db, id);
      if (!row) throw notFound('组织机构不存在');
      return row;
    },
  );

  const OrgBody = {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    kind: Literals(ORGANISATION_KINDS),
    parentId: Type.Union([Uuid, Type.Null()]),
  };

  app.post(
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
      const body = req.body as {
        name: string;
        kind: string;
        parentId: string | null;
        jurisdictionId: string;
      };
      const id = await runCommand(
        deps,
        commandContext(req),
        { action: 'organisation.create', objectType: 'organisation' },
        async (tx, audit) => {
          const [j] = await tx
            .select({ id: jurisdictions.id })
            .from(jurisdictions)
            .where(eq(jurisdictions.id, body.jurisdictionId));
          if (!j) throw invalid('JURISDICTION_NOT_FOUND', '行政区划不存在', { field: 'jurisdictionId' });
          const [dup] = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(
              and(
                eq(organisations.jurisdictionId, body.jurisdictionId),
                eq(organisations.name, body.name.trim()),
              ),
            );
          if (dup)
            throw conflict('ORGANISATION_NAME_TAKEN', '该行政区划下已有同名组织机构', { field: 'name' });
          const [row] = await tx
            .insert(organisations)
            .values({ ...body, name: body.name.trim() })
            .returning({ id: organisations.id });
          audit.objectId = row.id;
          audit.details = { name: body.name, kind: body.kind };
          return row.id;
        },
      );
      reply.status(201);
      return (await listOrganisations(deps.db)).find((o) => o.id === id)!;
    },
  );

  app.patch(
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
      const { id } = req.params as { id: string };
      const { version, ...changes } = req.body as { name?: string; kind?: string; version: number };
      await runCommand(
        deps,
        commandContext(req),
        { action: 'organisation.update', objectType: 'organisation', objectId: id, details: changes },
        async (tx) => {
          const updated = await tx
            .update(organisations)
            .set({ ...changes, version: version + 1 })
            .where(and(eq(organisations.id, id), eq(organisations.version, version)))
            .returning({ id: organisations.id });
          if (updated.length === 0) {
            const [exists] = await tx
              .select({ id: organisations.id })
              .from(organisations)
              .where(eq(organisations.id, id));
            if (!exists) throw notFound('组织机构不存在');
            throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', { field: 'version' });
          }
        },
      );
      return (await listOrganisations(deps.db)).find((o) => o.id === id)!;
    },
  );

  registerUserRoutes(app, deps, keyring);
}
