/** An appended entry of an incident: handling, a report sent, or a correction (the entries are append-only). */
import { and, eq } from 'drizzle-orm';
import { type CommandContext, type CommandDeps, runCommand } from '../../platform/command.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { callerOfContext } from '../policy.ts';
import { notFutureInstant } from '../rules.ts';
import { opsIncidentEntries, opsIncidents } from '../tables/index.ts';
import { appendRaw, loadIncident } from './support.ts';

export interface EntryInput {
  kind: 'handling' | 'report' | 'correction';
  at: Date;
  text: string;
  recipient?: string;
  correctsEntryId?: string;
}

export async function appendEntry(
  deps: CommandDeps,
  ctx: CommandContext,
  incidentId: string,
  input: EntryInput,
): Promise<{ id: string }> {
  const caller = callerOfContext(deps, ctx);
  return runCommand(
    deps,
    ctx,
    {
      action: 'ops.incident_entry',
      objectType: 'ops_incident',
      objectId: incidentId,
      details: { kind: input.kind },
    },
    async (tx) => {
      const incident = await loadIncident(tx, caller, incidentId);
      notFutureInstant(input.at, caller.now, 'at');
      if (input.kind !== 'correction' && input.at.getTime() < incident.foundAt.getTime()) {
        throw invalid('OPS_BEFORE_FOUND', '时间不能早于发现事件的时间', { field: 'at' });
      }
      if (input.kind !== 'correction' && incident.status === 'closed') {
        throw conflict('OPS_INCIDENT_CLOSED', '事件已处置完毕，只能追加更正', { field: 'kind' });
      }
      if (input.kind === 'report' && !input.recipient) {
        throw invalid('OPS_RECIPIENT_REQUIRED', '请填写报告对象', { field: 'recipient' });
      }
      if (input.kind === 'correction') {
        if (!input.correctsEntryId) {
          throw invalid('OPS_CORRECTS_REQUIRED', '请选择要更正的记录', { field: 'correctsEntryId' });
        }
        const [target] = await tx
          .select({ id: opsIncidentEntries.id })
          .from(opsIncidentEntries)
          .where(
            and(
              eq(opsIncidentEntries.id, input.correctsEntryId),
              eq(opsIncidentEntries.incidentId, incident.id),
            ),
          );
        if (!target)
          throw invalid('OPS_CORRECTS_UNKNOWN', '要更正的记录不属于本事件', { field: 'correctsEntryId' });
      }
      const id = await appendRaw(tx, caller, incident.id, {
        kind: input.kind,
        at: input.at,
        text: input.text,
        recipient: input.kind === 'report' ? input.recipient : null,
        correctsEntryId: input.kind === 'correction' ? input.correctsEntryId : null,
      });
      if (input.kind === 'report' && incident.firstReportAt === null) {
        await tx
          .update(opsIncidents)
          .set({ firstReportAt: input.at, version: incident.version + 1 })
          .where(eq(opsIncidents.id, incident.id));
      }
      return { id };
    },
  );
}
