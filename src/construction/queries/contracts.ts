/** A project's contracts with their deliverables (read). */

import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { ProjectDeps } from '../../workflow/index.ts';
import { contractDeliverables, contracts } from '../tables.ts';

export async function listContracts(q: Tx | ProjectDeps['db'], projectId: string) {
  const rows = await q
    .select()
    .from(contracts)
    .where(eq(contracts.projectId, projectId))
    .orderBy(asc(contracts.signedOn), asc(contracts.createdAt), asc(contracts.id));
  const items = rows.length
    ? await q
        .select()
        .from(contractDeliverables)
        .where(
          inArray(
            contractDeliverables.contractId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(contractDeliverables.createdAt), asc(contractDeliverables.id))
    : [];
  return rows.map((r) => ({ ...r, deliverables: items.filter((d) => d.contractId === r.id) }));
}
