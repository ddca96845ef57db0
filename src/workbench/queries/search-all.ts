import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import {
  catalogScope,
  containsPattern,
  informationResources,
  informationSystems,
  visibleWhere,
} from '../../catalog/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/core.ts';
import {
  projectMaterials,
  projects,
  visibleIdsIn,
  visibleProjectsWhere,
  type WorkflowEnv,
} from '../../projects/index.ts';
import { projectMatch, SEARCH_GROUP_LIMIT, type SearchKind } from './support.ts';

/**
 * One search box: projects, systems, resources and document titles the caller may see, each group
 * with its first hits and its count. A fragment matches anywhere in a name or code.
 */
export async function searchAll(db: Db, e: WorkflowEnv, actor: Actor, q: string) {
  const pattern = containsPattern(q);
  const visible = await visibleProjectsWhere(db, e, actor);
  const scope = catalogScope(actor.assignments);
  const none = sql`false`;

  const projectWhere = visible ? and(visible, projectMatch(q)) : none;
  const systemWhere = and(
    visibleWhere(scope, informationSystems.ownerOrganisationId, informationSystems.jurisdictionId),
    or(ilike(informationSystems.name, pattern), ilike(informationSystems.code, pattern)),
  );
  const resourceWhere = and(
    visibleWhere(scope, informationResources.providerOrganisationId, informationResources.jurisdictionId),
    or(ilike(informationResources.name, pattern), ilike(informationResources.code, pattern)),
  );
  const documentWhere = visible
    ? and(
        inArray(projectMaterials.projectId, visibleIdsIn(visible)),
        ilike(projectMaterials.originalName, pattern),
      )
    : none;

  const [p, pc, s, sc, r, rc, d, dc] = await Promise.all([
    db
      .select({ id: projects.id, name: projects.name, code: projects.code, owner: organisations.name })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
      .where(projectWhere)
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(projects).where(projectWhere),
    db
      .select({
        id: informationSystems.id,
        name: informationSystems.name,
        code: informationSystems.code,
        owner: organisations.name,
      })
      .from(informationSystems)
      .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
      .where(systemWhere)
      .orderBy(informationSystems.code)
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(informationSystems).where(systemWhere),
    db
      .select({
        id: informationResources.id,
        name: informationResources.name,
        code: informationResources.code,
        owner: organisations.name,
      })
      .from(informationResources)
      .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
      .where(resourceWhere)
      .orderBy(informationResources.code)
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(informationResources).where(resourceWhere),
    db
      .select({
        id: projectMaterials.id,
        name: projectMaterials.originalName,
        projectId: projects.id,
        projectName: projects.name,
      })
      .from(projectMaterials)
      .innerJoin(projects, eq(projects.id, projectMaterials.projectId))
      .where(documentWhere)
      .orderBy(desc(projectMaterials.uploadedAt), desc(projectMaterials.id))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(projectMaterials).where(documentWhere),
  ]);
  const group = <T extends { id: string; name: string }>(
    kind: SearchKind,
    kindName: string,
    total: number,
    rows: T[],
    show: (x: T) => { code: string | null; subtitle: string; path: string },
  ) => ({ kind, kindName, total, items: rows.map((x) => ({ kind, id: x.id, title: x.name, ...show(x) })) });
  return {
    q,
    groups: [
      group('project', '项目', pc[0].n, p, (x) => ({
        code: x.code,
        subtitle: x.owner,
        path: `/projects/${x.id}`,
      })),
      group('system', '信息系统', sc[0].n, s, (x) => ({
        code: x.code,
        subtitle: x.owner,
        path: `/catalog/systems?keyword=${encodeURIComponent(x.code)}`,
      })),
      group('resource', '信息资源', rc[0].n, r, (x) => ({
        code: x.code,
        subtitle: x.owner,
        path: `/catalog/resources?keyword=${encodeURIComponent(x.code)}`,
      })),
      group('document', '文件', dc[0].n, d, (x) => ({
        code: null,
        subtitle: x.projectName,
        path: `/projects/${x.projectId}`,
      })),
    ],
  };
}
