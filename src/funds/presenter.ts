/** Pure row → response mappings of the money routes; money leaves as yuan decimal strings. */
import { formatFen, kindLabel } from './model.ts';
import type { DisbursementRecord, disbursementsOf, overridesOf } from './repository.ts';

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
