/**
 * The plan list's visibility, filters, order, page and total in SQL (issue 11). `canSeePlan` as one
 * predicate: the chains' deciders depend only on a plan's jurisdiction and scope, so they are bound
 * per (jurisdiction, scope) from the directory and the rulebooks (pure, no statement) before the read.
 */
import { and, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { AUTHORITY, REVIEW_ASSIGNEES } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { readAll } from '../../platform/db/concurrent.ts';
import { notFound } from '../../platform/errors.ts';
import { Literals, pagingQuery, strict } from '../../platform/http/schemas.ts';
import {
  jurisdictionSubtree,
  loadDirectory,
  PLAN_KIND_CODES,
  PLAN_SCOPES,
  PLAN_STATUS_CODES,
  plans,
} from '../../projects/index.ts';
import type { RulebookRegistry } from '../../rules/index.ts';
import { chainOfPlan, type PlanRow } from '../actors.ts';

/** Query of GET /api/plans: out-of-range paging is a 400 at its field, never clamped. */
export const PlanListQuery = Type.Object(
  {
    jurisdiction: Type.Optional(
      Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$', description: '行政区划代码' }),
    ),
    q: Type.Optional(Type.String({ maxLength: 50, description: '名称包含' })),
    kind: Type.Optional(Literals(PLAN_KIND_CODES)),
    status: Type.Optional(Literals(PLAN_STATUS_CODES)),
    ...pagingQuery({ max: 100, defaultLimit: 25 }),
  },
  strict,
);

export interface PlanListFilters {
  jurisdiction?: string;
  q?: string;
  kind?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

const NOT_SEEN = new Set<string>(REVIEW_ASSIGNEES);
const within = (column: typeof plans.jurisdictionId | typeof plans.organisationId, ids: string[]) =>
  ids.length ? inArray(column, ids) : sql`false`;

/** `canSeePlan` (actors.ts) over the plans of `jurisdictionIds`, as one predicate on `plans`. */
function visiblePlans(
  actor: Actor,
  registry: RulebookRegistry,
  directory: Awaited<ReturnType<typeof loadDirectory>>,
  jurisdictionIds: string[],
): SQL {
  const orgIds = [...new Set(actor.assignments.map((a) => a.organisationId))];
  const decides = (jurisdictionId: string, scope: string) =>
    (chainOfPlan(registry, directory, { jurisdictionId, scope }) ?? []).some((c) =>
      actor.assignments.some(
        (a) => c.organisationIds.includes(a.organisationId) && c.step.roles.includes(a.role),
      ),
    );
  const deciders = PLAN_SCOPES.map(({ code }) =>
    and(
      eq(plans.scope, code),
      within(
        plans.jurisdictionId,
        jurisdictionIds.filter((j) => decides(j, code)),
      ),
    ),
  );
  const same = actor.assignments.filter((a) => !NOT_SEEN.has(a.role));
  const readers = same
    .filter((a) => !['contractor', 'supervisor'].includes(a.role))
    .map((a) => a.jurisdictionId);
  const authorities = same.filter((a) => AUTHORITY.includes(a.role)).map((a) => a.jurisdictionId);
  return or(
    within(plans.organisationId, orgIds),
    and(
      ne(plans.status, 'draft'),
      or(
        ...deciders,
        and(eq(plans.scope, 'jurisdiction'), within(plans.jurisdictionId, [...new Set(readers)])),
        and(ne(plans.scope, 'jurisdiction'), within(plans.jurisdictionId, [...new Set(authorities)])),
      ),
    ),
  )!;
}

/**
 * One page of the plans the caller may see, newest year first. Deciders of a chain sit also above
 * the plan's jurisdiction (XZ's 市政务信息管理局, DT's city authority for county plans): the
 * jurisdictions below the caller's are read too, and the visibility predicate keeps what the caller may see.
 */
export async function pagePlans(q: Queryable, actor: Actor, registry: RulebookRegistry, f: PlanListFilters) {
  const limit = f.limit ?? 25;
  const offset = f.offset ?? 0;
  const directory = await loadDirectory(q);
  const own = [...new Set(actor.assignments.map((a) => a.jurisdictionId))];
  let jurisdictionIds = [...new Set(own.flatMap((j) => jurisdictionSubtree(directory, j)))];
  if (f.jurisdiction) {
    const j = directory.jurisdictions.find((x) => x.code === f.jurisdiction);
    if (!j || !jurisdictionIds.includes(j.id))
      throw notFound('行政区划不存在或无权查看', 'JURISDICTION_NOT_FOUND');
    jurisdictionIds = [j.id];
  }
  if (jurisdictionIds.length === 0) return { rows: [] as PlanRow[], total: 0, limit, offset };
  const orgIds = [...new Set(actor.assignments.map((a) => a.organisationId))];
  const needle = f.q?.trim();
  const where = and(
    f.jurisdiction
      ? within(plans.jurisdictionId, jurisdictionIds)
      : or(within(plans.jurisdictionId, jurisdictionIds), within(plans.organisationId, orgIds)),
    visiblePlans(actor, registry, directory, jurisdictionIds),
    needle ? sql`strpos(${plans.title}, ${needle}) > 0` : undefined,
    f.kind ? eq(plans.kind, f.kind) : undefined,
    f.status ? eq(plans.status, f.status) : undefined,
  );
  const [rows, [counted]] = await readAll(q, [
    q
      .select()
      .from(plans)
      .where(where)
      .orderBy(desc(plans.year), desc(plans.createdAt), desc(plans.id))
      .limit(limit)
      .offset(offset),
    q.select({ total: count() }).from(plans).where(where),
  ]);
  return { rows, total: counted?.total ?? 0, limit, offset };
}
