/**
 * Commands of the cloud service catalog (DT-13, SC-12): the authority compiles items (draft), the
 * authority approves — in SC together with finance — and publishes; an approved or published item
 * goes back to draft to be revised. Batch actions take `{id, version}` pairs and are all or nothing.
 *
 * The use cases are one per file (add-cloud-service.ts, edit-cloud-service.ts, run-cloud-batch.ts); this file holds the checks and writes they
 * share with the Excel import (transfer.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AUTHORITY } from '../../access/index.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { canManage, requiredCloudApprovals } from '../access.ts';
import type { CloudServiceInput } from '../model.ts';
import {
  type CloudServiceRecord,
  cloudInputOf,
  cloudValues,
  cloudVisibleWhere,
  findCloudServices,
  nextCloudCode,
  sameCloudEntry,
} from '../store/cloud.ts';
import type { JurisdictionInfo } from '../store/lookups.ts';
import { cloudServices } from '../tables.ts';
import { checkCloudService } from '../validate.ts';
import { type Caller, mergeDraft, valueOrProblems } from './caller.ts';
import { catalogRulesFor, cloudCatalogCompiler } from './rules.ts';

export function checkCloudDraft(draft: Readonly<Record<string, unknown>>): CloudServiceInput {
  return valueOrProblems(checkCloudService(draft));
}

export function changedCloudService(
  current: CloudServiceRecord,
  changes: Readonly<Record<string, unknown>>,
): CloudServiceInput {
  return checkCloudDraft({ ...mergeDraft({ ...cloudInputOf(current) }, changes), code: current.code });
}

async function guardEntry(tx: Tx, jurisdictionId: string, input: CloudServiceInput, selfId?: string) {
  const same = await sameCloudEntry(tx, jurisdictionId, input, selfId);
  if (same) {
    throw conflict('DUPLICATE_ENTRY', `目录中已有相同服务商、类别、名称和规格的条目（编码 ${same.code}）`, {
      field: 'name',
      article: 'DT-13',
    });
  }
}

/**
 * Who drafts the 政务云服务目录: the compiler the rulebook names (SC 第十二条: 区数字政府服务中心, its
 * users in a catalog-managing role), else the authority of the jurisdiction (DT 第十三条).
 */
async function requireCompiler(
  tx: Tx,
  caller: Caller,
  jurisdiction: { id: string; rulebookCode: string | null },
): Promise<void> {
  if (!canManage(caller.scope, jurisdiction.id)) {
    throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
  }
  const compiler = await cloudCatalogCompiler(tx, jurisdiction);
  if (
    compiler &&
    !caller.assignments.some(
      (a) =>
        a.organisationId === compiler.organisationId &&
        a.jurisdictionId === jurisdiction.id &&
        (AUTHORITY as readonly string[]).includes(a.role),
    )
  ) {
    throw forbidden(`云服务目录由${compiler.name}编制`, 'CATALOG_ACTION_FORBIDDEN', {
      ...(compiler.article ? { article: compiler.article } : {}),
    });
  }
}

export async function createCloudService(
  tx: Tx,
  caller: Caller,
  jurisdiction: JurisdictionInfo,
  input: CloudServiceInput,
): Promise<{ id: string; code: string }> {
  await requireCompiler(tx, caller, jurisdiction);
  await guardEntry(tx, jurisdiction.id, input);
  const code = await nextCloudCode(tx, jurisdiction.code);
  const [row] = await tx
    .insert(cloudServices)
    .values({
      ...cloudValues(input),
      code,
      jurisdictionId: jurisdiction.id,
      status: 'draft',
      createdAt: caller.now,
      updatedAt: caller.now,
    })
    .returning({ id: cloudServices.id });
  return { id: row.id, code };
}

export async function updateCloudService(
  tx: Tx,
  caller: Caller,
  current: CloudServiceRecord,
  input: CloudServiceInput,
  version: number,
): Promise<void> {
  await requireCompiler(tx, caller, { id: current.jurisdictionId, rulebookCode: current.rulebookCode });
  if (current.status !== 'draft') {
    throw conflict('CLOUD_NOT_DRAFT', '已审定或已发布的条目不能直接修改，请先“撤回修订”', {
      article: 'SC-12',
    });
  }
  await guardEntry(tx, current.jurisdictionId, input, current.id);
  const updated = await tx
    .update(cloudServices)
    .set({ ...cloudValues(input), updatedAt: caller.now, version: version + 1 })
    .where(and(eq(cloudServices.id, current.id), eq(cloudServices.version, version)))
    .returning({ id: cloudServices.id });
  if (updated.length === 0) {
    throw versionConflict();
  }
}

export type CloudBatchAction = 'approve' | 'publish' | 'reopen';

/** The items of a batch, visible to the caller and locked; 404 when one is missing. */
async function lockedItems(
  tx: Tx,
  caller: Caller,
  items: readonly { id: string; version: number }[],
): Promise<CloudServiceRecord[]> {
  const ids = [...new Set(items.map((i) => i.id))];
  await tx
    .select({ id: cloudServices.id })
    .from(cloudServices)
    .where(inArray(cloudServices.id, ids))
    .for('update');
  const found = await findCloudServices(
    tx,
    and(inArray(cloudServices.id, ids), cloudVisibleWhere(caller.scope))!,
  );
  if (found.length !== ids.length) throw notFound('云服务目录条目不存在或无权查看');
  for (const item of items) {
    const record = found.find((f) => f.id === item.id)!;
    if (record.version !== item.version) {
      throw versionConflict(`条目 ${record.code} 已被他人修改，请刷新后重试`);
    }
  }
  return found;
}

/**
 * Approves, publishes or reopens a batch. Approval records the caller's capacity (the authority, or
 * finance) and makes the item 已审定 once every approver the rulebook requires has approved (SC-12).
 */
export async function cloudBatch(
  tx: Tx,
  caller: Caller,
  action: CloudBatchAction,
  items: readonly { id: string; version: number }[],
): Promise<{ codes: string[]; statuses: Record<string, string> }> {
  const records = await lockedItems(tx, caller, items);
  const statuses: Record<string, string> = {};
  for (const record of records) {
    // Where the rulebook has a compiler other than the authority (SC 第十二条: 区数字政府服务中心), its
    // users draft and revise; approving and publishing as the authority is for the authority's users.
    const compiler = await cloudCatalogCompiler(tx, {
      id: record.jurisdictionId,
      rulebookCode: record.rulebookCode,
    });
    const asAuthority = caller.assignments.some(
      (a) =>
        a.jurisdictionId === record.jurisdictionId &&
        (AUTHORITY as readonly string[]).includes(a.role) &&
        (!compiler || compiler.kind === 'authority' || a.organisationId !== compiler.organisationId),
    );
    const managed = canManage(caller.scope, record.jurisdictionId) && (action === 'reopen' || asAuthority);
    const finance = caller.scope.financeJurisdictions.includes(record.jurisdictionId);
    const rule = requiredCloudApprovals(catalogRulesFor(record.rulebookCode));
    let changes: Partial<typeof cloudServices.$inferInsert>;
    if (action === 'approve') {
      if (!managed && !finance)
        throw forbidden('云服务目录由主管部门会同财政部门审定', 'CATALOG_ACTION_FORBIDDEN');
      if (record.status !== 'draft') {
        throw conflict('CLOUD_STATE', `条目 ${record.code} 不是待审定状态`, { article: rule.article });
      }
      const authorityAt = managed ? caller.now : record.authorityApprovedAt;
      const financeAt = !managed && finance ? caller.now : record.financeApprovedAt;
      const complete = rule.approvers.every(
        (who) => (who === 'authority' ? authorityAt : financeAt) !== null,
      );
      changes = {
        ...(managed
          ? { authorityApprovedBy: caller.userId, authorityApprovedAt: caller.now }
          : { financeApprovedBy: caller.userId, financeApprovedAt: caller.now }),
        status: complete ? 'approved' : 'draft',
      };
    } else if (action === 'publish') {
      if (!managed) throw forbidden('云服务目录由本辖区主管部门发布', 'CATALOG_ACTION_FORBIDDEN');
      if (record.status !== 'approved') {
        throw conflict(
          'CLOUD_NOT_APPROVED',
          rule.approvers.includes('finance')
            ? `条目 ${record.code} 尚未经主管部门会同财政部门审定，不能发布`
            : `条目 ${record.code} 尚未审定，不能发布`,
          { article: rule.article },
        );
      }
      changes = { status: 'published', publishedAt: caller.now };
    } else {
      if (!managed) throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
      if (record.status === 'draft') {
        throw conflict('CLOUD_STATE', `条目 ${record.code} 已是待审定状态`, { article: rule.article });
      }
      changes = {
        status: 'draft',
        publishedAt: null,
        authorityApprovedBy: null,
        authorityApprovedAt: null,
        financeApprovedBy: null,
        financeApprovedAt: null,
      };
    }
    await tx
      .update(cloudServices)
      .set({ ...changes, updatedAt: caller.now, version: record.version + 1 })
      .where(eq(cloudServices.id, record.id));
    statuses[record.code] = String(changes.status);
  }
  return { codes: records.map((r) => r.code), statuses };
}
