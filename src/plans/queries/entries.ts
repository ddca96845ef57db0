/** A plan's entries with the linked projects the caller may see (read). */
import { asc, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { fenToYuan } from '../../platform/documents/format.ts';
import { loadDirectory, planEntries, projects } from '../../projects/index.ts';

export interface PlanEntryView {
  id: string;
  organisationId: string;
  organisationName: string;
  projectName: string;
  estimatedBudget: string;
  year: number;
  summary: string;
  linkedProjects: { id: string; code: string; name: string }[];
}

/**
 * The plans' entries; `visibleProjects` are the ids of the projects the caller may see: a linked
 * project the caller cannot see is not listed (its id, code and name stay with its department).
 */
export async function planEntriesOf(q: Queryable, planIds: string[], visibleProjects: ReadonlySet<string>) {
  if (planIds.length === 0) return new Map<string, PlanEntryView[]>();
  const directory = await loadDirectory(q);
  const rows = await q
    .select()
    .from(planEntries)
    .where(inArray(planEntries.planId, planIds))
    .orderBy(asc(planEntries.year), asc(planEntries.createdAt), asc(planEntries.id));
  const linked = rows.length
    ? await q
        .select({ id: projects.id, code: projects.code, name: projects.name, entryId: projects.planEntryId })
        .from(projects)
        .where(
          inArray(
            projects.planEntryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(projects.code), asc(projects.id))
    : [];
  const out = new Map<string, PlanEntryView[]>();
  for (const r of rows) {
    const list = out.get(r.planId) ?? [];
    list.push({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: directory.organisations.find((o) => o.id === r.organisationId)?.name ?? '',
      projectName: r.projectName,
      estimatedBudget: fenToYuan(r.estimatedBudgetFen),
      year: r.year,
      summary: r.summary,
      linkedProjects: linked
        .filter((l) => l.entryId === r.id && visibleProjects.has(l.id))
        .map(({ id, code, name }) => ({ id, code, name })),
    });
    out.set(r.planId, list);
  }
  return out;
}
