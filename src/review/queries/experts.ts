/**
 * The expert library (专家库) and its candidates: the query string of GET /api/experts (issue 11:
 * out-of-range paging is a 400 at its field, never clamped), and the filters, order and page in SQL.
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import Type from 'typebox';
import { REVIEW_ASSIGNEES } from '../../access/index.ts';
import { roleAssignments, users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { organisations } from '../../platform/db/core.ts';
import { Literals, pagingQuery, strict } from '../../platform/http/schemas.ts';
import { EXPERT_FIELD_CODES } from '../../projects/index.ts';
import { expertProfiles } from '../tables.ts';

const Jurisdiction = Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$', description: '行政区划代码' });

/** GET /api/experts: without `limit` the whole library as before (the review page's selector). */
export const ExpertListQuery = Type.Object(
  {
    jurisdiction: Type.Optional(Jurisdiction),
    q: Type.Optional(Type.String({ maxLength: 50, description: '姓名包含' })),
    field: Type.Optional(Literals(EXPERT_FIELD_CODES)),
    sort: Type.Optional(Literals(['name', '-name'] as const)),
    ...pagingQuery({ max: 100 }),
  },
  strict,
);

export interface ExpertFilters {
  q?: string;
  field?: string;
  sort?: 'name' | '-name';
  limit?: number;
  offset?: number;
}

const EXPERT_COLUMNS = {
  userId: expertProfiles.userId,
  name: users.displayName,
  username: users.username,
  fields: expertProfiles.fields,
  employerOrganisationId: expertProfiles.employerOrganisationId,
  title: expertProfiles.title,
  jurisdictionId: expertProfiles.jurisdictionId,
};

/** The library of the given jurisdictions filtered by name (q) and field, as one predicate. */
function expertWhere(jurisdictionIds: readonly string[], f: ExpertFilters): SQL | undefined {
  const needle = f.q?.trim();
  return and(
    inArray(expertProfiles.jurisdictionId, [...jurisdictionIds]),
    needle ? sql`strpos(${users.displayName}, ${needle}) > 0` : undefined,
    f.field ? sql`${expertProfiles.fields} @> ${JSON.stringify([f.field])}::jsonb` : undefined,
  );
}

/**
 * The expert profiles (专家库) of the given jurisdictions with the expert's name and user name, by
 * name: all of them without `limit`, else one page and the total (filters, order, page in SQL).
 */
export async function expertProfileRows(
  db: Queryable,
  jurisdictionIds: readonly string[],
  f: ExpertFilters = {},
) {
  const where = expertWhere(jurisdictionIds, f);
  const order =
    f.sort === '-name'
      ? [desc(users.displayName), desc(expertProfiles.userId)]
      : [asc(users.displayName), asc(expertProfiles.userId)];
  const select = () =>
    db.select(EXPERT_COLUMNS).from(expertProfiles).innerJoin(users, eq(users.id, expertProfiles.userId));
  if (f.limit === undefined) {
    const rows = await select()
      .where(where)
      .orderBy(...order);
    return { rows, total: rows.length };
  }
  const [rows, [counted]] = await readAll(db, [
    select()
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset ?? 0),
    db
      .select({ total: count() })
      .from(expertProfiles)
      .innerJoin(users, eq(users.id, expertProfiles.userId))
      .where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** Users holding the expert or third-party evaluator role in the given jurisdictions. */
export async function expertCandidates(db: Queryable, jurisdictionIds: readonly string[]) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      username: users.username,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(
      and(
        inArray(roleAssignments.role, [...REVIEW_ASSIGNEES]),
        inArray(organisations.jurisdictionId, [...jurisdictionIds]),
      ),
    )
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
}
