/** The org module's reads: jurisdictions, the organisation directory, user accounts and their roles. */
import { asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { JURISDICTION_LEVEL_NAMES, ORGANISATION_KIND_NAMES, ROLE_NAMES, type Role } from '../access/roles.ts';
import { blindIndex, maskIdNumber, maskPhone } from '../crypto/fields.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Queryable } from '../db/client.ts';
import { jurisdictions, organisations, roleAssignments, users } from '../db/schema.ts';
import { roleAssignmentRows } from '../identity/queries.ts';
import {
  checkedIdNumber,
  checkedPhone,
  ID_NUMBER_SCOPE,
  masked,
  openIdNumber,
  openPhone,
  PHONE_SCOPE,
} from './user-data.ts';

/** A jurisdiction row as the API shows it. */
export function presentJurisdiction(r: typeof jurisdictions.$inferSelect) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    levelName: JURISDICTION_LEVEL_NAMES[r.level] ?? r.level,
    parentId: r.parentId,
    rulebookCode: r.rulebookCode,
  };
}

export async function listJurisdictions(q: Queryable) {
  const rows = await q.select().from(jurisdictions).orderBy(asc(jurisdictions.code));
  return rows.map(presentJurisdiction);
}

/** Every organisation, or the one with primary key `id` (one statement either way). */
export async function listOrganisations(q: Queryable, id?: string) {
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

/** User accounts (all, or the given ids) with personal data masked and their roles. */
export async function listUsers(q: Queryable, keyring: Keyring, ids?: string[]) {
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
  const roleRows = await roleAssignmentRows(q);
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

/** The ids of the users whose phone or 身份证号 equals the given one (blind index, no decryption). */
export async function userIdsByPersonalData(
  q: Queryable,
  keyring: Keyring,
  by: { phone?: string; idNumber?: string },
): Promise<string[]> {
  const conditions: SQL[] = [
    ...(by.phone !== undefined
      ? [eq(users.phoneIndex, blindIndex(keyring, checkedPhone(by.phone), PHONE_SCOPE))]
      : []),
    ...(by.idNumber !== undefined
      ? [eq(users.idNumberIndex, blindIndex(keyring, checkedIdNumber(by.idNumber), ID_NUMBER_SCOPE))]
      : []),
  ];
  const found = await q
    .select({ id: users.id })
    .from(users)
    .where(or(...conditions));
  return found.map((f) => f.id);
}

/** What the security administrator gets back after a grant: the account and its roles, no personal data. */
export async function presentUserRoles(q: Queryable, userId: string) {
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
