/**
 * Jurisdictions (a tree), organisations, users and role assignments. sys_admin manages users and
 * organisations; sec_admin grants and revokes roles (三员分立). No account holds two admin roles.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ADMIN_ROLES,
  JURISDICTION_LEVEL_NAMES,
  ORGANISATION_KIND_NAMES,
  ROLE_CODES,
  ROLE_NAMES,
  type Role,
} from '../access/roles.ts';
import type { Queryable } from '../db/client.ts';
import {
  JURISDICTION_LEVELS,
  jurisdictions,
  ORGANISATION_KINDS,
  organisations,
  roleAssignments,
  users,
} from '../db/schema.ts';
import { ErrorBody, errors, IdParams, NoContent, Uuid } from '../http/schemas.ts';
import { checkPassword } from '../identity/password-policy.ts';
import { hashPassword } from '../identity/passwords.ts';
import { commandContext } from '../identity/plugin.ts';
import { revokeUserSessions } from '../identity/sessions.ts';
import { type CommandDeps, runCommand } from '../shared/command.ts';
import { conflict, DomainError, invalid, notFound } from '../shared/errors.ts';

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

const UserRole = Type.Object(
  {
    id: Type.String(),
    role: Type.String(),
    roleName: Type.String(),
    organisationId: Type.String(),
    organisationName: Type.String(),
    jurisdictionName: Type.String(),
  },
  { additionalProperties: false },
);

const UserItem = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    lastLoginAt: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
    roles: Type.Array(UserRole),
  },
  { additionalProperties: false },
);

async function listOrganisations(q: Queryable) {
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
    .orderBy(asc(jurisdictions.code), asc(organisations.kind), asc(organisations.name));
  return rows.map((r) => ({ ...r, kindName: ORGANISATION_KIND_NAMES[r.kind] ?? r.kind }));
}

async function listUsers(q: Queryable, ids?: string[]) {
  const base = q
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      version: users.version,
    })
    .from(users);
  const rows = await (ids ? base.where(inArray(users.id, ids)) : base).orderBy(asc(users.username));
  const roleRows = await q
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      jurisdictionName: jurisdictions.name,
    })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId));
  return rows.map((u) => ({
    ...u,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roles: roleRows
      .filter((r) => r.userId === u.id)
      .map(({ userId: _userId, ...r }) => ({ ...r, roleName: ROLE_NAMES[r.role as Role] ?? r.role })),
  }));
}

export function registerOrgRoutes(app: FastifyInstance, deps: CommandDeps): void {
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
            version: Type.Integer({ minimum: 1 }),
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

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '用户列表',
        response: {
          200: Type.Object({ items: Type.Array(UserItem) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async () => ({ items: await listUsers(deps.db) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '创建用户（初始密码由管理员设定，首次登录须修改）',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z][a-z0-9._-]{2,31}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 50 }),
            initialPassword: Type.String({ minLength: 1, maxLength: 128 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserItem, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body as { username: string; displayName: string; initialPassword: string };
      const problems = checkPassword(body.initialPassword, {
        username: body.username,
        displayName: body.displayName,
      });
      if (problems.length > 0)
        throw invalid(problems[0].code, problems[0].message, { field: 'initialPassword' });
      const passwordHash = await hashPassword(body.initialPassword);
      const now = deps.clock.now();
      const id = await runCommand(
        deps,
        commandContext(req),
        { action: 'user.create', objectType: 'user' },
        async (tx, audit) => {
          const [dup] = await tx
            .select({ id: users.id })
            .from(users)
            .where(eq(users.username, body.username));
          if (dup) throw conflict('USERNAME_TAKEN', '用户名已存在', { field: 'username' });
          const [row] = await tx
            .insert(users)
            .values({
              username: body.username,
              displayName: body.displayName,
              passwordHash,
              passwordChangedAt: now,
              mustChangePassword: true,
            })
            .returning({ id: users.id });
          audit.objectId = row.id;
          audit.details = { username: body.username };
          return row.id;
        },
      );
      reply.status(201);
      return (await listUsers(deps.db, [id]))[0];
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '修改用户（停用/启用、姓名）',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            disabled: Type.Optional(Type.Boolean()),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserItem, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const { version, ...changes } = req.body as {
        displayName?: string;
        disabled?: boolean;
        version: number;
      };
      const action =
        changes.disabled === true
          ? 'user.disable'
          : changes.disabled === false
            ? 'user.enable'
            : 'user.update';
      await runCommand(
        deps,
        commandContext(req),
        { action, objectType: 'user', objectId: id, details: changes },
        async (tx) => {
          if (changes.disabled && id === req.actor!.userId)
            throw invalid('CANNOT_DISABLE_SELF', '不能停用自己的账户', { field: 'disabled' });
          const updated = await tx
            .update(users)
            .set({ ...changes, version: version + 1 })
            .where(and(eq(users.id, id), eq(users.version, version)))
            .returning({ id: users.id });
          if (updated.length === 0) {
            const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
            if (!exists) throw notFound('用户不存在');
            throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', { field: 'version' });
          }
          // Disabling a user ends their sessions at once (SECURITY.md 11).
          if (changes.disabled) await revokeUserSessions(tx, id, deps.clock.now());
        },
      );
      return (await listUsers(deps.db, [id]))[0];
    },
  );

  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '授予角色（安全管理员）',
        params: IdParams,
        body: Type.Object(
          { role: Literals(ROLE_CODES), organisationId: Uuid },
          { additionalProperties: false },
        ),
        response: { 201: UserItem, ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const body = req.body as { role: Role; organisationId: string };
      await runCommand(
        deps,
        commandContext(req),
        { action: 'role.assign', objectType: 'user', objectId: id, details: body },
        async (tx) => {
          const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
          if (!user) throw notFound('用户不存在');
          const [org] = await tx
            .select()
            .from(organisations)
            .where(eq(organisations.id, body.organisationId));
          if (!org) throw invalid('ORGANISATION_NOT_FOUND', '组织机构不存在', { field: 'organisationId' });
          const held = await tx
            .select({ role: roleAssignments.role })
            .from(roleAssignments)
            .where(eq(roleAssignments.userId, id));
          const isAdmin = (r: string) => (ADMIN_ROLES as readonly string[]).includes(r);
          if (
            isAdmin(body.role) ? held.some((h) => h.role !== body.role) : held.some((h) => isAdmin(h.role))
          ) {
            // 三员分立: an administrator holds exactly one admin role and no business role.
            throw new DomainError(
              'conflict',
              'SEPARATION_OF_DUTIES',
              '三员分立：系统、安全、审计管理员角色不得兼任，也不得与业务角色兼任',
              { field: 'role' },
            );
          }
          if (
            held.some((h) => h.role === body.role) &&
            (
              await tx
                .select({ id: roleAssignments.id })
                .from(roleAssignments)
                .where(
                  and(
                    eq(roleAssignments.userId, id),
                    eq(roleAssignments.role, body.role),
                    eq(roleAssignments.organisationId, org.id),
                  ),
                )
            ).length > 0
          ) {
            throw conflict('ROLE_ALREADY_HELD', '该用户已在此机构拥有该角色', { field: 'role' });
          }
          await tx
            .insert(roleAssignments)
            .values({
              userId: id,
              role: body.role,
              organisationId: org.id,
              jurisdictionId: org.jurisdictionId,
            });
          // A role change ends the user's sessions (SECURITY.md 11).
          await revokeUserSessions(tx, id, deps.clock.now());
        },
      );
      reply.status(201);
      return (await listUsers(deps.db, [id]))[0];
    },
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '撤销角色（安全管理员）',
        params: Type.Object({ id: Uuid, assignmentId: Uuid }, { additionalProperties: false }),
        response: { 204: NoContent, ...errors, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const { id, assignmentId } = req.params as { id: string; assignmentId: string };
      await runCommand(
        deps,
        commandContext(req),
        { action: 'role.revoke', objectType: 'user', objectId: id, details: { assignmentId } },
        async (tx) => {
          const removed = await tx
            .delete(roleAssignments)
            .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)))
            .returning({ id: roleAssignments.id });
          if (removed.length === 0) throw notFound('该角色授予记录不存在');
          await revokeUserSessions(tx, id, deps.clock.now());
        },
      );
      return reply.status(204).send();
    },
  );
}
