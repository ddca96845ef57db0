/** The org module's reads: jurisdictions, the organisation directory, user accounts and their roles. */
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { JURISDICTION_LEVEL_NAMES, ORGANISATION_KIND_NAMES, ROLE_NAMES, type Role } from '../access/index.ts';
import {
  countUsers,
  roleAssignments,
  roleAssignmentsOf,
  type UserListFilters,
  userListOrder,
  userListWhere,
  userPage,
  users,
} from '../identity/index.ts';
import { blindIndex, maskIdNumber, maskPhone } from '../platform/crypto/fields.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Queryable } from '../platform/db/client.ts';
import { readAll } from '../platform/db/concurrent.ts';
import { jurisdictions, organisations } from '../platform/db/core.ts';
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

const ORGANISATION_COLUMNS = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  jurisdictionId: organisations.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  parentId: organisations.parentId,
  version: organisations.version,
};
const DIRECTORY_ORDER = [asc(jurisdictions.code), asc(organisations.kind), asc(organisations.name)];
const selectOrganisations = (q: Queryable) =>
  q
    .select(ORGANISATION_COLUMNS)
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId));
type OrganisationRow = Awaited<ReturnType<typeof selectOrganisations>>[number];
const presentOrganisation = (r: OrganisationRow) => ({
  ...r,
  kindName: ORGANISATION_KIND_NAMES[r.kind] ?? r.kind,
});

/** Every organisation, or the one with primary key `id` (one statement either way). */
export async function listOrganisations(q: Queryable, id?: string) {
  const rows = await selectOrganisations(q)
    .where(id === undefined ? undefined : eq(organisations.id, id))
    .orderBy(...DIRECTORY_ORDER);
  return rows.map(presentOrganisation);
}

export interface OrganisationFilters {
  q?: string;
  kind?: string;
  jurisdictionId?: string;
  sort?: 'name' | '-name';
  limit: number;
  offset?: number;
}

/** One page of the directory: filters, order, page and total in SQL (two statements). */
export async function pageOrganisations(q: Queryable, f: OrganisationFilters) {
  const needle = f.q?.trim();
  const where = and(
    needle ? sql`strpos(${organisations.name}, ${needle}) > 0` : undefined,
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    f.jurisdictionId ? eq(organisations.jurisdictionId, f.jurisdictionId) : undefined,
  );
  const order =
    f.sort === undefined
      ? DIRECTORY_ORDER
      : f.sort === 'name'
        ? [asc(organisations.name)]
        : [desc(organisations.name)];
  const offset = f.offset ?? 0;
  const [rows, [counted]] = await readAll(q, [
    selectOrganisations(q)
      .where(where)
      .orderBy(...order, asc(organisations.id))
      .limit(f.limit)
      .offset(offset),
    q.select({ total: count() }).from(organisations).where(where),
  ]);
  return { items: rows.map(presentOrganisation), total: counted?.total ?? 0, limit: f.limit, offset };
}

const USER_COLUMNS = {
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
};

const selectUsers = (q: Queryable) => q.select(USER_COLUMNS).from(users);
type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];

/** User rows as the API shows them: personal data masked, with their roles (one statement for all). */
async function presentUsers(q: Queryable, keyring: Keyring, rows: UserRow[]) {
  const roleRows = rows.length
    ? await roleAssignmentsOf(
        q,
        rows.map((r) => r.id),
      )
    : [];
  return rows.map(({ phoneEnc, idNumberEnc, ...u }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    disabled: u.disabled,
    disabledReason: u.disabledReason,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    phoneMasked: masked(() => openPhone(keyring, u.id, phoneEnc), maskPhone),
    idNumberMasked: masked(() => openIdNumber(keyring, u.id, idNumberEnc), maskIdNumber),
    version: u.version,
    roles: roleRows
      .filter((r) => r.userId === u.id)
      .map(({ userId: _userId, ...r }) => ({ ...r, roleName: ROLE_NAMES[r.role as Role] ?? r.role })),
  }));
}

/** The given user accounts, personal data masked, with their roles. */
export async function listUsers(q: Queryable, keyring: Keyring, ids: string[]) {
  const rows = await selectUsers(q).where(inArray(users.id, ids)).orderBy(asc(users.username));
  return presentUsers(q, keyring, rows);
}

/** One page of the user directory (filters, order, page and total in SQL), personal data masked. */
export async function pageUsers(q: Queryable, keyring: Keyring, filters: UserListFilters) {
  const where = userListWhere(filters);
  const { limit, offset } = userPage(filters);
  const [rows, [counted]] = await readAll(q, [
    selectUsers(q)
      .where(where)
      .orderBy(...userListOrder(filters))
      .limit(limit)
      .offset(offset),
    countUsers(q, where),
  ]);
  return { items: await presentUsers(q, keyring, rows), total: counted?.total ?? 0, limit, offset };
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
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
  return { ...user, roles: roles.map((r) => ({ ...r, roleName: ROLE_NAMES[r.role as Role] ?? r.role })) };
}
