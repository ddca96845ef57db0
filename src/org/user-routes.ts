/**
 * User accounts (system administrator) and role assignments (security administrator) — 三员分立.
 *
 * Personal data (SECURITY.md 30, 34): phone number and 身份证号 are stored as SM4 envelopes bound to
 * the user's row and column, with an HMAC-SM3 blind index for exact lookup. Lists show them masked;
 * the unmasked view is a separate route for the system administrator, and every use is audited.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_CODES } from '../access/index.ts';
import { commandContext, UserListQuery, UserPage } from '../identity/index.ts';
import { type CommandDeps, recordEvent } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { invalid } from '../platform/errors.ts';
import { ErrorBody, errors, IdParams, NoContent, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { assignRole } from './commands/assign-role.ts';
import { createUser } from './commands/create-user.ts';
import { resetPassword } from './commands/reset-password.ts';
import { revokeRole } from './commands/revoke-role.ts';
import { updateUser } from './commands/update-user.ts';
import { viewPersonalData } from './commands/view-personal-data.ts';
import { userIdsByPersonalData } from './queries/user-lookup.ts';
import { presentUserRoles } from './queries/user-roles.ts';
import { listUsers, pageUsers } from './queries/users.ts';

const Literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

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
    disabledReason: Type.Union([Type.String(), Type.Null()]),
    mustChangePassword: Type.Boolean(),
    lastLoginAt: Type.Union([Type.String(), Type.Null()]),
    phoneMasked: Type.Union([Type.String(), Type.Null()], { description: '脱敏手机号，如 138****5678' }),
    idNumberMasked: Type.Union([Type.String(), Type.Null()], {
      description: '脱敏身份证号，如 110105********002X',
    }),
    version: Type.Integer(),
    roles: Type.Array(UserRole),
  },
  { additionalProperties: false },
);

/** Input fields: free text is normalised and checked by personal-data.ts. */
const PhoneInput = Type.String({ minLength: 5, maxLength: 30 });
const IdNumberInput = Type.String({ minLength: 18, maxLength: 18 });

/** What the security administrator gets back after a grant: the account and its roles, no personal data. */
const UserRolesBody = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(UserRole),
  },
  { additionalProperties: false },
);

export function registerUserRoutes(app: FastifyInstance, deps: CommandDeps, keyring: Keyring): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/users',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '用户列表（个人信息脱敏；筛选、排序、分页）',
        querystring: UserListQuery,
        response: { 200: UserPage(UserItem), ...errors },
      },
    },
    async (req) => pageUsers(deps.db, keyring, req.query),
  );

  typed.get(
    '/api/users/:id/sensitive',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '查看个人信息明文（系统管理员；每次查看记入审计）',
        params: IdParams,
        response: {
          200: Type.Object(
            {
              id: Type.String(),
              phone: Type.Union([Type.String(), Type.Null()]),
              idNumber: Type.Union([Type.String(), Type.Null()]),
            },
            { additionalProperties: false },
          ),
          ...errors,
        },
      },
    },
    async (req) => viewPersonalData(deps, commandContext(req), keyring, req.params.id),
  );

  typed.post(
    '/api/users/lookup',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '按手机号或身份证号精确查找用户（盲索引，不解密全表；记入审计）',
        body: Type.Object(
          { phone: Type.Optional(PhoneInput), idNumber: Type.Optional(IdNumberInput) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(UserItem) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async (req) => {
      const body = req.body;
      if (body.phone === undefined && body.idNumber === undefined) {
        throw invalid('LOOKUP_EMPTY', '请输入手机号或身份证号', { field: 'phone' });
      }
      const found = await userIdsByPersonalData(deps.db, keyring, body);
      await recordEvent(deps, commandContext(req), {
        action: 'user.sensitive_lookup',
        objectType: 'user',
        details: {
          by: [
            ...(body.phone !== undefined ? ['phone'] : []),
            ...(body.idNumber !== undefined ? ['idNumber'] : []),
          ],
          matches: found.length,
        },
      });
      return { items: found.length ? await listUsers(deps.db, keyring, found) : [] };
    },
  );

  typed.post(
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
            phone: Type.Optional(PhoneInput),
            idNumber: Type.Optional(IdNumberInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserItem, ...errors },
      },
    },
    async (req, reply) => {
      const id = await createUser(deps, commandContext(req), keyring, req.body);
      reply.status(201);
      return (await listUsers(deps.db, keyring, [id]))[0];
    },
  );

  typed.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '重置密码（系统管理员设定临时密码；用户下次登录须修改，原有会话全部失效）',
        params: IdParams,
        body: Type.Object(
          { temporaryPassword: Type.String({ minLength: 1, maxLength: 128 }) },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await resetPassword(
        deps,
        commandContext(req),
        req.actor!.userId,
        req.params.id,
        req.body.temporaryPassword,
      );
      return reply.status(204).send(null);
    },
  );

  typed.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '修改用户（停用/启用、姓名、电话、身份证号）',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            disabled: Type.Optional(Type.Boolean()),
            phone: Type.Optional(Type.Union([PhoneInput, Type.Null()])),
            idNumber: Type.Optional(Type.Union([IdNumberInput, Type.Null()])),
            version: VersionInput,
          },
          { additionalProperties: false },
        ),
        response: { 200: UserItem, ...errors },
      },
    },
    async (req) => {
      const { id } = req.params;
      await updateUser(deps, commandContext(req), keyring, req.actor!.userId, id, req.body);
      return (await listUsers(deps.db, keyring, [id]))[0];
    },
  );

  typed.post(
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
        response: { 201: UserRolesBody, ...errors },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      await assignRole(deps, commandContext(req), id, req.body);
      reply.status(201);
      return presentUserRoles(deps.db, id);
    },
  );

  typed.delete(
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
      const { id, assignmentId } = req.params;
      await revokeRole(deps, commandContext(req), id, assignmentId);
      return reply.status(204).send(null);
    },
  );
}
