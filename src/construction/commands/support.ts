/**
 * What the construction commands share (issue 12). One use case per file in this folder, each in
 * `projectCommand` (one transaction, one audit row): sign-contract, file-contract,
 * deliver-deliverable, file-supervisor, order-rectification, report-rectification,
 * decide-rectification.
 *
 * Contracts (DT-17, DT-19, SC-15, SC-16, XZ-12, XZ-14): signing a contract records the rulebook's
 * `contract_signed` on the step whose outcome it is (the rulebook's actor, the step open, its
 * `procure` gates), which opens the filing obligation (5 working days); filing it records
 * `contract_filed` and meets that obligation — late when after the due date. Where the rulebook
 * has a deliverables step (XZ-12), the contract must fix ownership and list the deliverables,
 * which are then tracked to delivery. All by rulebook data: no jurisdiction names here.
 *
 * Problems and rectification (DT-26a, DT-29, SC-23, JC-05-7, XZ-24): the overseeing body orders a
 * project to rectify one of the four kinds of problem within a time limit (an obligation on the
 * department); the department reports its rectification; the overseeing body finds it rectified or
 * failed, or records that the department refused. Failed and refused orders are the only source of
 * the rulebooks' `rectificationFailed` / `rectificationRefused` facts, which close the funding
 * gates (`disburse_construction`, `disburse_om`) — read by the funds module.
 */

import { and, eq, inArray } from 'drizzle-orm';
import { obligations } from '../../obligations/index.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import type { ProjectContext } from '../../projects/index.ts';
import type { EventType, Step } from '../../rules/index.ts';
import { stepFor } from '../rules.ts';
import { contracts, rectificationOrders } from '../tables.ts';

export function requireStep(pc: ProjectContext, event: EventType): Step {
  const step = stepFor(pc.rulebook, event);
  if (!step) throw notFound('该项目适用的规则集没有此环节', 'STEP_NOT_FOUND');
  return step;
}

export async function lockContract(tx: Tx, projectId: string, contractId: string) {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.projectId, projectId)))
    .for('update');
  if (!row) throw notFound('合同不存在或无权查看', 'CONTRACT_NOT_FOUND');
  return row;
}

export async function isLate(tx: Tx, projectId: string, ref: string, kinds: string[]): Promise<boolean> {
  if (kinds.length === 0) return false;
  const rows = await tx
    .select({ late: obligations.late })
    .from(obligations)
    .where(
      and(eq(obligations.projectId, projectId), eq(obligations.ref, ref), inArray(obligations.kind, kinds)),
    );
  return rows.some((r) => r.late);
}

export const RECTIFICATION_KIND = 'rectification';

export async function lockOrder(tx: Tx, projectId: string, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(rectificationOrders)
    .where(and(eq(rectificationOrders.id, id), eq(rectificationOrders.projectId, projectId)))
    .for('update');
  if (!row) throw notFound('整改通知不存在或无权查看', 'RECTIFICATION_NOT_FOUND');
  if (row.version !== version) throw versionConflict();
  return row;
}
