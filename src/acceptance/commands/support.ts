/**
 * What the acceptance commands share (one use case per file in this folder: request-extension,
 * decide-extension, record-planned-acceptance), each in `projectCommand`.
 *
 * Acceptance extensions (DT-26b, SC-20c): a department that cannot apply for (or complete)
 * acceptance on time asks the body the rulebook names (`Deadline.extension.decidedBy`) for a later
 * date, with its reason. A grant moves the obligation's due date (state `extended`, the old due date
 * kept on the request and in the obligation's `extendedFrom`); a refusal leaves it. How often and how
 * far a deadline may be extended are rulebook data (`maxRequests`, `maxCalendarMonths`; null where the
 * text sets no limit). DT's obligation is anchored on the approved planned acceptance date
 * (`plannedAcceptanceDate`), which the same body records (`recordPlannedAcceptance`).
 * All by rulebook data: no jurisdiction names here.
 */

import { and, eq, inArray } from 'drizzle-orm';
import { LIVE_STATES, obligations } from '../../obligations/index.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import type { Deadline } from '../../rules/index.ts';

export async function liveObligation(tx: Tx, projectId: string, deadline: Deadline) {
  const [row] = await tx
    .select()
    .from(obligations)
    .where(
      and(
        eq(obligations.projectId, projectId),
        eq(obligations.kind, deadline.id),
        inArray(obligations.state, [...LIVE_STATES]),
      ),
    )
    .limit(1)
    .for('update');
  if (!row) {
    throw conflict('NO_OPEN_OBLIGATION', `“${deadline.name}”尚未起算或已履行，无需申请延期`, {
      article: deadline.articles[0],
    });
  }
  return row;
}
