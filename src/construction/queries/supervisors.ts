/** A project's filed supervisors (read). */

import { asc, eq } from 'drizzle-orm';
import type { ProjectDeps } from '../../workflow/index.ts';
import { supervisors } from '../tables.ts';

export async function listSupervisors(q: ProjectDeps['db'], projectId: string) {
  return q
    .select()
    .from(supervisors)
    .where(eq(supervisors.projectId, projectId))
    .orderBy(asc(supervisors.filedOn), asc(supervisors.id));
}
