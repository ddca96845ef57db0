/**
 * The org module's writes, each one transaction through runCommand, audited: jurisdictions and
 * organisations (system administrator), user accounts (system administrator) and role grants and
 * revocations (security administrator) under 三员分立 (src/access/policy.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  ADMIN_ROLES,
  adminAccountRefusal,
  isAdminRole,
  ROLE_NAMES,
  type Role,
  roleGrantRefusal,
} from '../access/index.ts';
import { checkPassword, hashPassword, revokeUserSessions } from '../identity/index.ts';
import { type CommandContext, type CommandDeps, runCommand } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Tx } from '../platform/db/client.ts';
import { jurisdictions, organisations, roleAssignments, users } from '../platform/db/schema.ts';
import { conflict, invalid, notFound, versionConflict } from '../platform/errors.ts';
import { openIdNumber, openPhone, seal } from './user-data.ts';

/** Which personal data fields an input names (for the audit details; never the values). */
const personalFields = (input: { phone?: unknown; idNumber?: unknown }) => [
  ...(input.phone !== undefined ? ['phone'] : []),
  ...(input.idNumber !== undefined ? ['idNumber'] : []),
];

export function createJurisdiction(
  deps: CommandDeps,
  ctx: CommandContext,
  body: { code: string; name: string; level: string; parentId: string | null; rulebookCode: string | null },
) {
  return runCommand(
    deps,
    ctx,
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
}

/** Creates an organisation; answers its id. */
export function createOrganisation(
  deps: CommandDeps,
  ctx: CommandContext,
  body: { name: string; kind: string; parentId: string | null; jurisdictionId: string },
) {
  return runCommand(
    deps,
    ctx,
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
      if (dup) throw conflict('ORGANISATION_NAME_TAKEN', '该行政区划下已有同名组织机构', { field: 'name' });
      const [row] = await tx
        .insert(organisations)
        .values({ ...body, name: body.name.trim() })
        .returning({ id: organisations.id });
      audit.objectId = row.id;
      audit.details = { name: body.name, kind: body.kind };
      return row.id;
    },
  );
}

export function updateOrganisation(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  version: number,
  changes: { name?: string; kind?: string },
) {
  return runCommand(
    deps,
    ctx,
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
        throw versionConflict();
      }
    },
  );
}

/** The unmasked personal data of one user (system administrator); every view is audited. */
export function viewPersonalData(deps: CommandDeps, ctx: CommandContext, keyring: Keyring, id: string) {
  return runCommand(
    deps,
    ctx,
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
}

/** Creates an account with an initial password the user must change; answers its id. */
export async function createUser(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  body: { username: string; displayName: string; initialPassword: string; phone?: string; idNumber?: string },
): Promise<string> {
  const problems = checkPassword(body.initialPassword, {
    username: body.username,
    displayName: body.displayName,
  });
  if (problems.length > 0) throw invalid(problems[0].code, problems[0].message, { field: 'initialPassword' });
  // The id is drawn first: the personal data envelopes are bound to it.
  const id = randomUUID();
  const personal = seal(keyring, id, { phone: body.phone, idNumber: body.idNumber });
  const passwordHash = await hashPassword(body.initialPassword);
  const now = deps.clock.now();
  await runCommand(
    deps,
    ctx,
    { action: 'user.create', objectType: 'user', objectId: id },
    async (tx, audit) => {
      const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.username));
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
      audit.details = { username: body.username, personalData: personalFields(body) };
    },
  );
  return id;
}

/** The administrator roles the user holds (三员分立 protects these accounts from the system administrator). */
async function adminRolesOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.role, [...ADMIN_ROLES])));
  return rows.map((r) => r.role);
}

/** Sets a temporary password (system administrator); the user changes it at the next login. */
export function resetPassword(
  deps: CommandDeps,
  ctx: CommandContext,
  actorUserId: string,
  id: string,
  temporaryPassword: string,
) {
  const now = deps.clock.now();
  return runCommand(
    deps,
    ctx,
    { action: 'user.password_reset', objectType: 'user', objectId: id },
    async (tx) => {
      if (id === actorUserId)
        throw invalid('CANNOT_RESET_SELF', '本人的密码请在“修改密码”中修改', {
          field: 'temporaryPassword',
        });
      const [target] = await tx
        .select({ username: users.username, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, id));
      if (!target) throw notFound('用户不存在');
      // 三员分立: an administrator's password is not reset by another administrator.
      const refusal = adminAccountRefusal(await adminRolesOf(tx, id));
      if (refusal) throw refusal;
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
}

/** Edits an account (name, enabled, personal data); optimistic lock on version. */
export function updateUser(
  deps: CommandDeps,
  ctx: CommandContext,
  keyring: Keyring,
  actorUserId: string,
  id: string,
  input: {
    displayName?: string;
    disabled?: boolean;
    phone?: string | null;
    idNumber?: string | null;
    version: number;
  },
) {
  const { version, phone, idNumber, ...changes } = input;
  const now = deps.clock.now();
  const personal = seal(keyring, id, { phone, idNumber });
  const action =
    changes.disabled === true ? 'user.disable' : changes.disabled === false ? 'user.enable' : 'user.update';
  const fields = personalFields({ phone, idNumber });
  const details = { ...changes, ...(fields.length > 0 ? { personalData: fields } : {}) };
  return runCommand(deps, ctx, { action, objectType: 'user', objectId: id, details }, async (tx) => {
    if (changes.disabled && id === actorUserId)
      throw invalid('CANNOT_DISABLE_SELF', '不能停用自己的账户', { field: 'disabled' });
    // 三员分立 (issue 9 item 7): the system administrator does not change another administrator's
    // account; the security administrator first revokes the admin role (never the last one).
    if (id !== actorUserId) {
      const refusal = adminAccountRefusal(await adminRolesOf(tx, id));
      if (refusal) throw refusal;
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
      throw versionConflict();
    }
    // Disabling a user ends their sessions at once (SECURITY.md 11).
    if (changes.disabled) await revokeUserSessions(tx, id, now);
  });
}

/** Grants a role at an organisation (security administrator) under 三员分立. */
export function assignRole(
  deps: CommandDeps,
  ctx: CommandContext,
  id: string,
  body: { role: Role; organisationId: string },
) {
  return runCommand(
    deps,
    ctx,
    { action: 'role.assign', objectType: 'user', objectId: id, details: body },
    async (tx) => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
      if (!user) throw notFound('用户不存在');
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, body.organisationId));
      if (!org) throw invalid('ORGANISATION_NOT_FOUND', '组织机构不存在', { field: 'organisationId' });
      const held = await tx
        .select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, id));
      const refusal = roleGrantRefusal(body.role, org, held);
      if (refusal) throw refusal;
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
}

/** Revokes a role assignment (security administrator); the last enabled holder of an admin role keeps it. */
export function revokeRole(deps: CommandDeps, ctx: CommandContext, id: string, assignmentId: string) {
  return runCommand(
    deps,
    ctx,
    { action: 'role.revoke', objectType: 'user', objectId: id, details: { assignmentId } },
    async (tx) => {
      const [target] = await tx
        .select({ role: roleAssignments.role })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)));
      if (!target) throw notFound('该角色授予记录不存在');
      if (isAdminRole(target.role)) {
        // The last enabled holder of an admin role keeps it (issue 9 item 7). The holders are
        // locked so that two concurrent revocations cannot both pass.
        const holders = await tx
          .select({ userId: roleAssignments.userId })
          .from(roleAssignments)
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(and(eq(roleAssignments.role, target.role), eq(users.disabled, false)))
          .for('update');
        if (holders.filter((h) => h.userId !== id).length === 0) {
          throw conflict('LAST_ADMIN', `“${ROLE_NAMES[target.role as Role]}”角色须至少保留一名启用的账户`, {
            field: 'assignmentId',
          });
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
}
