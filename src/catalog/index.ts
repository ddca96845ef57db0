/**
 * What other modules may use of src/catalog (信息系统 / 信息资源 / 云服务 目录): the catalogue roles and
 * scope checks, the caller, the visibility and lookup helpers, the write hooks operations uses, the
 * public open-resource reads src/publication serves, and the tables other modules' queries read.
 * Not here: the routes plugin (src/app.ts imports http/routes.ts; re-exported, it cycles through
 * identity and the access matrix back to this file) and the tables' foreign-key targets (other
 * modules' tables files import tables.ts directly, the table-only surface of decision 0009: through
 * this file they would cycle via src/platform/db/schema.ts). See test/arch/boundaries.test.ts.
 */
export {
  CATALOG_EDITOR_ROLES,
  CATALOG_READER_ROLES,
  type CatalogScope,
  CLOUD_APPROVER_ROLES,
  CLOUD_READER_ROLES,
  canEdit,
  canManage,
  canRead,
  catalogScope,
  defaultOwner,
} from './access.ts';
export { type Caller, callerOf } from './commands/caller.ts';
export { CATALOG_ROUTE_ACCESS } from './http/access.ts';
export { cloudVisibleWhere } from './store/cloud.ts';
export { recomputeConflicts } from './store/conflicts.ts';
export { containsPattern, organisationInfo, visibleWhere } from './store/lookups.ts';
export {
  findPublicResource,
  listPublicResources,
  PUBLICLY_OPEN,
  type ResourceRecord,
} from './store/resources.ts';
export { recordStatusEvent } from './store/systems.ts';
export {
  cloudServices,
  informationResources,
  informationSystems,
  resourceDataItems,
  systemResources,
  systemStatusEvents,
} from './tables.ts';
