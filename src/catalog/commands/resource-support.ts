/**
 * Commands of the resource catalog (DT-10, SC-09b, XZ-08a, SC-26): register, change, and the
 * lifecycle 注册 → 审核 → 发布 → 下架 (canTransition of model.ts, who may act from access.ts). Every
 * change recomputes the 一数一源 notices of the jurisdiction in the same transaction.
 *
 * The use cases are one per file (register-resource-entry.ts, edit-resource.ts, transition-resource.ts); this file holds the checks and writes they
 * share with the Excel import (transfer.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { conflict, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { EDITABLE_RESOURCE_STATES, type ResourceAction, resourceActionCheck } from '../access.ts';
import { isValidUscc, parseResourceCode } from '../codes.ts';
import { labelOf, RESOURCE_STATES, type ResourceInput } from '../model.ts';
import { type RecomputeResult, recomputeConflicts } from '../store/conflicts.ts';
import type { OrganisationInfo } from '../store/lookups.ts';
import {
  assignResourceCode,
  lastProviderCode,
  type ResourceRecord,
  replaceDataItems,
  resourceByCode,
  resourceInputOf,
  resourceValues,
  sameNameResource,
} from '../store/resources.ts';
import { findVisibleResource } from '../store/visible.ts';
import { informationResources } from '../tables.ts';
import { checkResource } from '../validate.ts';
import { type Caller, mergeDraft, valueOrProblems } from './caller.ts';

/** The provider code to use when none is entered: the organisation's own, or its last one. */
export async function defaultProviderCode(
  q: Queryable,
  provider: OrganisationInfo,
): Promise<string | undefined> {
  if (provider.code && isValidUscc(provider.code)) return provider.code;
  return lastProviderCode(q, provider.id);
}

export function checkResourceDraft(
  draft: Readonly<Record<string, unknown>>,
  provider: OrganisationInfo,
): ResourceInput {
  return valueOrProblems(checkResource({ ...draft, provider: provider.name }));
}

export function changedResource(
  current: ResourceRecord,
  changes: Readonly<Record<string, unknown>>,
  provider: OrganisationInfo,
): ResourceInput {
  return checkResourceDraft(mergeDraft({ ...resourceInputOf(current) }, changes), provider);
}

async function guardName(tx: Tx, providerId: string, name: string, selfId?: string): Promise<void> {
  const same = await sameNameResource(tx, providerId, name, selfId);
  if (same) {
    throw conflict(
      'DUPLICATE_NAME',
      `本单位已注册同名资源（代码 ${same.code}），名称只差空格或标点也视为重复`,
      { field: 'name', article: 'SC-26' },
    );
  }
}

async function codeFor(tx: Tx, entered: string, selfId: string | null, currentCode: string | null) {
  const parsed = parseResourceCode(entered);
  if (currentCode !== null && parsed.ok) {
    const current = parseResourceCode(currentCode);
    // A 前段码 equal to the current one keeps the current 顺序码.
    if (current.ok && parsed.code.sequence === null && parsed.code.prefix === current.code.prefix) {
      return { code: currentCode, prefix: current.code.prefix, sequence: current.code.sequence ?? '' };
    }
  }
  const assigned = await assignResourceCode(tx, entered);
  if (!assigned.assigned) {
    const holder = await resourceByCode(tx, assigned.code);
    if (holder && holder.id !== selfId) {
      throw conflict(
        'RESOURCE_CODE_TAKEN',
        `资源代码 ${assigned.code} 已被使用；新资源可只填 9 位前段码，由平台分配顺序码`,
        {
          field: 'code',
          article: 'DT-10',
        },
      );
    }
  }
  return assigned;
}

/** Registers a resource (注册) without recomputing the notices: see registerResource. */
export async function insertResource(
  tx: Tx,
  caller: Caller,
  provider: OrganisationInfo,
  input: ResourceInput,
): Promise<{ id: string; code: string }> {
  await guardName(tx, provider.id, input.name);
  const code = await codeFor(tx, input.code, null, null);
  const [row] = await tx
    .insert(informationResources)
    .values({
      ...resourceValues(input),
      code: code.code,
      prefix: code.prefix,
      sequence: code.sequence,
      providerOrganisationId: provider.id,
      jurisdictionId: provider.jurisdictionId,
      state: 'registered',
      registeredAt: caller.now,
      updatedAt: caller.now,
    })
    .returning({ id: informationResources.id });
  await replaceDataItems(tx, row.id, input.dataItems);
  return { id: row.id, code: code.code };
}

export async function registerResource(
  tx: Tx,
  caller: Caller,
  provider: OrganisationInfo,
  input: ResourceInput,
): Promise<{ id: string; code: string; conflicts: RecomputeResult }> {
  const created = await insertResource(tx, caller, provider, input);
  const conflicts = await recomputeConflicts(tx, provider.jurisdictionId, caller.now);
  return { ...created, conflicts };
}

/** Changes a resource while it is registered or withdrawn, without recomputing the notices. */
export async function writeResource(
  tx: Tx,
  caller: Caller,
  current: ResourceRecord,
  input: ResourceInput,
  version: number,
): Promise<{ code: string }> {
  if (!EDITABLE_RESOURCE_STATES.includes(current.state)) {
    throw conflict(
      'RESOURCE_NOT_EDITABLE',
      `资源${labelOf(RESOURCE_STATES, current.state)}，不能修改；已发布的资源须先下架再修改`,
      { article: 'DT-10' },
    );
  }
  await guardName(tx, current.providerOrganisationId, input.name, current.id);
  const code = await codeFor(tx, input.code, current.id, current.code);
  const updated = await tx
    .update(informationResources)
    .set({
      ...resourceValues(input),
      code: code.code,
      prefix: code.prefix,
      sequence: code.sequence,
      updatedAt: caller.now,
      version: version + 1,
    })
    .where(and(eq(informationResources.id, current.id), eq(informationResources.version, version)))
    .returning({ id: informationResources.id });
  if (updated.length === 0) {
    throw versionConflict();
  }
  await replaceDataItems(tx, current.id, input.dataItems);
  return { code: code.code };
}

export async function updateResource(
  tx: Tx,
  caller: Caller,
  current: ResourceRecord,
  input: ResourceInput,
  version: number,
): Promise<{ code: string; conflicts: RecomputeResult }> {
  const written = await writeResource(tx, caller, current, input, version);
  const conflicts = await recomputeConflicts(tx, current.jurisdictionId, caller.now);
  return { ...written, conflicts };
}

/** 提交审核 / 审核通过并发布 / 退回修改 / 下架 (RESOURCE_TRANSITIONS of model.ts). */
export async function moveResource(
  tx: Tx,
  caller: Caller,
  current: ResourceRecord,
  action: ResourceAction,
  version: number,
  note: string | undefined,
): Promise<{ from: string; to: string; conflicts: RecomputeResult }> {
  const check = resourceActionCheck(
    caller.scope,
    caller.userId,
    {
      organisationId: current.providerOrganisationId,
      jurisdictionId: current.jurisdictionId,
      state: current.state,
      submittedBy: current.submittedBy,
    },
    action,
  );
  if (!check.ok) {
    if (check.reason === 'state') throw conflict('RESOURCE_STATE', check.message, { article: 'DT-10' });
    throw forbidden(
      check.message,
      check.reason === 'own_submission' ? 'SELF_APPROVAL' : 'CATALOG_ACTION_FORBIDDEN',
    );
  }
  const now = caller.now;
  const changes =
    action === 'submit'
      ? { submittedAt: now, submittedBy: caller.userId, reviewNote: null }
      : action === 'publish'
        ? { reviewedAt: now, reviewedBy: caller.userId, publishedAt: now, reviewNote: note ?? null }
        : action === 'return'
          ? { reviewedAt: now, reviewedBy: caller.userId, reviewNote: note ?? null }
          : { reviewedAt: now, reviewedBy: caller.userId, reviewNote: note ?? null };
  const updated = await tx
    .update(informationResources)
    .set({ ...changes, state: check.to, updatedAt: now, version: version + 1 })
    .where(and(eq(informationResources.id, current.id), eq(informationResources.version, version)))
    .returning({ id: informationResources.id });
  if (updated.length === 0) {
    throw versionConflict();
  }
  const conflicts = await recomputeConflicts(tx, current.jurisdictionId, now);
  return { from: current.state, to: check.to, conflicts };
}

/** A resource the caller reads, or 404. */
export async function visibleResource(q: Queryable, caller: Caller, id: string): Promise<ResourceRecord> {
  const record = await findVisibleResource(q, caller.scope, id);
  if (!record) throw notFound('资源不存在或无权查看');
  return record;
}
