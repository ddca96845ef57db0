/**
 * User accounts (system administrator) and role assignments (security administrator) — 三员分立.
 *
 * Personal data (SECURITY.md 30, 34): phone number and 身份证号 are stored as SM4 envelopes bound to
 * the user's row and column, with an HMAC-SM3 blind index for exact lookup. Lists show them masked;
 * the unmasked view is a separate route for the system administrator, and every use is audited.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ADMIN_ROLES,
  ORGANISATION_KIND_NAMES,
  ROLE_CODES,
  ROLE_NAMES,
  ROLE_ORGANISATION_KINDS,
  type Role,
} from '../access/roles.ts';
import { CryptoError } from '../crypto/errors.ts';
import {
  blindIndex,
  decryptField,
  encryptField,
  fieldAad,
  maskIdNumber,
  maskPhone,
} from '../crypto/fields.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Queryable } from '../db/client.ts';
import { jurisdictions, organisations, roleAssignments, users } from '../db/schema.ts';
import { ErrorBody, errors, IdParams, NoContent, Uuid, VersionInput } from '../http/schemas.ts';
import { checkPassword } from '../identity/password-policy.ts';
import { hashPassword } from '../identity/passwords.ts';
import { commandContext } from '../identity/plugin.ts';
import { revokeUserSessions } from '../identity/sessions.ts';
import { type CommandDeps, recordEvent, runCommand } from '../shared/command.ts';
import { conflict, DomainError, invalid, notFound } from '../shared/errors.ts';
import { normaliseIdNumber, normalisePhone } from './personal-data.ts';

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

export const PHONE_SCOPE = 'users.phone';
/** Shown in a list instead of a value whose envelope does not verify. */
export const UNREADABLE = '（数据校验失败）';
export const ID_NUMBER_SCOPE = 'users.id_number';

interface SealedPersonalData {
  phoneEnc?: string | null;
  phoneIndex?: string | null;
  idNumberEnc?: string | null;
  idNumberIndex?: string | null;
}

function checkedPhone(value: string): string {
  const phone = normalisePhone(value);
  if (!phone) throw invalid('PHONE_INVALID', '电话号码格式不正确', { field: 'phone' });
  return phone;
}

function checkedIdNumber(value: string): string {
  const id = normaliseIdNumber(value);
  if (!id) throw invalid('ID_NUMBER_INVALID', '身份证号格式或校验位不正确', { field: 'idNumber' });
  return id;
}

/** Encrypts the given fields for one user row; null clears a field, undefined leaves it alone. */
function seal(
  keyring: Keyring,
  userId: string,
  input: { phone?: string | null; idNumber?: string | null },
): SealedPersonalData {
  const out: SealedPersonalData = {};
  if (input.phone !== undefined) {
    const phone = input.phone === null ? null : checkedPhone(input.phone);
    out.phoneEnc = phone && encryptField(keyring, phone, fieldAad('users', 'phone_enc', userId));
    out.phoneIndex = phone && blindIndex(keyring, phone, PHONE_SCOPE);
  }
  if (input.idNumber !== undefined) {
    const id = input.idNumber === null ? null : checkedIdNumber(input.idNumber);
    out.idNumberEnc = id && encryptField(keyring, id, fieldAad('users', 'id_number_enc', userId));
    out.idNumberIndex = id && blindIndex(keyring, id, ID_NUMBER_SCOPE);
  }
  return out;
}

function openPhone(keyring: Keyring, userId: string, envelope: string | null): string | null {
  return envelope && decryptField(keyring, envelope, fieldAad('users', 'phone_enc', userId));
}

function openIdNumber(keyring: Keyring, userId: string, envelope: string | null): string | null {
  return envelope && decryptField(keyring, envelope, fieldAad('users', 'id_number_enc', userId));
}

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

async function listUsers(q: Queryable, keyring: Keyring, ids?: string[]) {
  const base = q
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      disabledReason: users.disabledReason,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      phoneEnc: users.phoneEnc,
      idNumberEnc: users.idNumberEnc,
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
  // One row whose envelope fails its check (moved or edited outside the app) must not hide the others.
  const masked = (open: () => string | null, mask: (v: string) => string) => {
    try {
      const value = open();
      return value && mask(value);
    } catch (err) {
      if (err instanceof CryptoError) return UNREADABLE;
      throw err;
    }
  };
  return rows.map(({ phoneEnc, idNumberEnc, ...u }) => {
    return {
      ...u,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      phoneMasked: masked(() => openPhone(keyring, u.id, phoneEnc), maskPhone),
      idNumberMasked: masked(() => openIdNumber(keyring, u.id, idNumberEnc), maskIdNumber),
      roles: roleRows
        .filter((r) => r.userId === u.id)
        .map(({ userId: _userId, ...r }) => ({ ...r, roleName: ROLE_NAMES[r.role as Role] ?? r.role })),
    };
  });
}

export function registerUserRoutes(app: FastifyInstance, deps: CommandDeps, keyring: Keyring): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['用户与角色'],
        summary: '用户列表（个人信息脱敏）',
        response: {
          200: Type.Object({ items: Type.Array(UserItem) }, { additionalProperties: false }),
          ...errors,
        },
      },
    },
    async () => ({ items: await listUsers(deps.db, keyring) }),
  );

  app.get(
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
    async (req) => {
      const { id } = req.params as { id: string };
      return runCommand(
        deps,
        commandContext(req),
        { action: 'user.sensitive_view', objectType: 'user', objectId: id },
        async (tx, audit) => {
          const [user] = await tx
            .select({ id: users.id, phoneEnc: users.phoneEnc, idNumberEnc: users.idNumberEnc })
            .from(users)
            .where(eq(users.id, id));
          if (!user) throw notFound('用户不存在');
          const phone = openPhone(keyring, id, user.phoneEnc);
          const idNumber = openIdNumber(keyring, id, user.idNumberEnc);
          audit.details = { fields: [...(phone ? ['phone'] : []), ...(idNumber ? ['idNumber'] : [])] };
          return { id, phone, idNumber };
        },
      );
    },
  );

  app.post(
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
      const body = req.body as { phone?: string; idNumber?: string };
      if (body.phone === undefined && body.idNumber === undefined) {
        throw invalid('LOOKUP_EMPTY', '请输入手机号或身份证号', { field: 'phone' });
      }
      const conditions = [
        ...(body.phone !== undefined
          ? [eq(users.phoneIndex, blindIndex(keyring, checkedPhone(body.phone), PHONE_SCOPE))]
          : []),
        ...(body.idNumber !== undefined
          ? [eq(users.idNumberIndex, blindIndex(keyring, checkedIdNumber(body.idNumber), ID_NUMBER_SCOPE))]
          : []),
      ];
      const found = await deps.db
        .select({ id: users.id })
        .from(users)
        .where(or(...conditions));
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
      return {
        items: found.length
          ? await listUsers(
              deps.db,
              keyring,
              found.map((f) => f.id),
            )
          : [],
      };
    },
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
            phone: Type.Optional(PhoneInput),
            idNumber: Type.Optional(IdNumberInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserItem, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body as {
        username: string;
        displayName: string;
        initialPassword: string;
        phone?: string;
        idNumber?: string;
      };
      const problems = checkPassword(body.initialPassword, {
        username: body.username,
        displayName: body.displayName,
      });
      if (problems.length > 0)
        throw invalid(problems[0].code, problems[0].message, { field: 'initialPassword' });
      // The id is drawn first: the personal data envelopes are bound to it.
      const id = randomUUID();
      const personal = seal(keyring, id, { phone: body.phone, idNumber: body.idNumber });
      const passwordHash = await hashPassword(body.initialPassword);
      const now = deps.clock.now();
      await runCommand(
        deps,
        commandContext(req),
        { action: 'user.create', objectType: 'user', objectId: id },
        async (tx, audit) => {
          const [dup] = await tx
            .select({ id: users.id })
            .from(users)
            .where(eq(users.username, body.username));
          if (dup) throw conflict('USERNAME_TAKEN', '用户名已存在', { field: 'username' });
          await tx.insert(users).values({
            id,
            username: body.username,
            displayName: body.displayName,
            passwordHash,
            passwordChangedAt: now,
            mustChangePassword: true,
            ...personal,
          });
          audit.details = {
            username: body.username,
            personalData: [
              ...(body.phone !== undefined ? ['phone'] : []),
              ...(body.idNumber !== undefined ? ['idNumber'] : []),
            ],
          };
        },
      );
      reply.status(201);
      return (await listUsers(deps.db, keyring, [id]))[0];
    },
  );

  app.post(
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
      const { id } = req.params as { id: string };
      const { temporaryPassword } = req.body as { temporaryPassword: string };
      const now = deps.clock.now();
      await runCommand(
        deps,
        commandContext(req),
        { action: 'user.password_reset', objectType: 'user', objectId: id },
        async (tx) => {
          if (id === req.actor!.userId)
            throw invalid('CANNOT_RESET_SELF', '本人的密码请在“修改密码”中修改', {
              field: 'temporaryPassword',
            });
          const [target] = await tx
            .select({ username: users.username, displayName: users.displayName })
            .from(users)
            .where(eq(users.id, id));
          if (!target) throw notFound('用户不存在');
          // 三员分立: an administrator's password is not reset by another administrator.
          const adminRoles = await tx
            .select({ role: roleAssignments.role })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.userId, id), inArray(roleAssignments.role, [...ADMIN_ROLES])));
          if (adminRoles.length > 0) {
            throw new DomainError(
              'forbidden',
              'ADMIN_ACCOUNT_PROTECTED',
              '管理员账户的变更须由安全管理员办理：先撤销其管理员角色（三员分立）',
            );
          }
          const problems = checkPassword(temporaryPassword, target);
          if (problems.length > 0)
            throw invalid(problems[0].code, problems[0].message, { field: 'temporaryPassword' });
          await tx
            .update(users)
            .set({
              passwordHash: await hashPassword(temporaryPassword),
              passwordChangedAt: now,
              mustChangePassword: true,
            })
            .where(eq(users.id, id));
          // Whoever held the old password is signed out at once (SECURITY.md 11).
          await revokeUserSessions(tx, id, now);
        },
      );
      return reply.status(204).send();
    },
  );

  app.patch(
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
      const { id } = req.params as { id: string };
      const { version, phone, idNumber, ...changes } = req.body as {
        displayName?: string;
        disabled?: boolean;
        phone?: string | null;
        idNumber?: string | null;
        version: number;
      };
      const now = deps.clock.now();
      const personal = seal(keyring, id, { phone, idNumber });
      const action =
        changes.disabled === true
          ? 'user.disable'
          : changes.disabled === false
            ? 'user.enable'
            : 'user.update';
      const details = {
        ...changes,
        ...(phone !== undefined || idNumber !== undefined
          ? {
              personalData: [
                ...(phone !== undefined ? ['phone'] : []),
                ...(idNumber !== undefined ? ['idNumber'] : []),
              ],
            }
          : {}),
      };
      await runCommand(
        deps,
        commandContext(req),
        { action, objectType: 'user', objectId: id, details },
        async (tx) => {
          if (changes.disabled && id === req.actor!.userId)
            throw invalid('CANNOT_DISABLE_SELF', '不能停用自己的账户', { field: 'disabled' });
          // 三员分立 (issue 9 item 7): the system administrator does not change another administrator's
          // account; the security administrator first revokes the admin role (never the last one).
          if (id !== req.actor!.userId) {
            const adminRoles = await tx
              .select({ role: roleAssignments.role })
              .from(roleAssignments)
              .where(and(eq(roleAssignments.userId, id), inArray(roleAssignments.role, [...ADMIN_ROLES])));
            if (adminRoles.length > 0) {
              throw new DomainError(
                'forbidden',
                'ADMIN_ACCOUNT_PROTECTED',
                '管理员账户的变更须由安全管理员办理：先撤销其管理员角色（三员分立）',
              );
            }
          }
          const state =
            changes.disabled === true
              ? { disabledReason: 'admin' }
              : changes.disabled === false
                ? // Enabling restarts the inactivity period (SECURITY.md 18).
                  { disabledReason: null, enabledAt: now }
                : {};
          const updated = await tx
            .update(users)
            .set({ ...changes, ...personal, ...state, version: version + 1 })
            .where(and(eq(users.id, id), eq(users.version, version)))
            .returning({ id: users.id });
          if (updated.length === 0) {
            const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
            if (!exists) throw notFound('用户不存在');
            throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', { field: 'version' });
          }
          // Disabling a user ends their sessions at once (SECURITY.md 11).
          if (changes.disabled) await revokeUserSessions(tx, id, now);
        },
      );
      return (await listUsers(deps.db, keyring, [id]))[0];
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
        response: { 201: UserRolesBody, ...errors },
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
            .select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId })
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
          if (!ROLE_ORGANISATION_KINDS[body.role].includes(org.kind)) {
            throw invalid(
              'ROLE_ORGANISATION_KIND',
              `“${ROLE_NAMES[body.role]}”角色只能授予${ROLE_ORGANISATION_KINDS[body.role].map((k) => ORGANISATION_KIND_NAMES[k]).join('、')}的人员`,
              { field: 'organisationId' },
            );
          }
          if (held.some((h) => h.role === body.role && h.organisationId === org.id)) {
            throw conflict('ROLE_ALREADY_HELD', '该用户已在此机构拥有该角色', { field: 'role' });
          }
          await tx.insert(roleAssignments).values({
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
      return presentUserRoles(deps.db, id);
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
          const [target] = await tx
            .select({ role: roleAssignments.role })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)));
          if (!target) throw notFound('该角色授予记录不存在');
          if ((ADMIN_ROLES as readonly string[]).includes(target.role)) {
            // The last enabled holder of an admin role keeps it (issue 9 item 7). The holders are
            // locked so that two concurrent revocations cannot both pass.
            const holders = await tx
              .select({ userId: roleAssignments.userId })
              .from(roleAssignments)
              .innerJoin(users, eq(users.id, roleAssignments.userId))
              .where(and(eq(roleAssignments.role, target.role), eq(users.disabled, false)))
              .for('update');
            if (holders.filter((h) => h.userId !== id).length === 0) {
              throw conflict(
                'LAST_ADMIN',
                `“${ROLE_NAMES[target.role as Role]}”角色须至少保留一名启用的账户`,
                {
                  field: 'assignmentId',
                },
              );
            }
          }
          const removed = await tx
            .delete(roleAssignments)
            .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)))
            .returning({ id: roleAssignments.id, role: roleAssignments.role });
          if (removed.length === 0) throw notFound('该角色授予记录不存在');
          await revokeUserSessions(tx, id, deps.clock.now());
        },
      );
      return reply.status(204).send();
    },
  );
}

async function presentUserRoles(q: Queryable, userId: string) {
  const [user] = await q
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  const roles = await q
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      jurisdictionName: jurisdictions.name,
    })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.createdAt));
  return { ...user, roles: roles.map((r) => ({ ...r, roleName: ROLE_NAMES[r.role as Role] ?? r.role })) };
}
