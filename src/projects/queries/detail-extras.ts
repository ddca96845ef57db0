/** The project detail's reads beyond the bundle, and the names of the people a response mentions. */
import { inArray, sql } from 'drizzle-orm';
import { informationResources } from '../../catalog/index.ts';
import { users } from '../../identity/index.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { BundleExtras } from '../bundle.ts';
import { projectMaterials, projectResources, projectStepHolders, projects } from '../tables.ts';

/**
 * What the detail shows beyond the bundle, read in the bundle's statement (loadBundle's `extras`):
 * the names of the uploaders and 转办 holders, the catalog resources, the parent and the children.
 */
export const DETAIL_EXTRAS: BundleExtras = {
  names: sql`coalesce((select json_object_agg(u.id, u.display_name) from ${users} u where u.id in (select ${projectMaterials.uploadedBy} from ${projectMaterials} where ${projectMaterials.projectId} = ${projects.id} and ${projectMaterials.removedAt} is null union select ${projectStepHolders.holderUserId} from ${projectStepHolders} where ${projectStepHolders.projectId} = ${projects.id})), '{}'::json)`,
  resources: sql`coalesce((select json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name)) from ${informationResources} r where r.id in (select ${projectResources.resourceId} from ${projectResources} where ${projectResources.projectId} = ${projects.id})), '[]'::json)`,
  parent: sql`(select json_build_object('id', p.id, 'code', p.code, 'name', p.name) from ${projects} p where p.id = ${projects.parentProjectId})`,
  children: sql`coalesce((select json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'jurisdictionId', c.jurisdiction_id, 'shareOfParentFen', c.share_of_parent_fen::text, 'submissionCount', c.submission_count) order by c.code, c.id) from ${projects} c where c.parent_project_id = ${projects.id}), '[]'::json)`,
};

/** Display names of users by id (one statement; an empty list reads nothing). */
export async function userNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
