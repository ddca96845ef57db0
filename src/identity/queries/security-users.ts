/** The security administrator's list: the accounts' security state (no personal data), one page in SQL. */
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { users } from '../tables.ts';
import {
  countUsers,
  roleAssignmentsOf,
  type UserListFilters,
  userListOrder,
  userListWhere,
  userPage,
} from './user-list.ts';

/** One page of the accounts' security state (no personal data), the total, and the page's roles. */
export async function securityUsers(db: Queryable, filters: UserListFilters) {
  const where = userListWhere(filters);
  const { limit, offset } = userPage(filters);
  const [rows, [counted]] = await readAll(db, [
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        disabled: users.disabled,
        disabledReason: users.disabledReason,
        lockedUntil: users.lockedUntil,
        totpEnabledAt: users.totpEnabledAt,
        passwordChangedAt: users.passwordChangedAt,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .where(where)
      .orderBy(...userListOrder(filters))
      .limit(limit)
      .offset(offset),
    countUsers(db, where),
  ]);
  const roles = rows.length
    ? await roleAssignmentsOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return { rows, roles, total: counted?.total ?? 0, limit, offset };
}
