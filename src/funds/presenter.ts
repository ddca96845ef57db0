/** Pure row → response mappings of the money routes; money leaves as yuan decimal strings. */
import { formatFen, kindLabel, publicityPhase } from './model.ts';
import type {
  DisbursementRecord,
  disbursementQueue,
  disbursementsOf,
  noticesOf,
  overridesOf,
  publicNotices,
} from './repository.ts';

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

type OverrideRow = Awaited<ReturnType<typeof overridesOf>>[number];
export const presentOverride = (o: OverrideRow) => ({
  id: o.id,
  disbursementId: o.disbursementId,
  gateId: o.gateId,
  article: o.article,
  reason: o.reason,
  requestedByName: o.requestedByName,
  requestedAt: o.requestedAt.toISOString(),
  approvedByName: o.approvedByName,
  approvedAt: iso(o.approvedAt),
});

type DisbursementRow = Awaited<ReturnType<typeof disbursementsOf>>[number];
export const presentDisbursement = (d: DisbursementRow) => ({
  id: d.id,
  year: d.year,
  kind: d.kind,
  kindLabel: kindLabel(d.kind),
  amount: formatFen(d.amountFen),
  purpose: d.purpose,
  status: d.status,
  requestedAt: d.requestedAt.toISOString(),
  requestedByName: d.requestedByName,
  decidedAt: iso(d.decidedAt),
  decidedByName: d.decidedByName,
  decisionOpinion: d.decisionOpinion,
  version: d.version,
});

/** The gate results stored with a decided disbursement, in the shape of live ones. */
export function storedGates(row: DisbursementRecord, gates: readonly { id: string; severity: string }[]) {
  return (row.gateResults ?? []).map((g) => {
    const r = g as Record<string, unknown>;
    const passed = r.passed === true;
    const overridden = r.overridden === true;
    const severity = gates.find((x) => x.id === r.gateId)?.severity ?? 'block';
    return {
      gateId: String(r.gateId),
      name: String(r.name),
      applicable: r.applicable !== false,
      passed,
      severity,
      strength: String(r.strength ?? 'absolute'),
      overridden,
      blocking: !passed && severity === 'block' && !overridden,
      reason: String(r.reason),
      article: String(r.article),
      citation: String(r.citation ?? r.article),
    };
  });
}

type QueueRow = Awaited<ReturnType<typeof disbursementQueue>>['items'][number];
/** One row of the disbursement queue (财政的待审批队列, the department's own requests). */
export const presentQueueItem = (d: QueueRow) => ({
  id: d.id,
  projectId: d.projectId,
  projectCode: d.projectCode,
  projectName: d.projectName,
  department: d.department,
  year: d.year,
  kind: d.kind,
  kindLabel: kindLabel(d.kind),
  amount: formatFen(d.amountFen),
  purpose: d.purpose,
  status: d.status,
  requestedAt: d.requestedAt.toISOString(),
  requestedByName: d.requestedByName,
  decidedAt: iso(d.decidedAt),
  version: d.version,
});

type NoticeRow =
  | Awaited<ReturnType<typeof noticesOf>>['items'][number]
  | Awaited<ReturnType<typeof publicNotices>>['items'][number];
/** A 公示 as both the public list and the authority's list show it; `today` decides its phase. */
export const presentNoticeSummary = (n: NoticeRow, today: string) => ({
  id: n.id,
  title: n.title,
  year: n.year,
  startsOn: n.startsOn,
  endsOn: n.endsOn,
  phase: publicityPhase(n, today),
  authority: n.authority,
  itemCount: n.itemCount,
  itemTotal: formatFen(BigInt(n.itemTotal)),
});
