/**
 * The user directory's filters, order, page and total in SQL (issue 11): shared by the system
 * administrator's list (GET /api/users, personal data masked) and the security administrator's
 * (GET /api/security/users, no personal data). Both see every account, as before; what differs is
 * the columns each selects.
 */
import { and, asc, count, desc, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type TSchema, Type } from 'typebox';
import { ROLE_CODES } from '../../access/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { Paged, pagingQuery } from '../../platform/http/schemas.ts';
import { roleAssignments, users } from '../tables.ts';

const Literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const USER_SORTS = ['username', '-username'] as const;

/** Query of a user list: out-of-range paging is a 400 at its field, never clamped. */
export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: '用户名或姓名包含（不区分大小写）' })),
    status: Type.Optional(Literals(['enabled', 'disabled'] as const)),
    role: Type.Optional(Literals(ROLE_CODES)),
    organisationId: Type.Optional(Type.String({ format: 'uuid', description: '在该单位担任角色的用户' })),
    sort: Type.Optional(Literals(USER_SORTS)),
    ...pagingQuery({ max: 100, defaultLimit: 25 }),
  },
  { additionalProperties: false },
);

/** A page of a user list: the rows, how many match in all, and the page served. */
export const UserPage = <T extends TSchema>(item: T) => Paged(item, { echo: true });

export interface UserListFilters {
  q?: string;
  status?: 'enabled' | 'disabled';
  role?: string;
  organisationId?: string;
  sort?: (typeof USER_SORTS)[number];
  limit?: number;
  offset?: number;
}

/** The page actually served (defaults applied). */
export const userPage = (f: UserListFilters) => ({ limit: f.limit ?? 25, offset: f.offset ?? 0 });

/** The filters as one predicate on `users`. */
export function userListWhere(f: UserListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  const needle = f.q?.trim().toLowerCase();
  if (needle) {
    conditions.push(
      or(
        sql`strpos(lower(${users.username}), ${needle}) > 0`,
        sql`strpos(lower(${users.displayName}), ${needle}) > 0`,
      )!,
    );
  }
  if (f.status) conditions.push(eq(users.disabled, f.status === 'disabled'));
  if (f.role || f.organisationId) {
    conditions.push(
      exists(
        sql`(select 1 from ${roleAssignments} where ${and(
          eq(roleAssignments.userId, users.id),
          f.role ? eq(roleAssignments.role, f.role) : undefined,
          f.organisationId ? eq(roleAssignments.organisationId, f.organisationId) : undefined,
        )})`,
      ),
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** The order of a user list (user name, then id so pages never overlap). */
export const userListOrder = (f: UserListFilters) =>
  f.sort === '-username' ? [desc(users.username), desc(users.id)] : [asc(users.username), asc(users.id)];

/** How many users match (the list's total): a lazy builder, for readAll. */
export const countUsers = (db: Queryable, where: SQL | undefined) =>
  db.select({ total: count() }).from(users).where(where);

/** The role assignments of the given users (one statement for a page), with their places' names. */
export function roleAssignmentsOf(q: Queryable, userIds: readonly string[]) {
  return q
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
    .innerJoin(jurisdictions, eq(jurisdictions.id, roleAssignments.jurisdictionId))
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
}
