/** User accounts as the API lists them (given ones or a page), personal data masked, with their roles. */
import { asc, inArray } from 'drizzle-orm';
import { ROLE_NAMES, type Role } from '../../access/index.ts';
import {
  countUsers,
  roleAssignmentsOf,
  type UserListFilters,
  userListOrder,
  userListWhere,
  userPage,
  users,
} from '../../identity/index.ts';
import { maskIdNumber, maskPhone } from '../../platform/crypto/fields.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { masked, openIdNumber, openPhone } from '../user-data.ts';

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
