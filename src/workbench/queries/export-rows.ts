/** The rows of one exported list (at most `limit`) and how many match, from the lists' own queries. */
import type { Actor } from '../../platform/actor.ts';
import type { WorkflowEnv } from '../../projects/index.ts';
import type { ProjectDeps } from '../../workflow/index.ts';
import type { ListFilters } from '../export.ts';
import { doneItems } from './done-items.ts';
import { projectRows } from './project-rows.ts';
import { startedItems } from './started-items.ts';

export async function exportRows(
  db: ProjectDeps['db'],
  e: WorkflowEnv,
  actor: Actor,
  f: ListFilters,
  limit: number,
) {
  if (f.list === 'projects') return projectRows(db, e, actor, f, limit);
  if (f.list === 'done') {
    const r = await doneItems(db, e, actor, { q: f.q, limit, offset: 0 });
    return {
      total: r.total,
      rows: r.items.map((i) => [
        i.at,
        i.projectCode,
        i.projectName,
        i.kindName,
        i.stepName ?? '',
        i.outcomeName ?? '',
        i.opinion ?? '',
        i.stateName,
      ]),
    };
  }
  const r = await startedItems(db, e, actor, { q: f.q, limit, offset: 0 });
  return {
    total: r.total,
    rows: r.items.map((i) => [
      i.projectCode,
      i.projectName,
      i.ownerName,
      i.stateName,
      i.totalBudget,
      i.createdAt,
      i.updatedAt,
    ]),
  };
}
