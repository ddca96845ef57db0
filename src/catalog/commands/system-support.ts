/**
 * Commands of the system catalog (SC-10, DT-01): register, change, retire (or merge into another —
 * 只合不分: a system may be merged into another, never split into two). Each runs inside the caller's
 * runCommand transaction; the database's unique index on (owner, normalised name) is the final
 * duplicate guard and the version column the concurrency guard.
 *
 * The use cases are one per file (register-system.ts, change-system.ts); this file holds the checks and writes they
 * share with the Excel import (transfer.ts).
 */
import { and, eq } from 'drizzle-orm';
import { recordedGrading } from '../../operations/index.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { canManage } from '../access.ts';
import type { SystemInput } from '../model.ts';
import type { OrganisationInfo } from '../store/lookups.ts';
import {
  nextSystemCode,
  recordStatusEvent,
  replaceSystemResources,
  type SystemRecord,
  sameNameSystem,
  systemInputOf,
  systemValues,
} from '../store/systems.ts';
import { findVisibleSystem } from '../store/visible.ts';
import { informationSystems } from '../tables.ts';
import { checkSystem, checkSystemRules } from '../validate.ts';
import { type Caller, mergeDraft, valueOrProblems } from './caller.ts';
import { catalogRulesFor } from './rules.ts';

/** Checks a draft for `owner`: the owner's name and jurisdiction are the platform's, not the caller's. */
export function checkSystemDraft(
  draft: Readonly<Record<string, unknown>>,
  owner: OrganisationInfo,
): SystemInput {
  const checked = checkSystem({
    ...draft,
    ownerDepartment: owner.name,
    jurisdiction: owner.jurisdictionName,
  });
  const rules = checked.value ? checkSystemRules(checked.value, catalogRulesFor(owner.rulebookCode)) : [];
  return valueOrProblems({ value: checked.value, problems: [...checked.problems, ...rules] });
}

/** The current input of a system with `changes` applied, checked. */
export function changedSystem(
  current: SystemRecord,
  changes: Readonly<Record<string, unknown>>,
  owner: OrganisationInfo,
): SystemInput {
  const draft = mergeDraft({ ...systemInputOf(current) }, changes);
  return checkSystemDraft({ ...draft, code: current.code }, owner);
}

/** The id of the system `code` merges into: a live system of the same jurisdiction (DT-01). */
export async function mergeTarget(
  q: Queryable,
  jurisdictionId: string,
  code: string | undefined,
  selfId: string | null,
): Promise<string | null> {
  if (code === undefined) return null;
  const [target] = await q
    .select({ id: informationSystems.id, status: informationSystems.status })
    .from(informationSystems)
    .where(and(eq(informationSystems.code, code), eq(informationSystems.jurisdictionId, jurisdictionId)));
  if (!target) {
    throw invalid('MERGED_INTO_UNKNOWN', `本辖区目录中没有编码为 ${code} 的系统`, {
      field: 'mergedInto',
      article: 'DT-01',
    });
  }
  if (target.id === selfId) {
    throw invalid('MERGED_INTO_SELF', '系统不能并入自身', { field: 'mergedInto', article: 'DT-01' });
  }
  if (target.status === 'retired') {
    throw invalid('MERGED_INTO_RETIRED', `系统 ${code} 已报废，不能作为并入目标`, {
      field: 'mergedInto',
      article: 'DT-01',
    });
  }
  return target.id;
}

async function guardName(tx: Tx, ownerId: string, name: string, selfId?: string): Promise<void> {
  const same = await sameNameSystem(tx, ownerId, name, selfId);
  if (same) {
    throw conflict(
      'DUPLICATE_NAME',
      `本单位目录中已有同名系统（编码 ${same.code}），名称只差空格或标点也视为重复`,
      {
        field: 'name',
      },
    );
  }
}

export async function createSystem(
  tx: Tx,
  caller: Caller,
  owner: OrganisationInfo,
  input: SystemInput,
): Promise<{ id: string; code: string }> {
  await guardName(tx, owner.id, input.name);
  const mergedIntoId = await mergeTarget(tx, owner.jurisdictionId, input.mergedInto, null);
  const code = await nextSystemCode(tx, owner.jurisdictionCode);
  const [row] = await tx
    .insert(informationSystems)
    .values({
      ...systemValues(input, mergedIntoId),
      code,
      jurisdictionId: owner.jurisdictionId,
      ownerOrganisationId: owner.id,
      createdAt: caller.now,
      updatedAt: caller.now,
    })
    .returning({ id: informationSystems.id });
  await recordStatusEvent(tx, {
    systemId: row.id,
    fromStatus: null,
    status: input.status,
    at: caller.now,
    effectiveDate: input.retirementDate ?? null,
    mergedIntoId,
    actorUserId: caller.userId,
    note: '登记入目录',
  });
  await replaceSystemResources(tx, row.id, input.resourceCodes);
  return { id: row.id, code };
}

/**
 * Writes a checked input over a system. A retired system is final (已报废 does not come back:
 * DT-01); only the authority moves a system to another organisation, and never across jurisdictions.
 */
export async function updateSystem(
  tx: Tx,
  caller: Caller,
  current: SystemRecord,
  owner: OrganisationInfo,
  input: SystemInput,
  version: number,
  note?: string,
): Promise<void> {
  if (current.status === 'retired') {
    throw conflict('SYSTEM_RETIRED', '系统已报废，目录信息不再修改（只减不增、只合不分）', {
      article: 'DT-01',
    });
  }
  // One truth for the 等保 level: a recorded 定级备案 (operations) decides it.
  const graded = await recordedGrading(tx, current.id);
  if (graded && graded.level !== (input.mlpsLevel ?? null)) {
    throw invalid(
      'MLPS_LEVEL_FROM_GRADING',
      `等保级别以定级备案为准（已备案为第${graded.level}级），变更级别请在运行安全台账中更新定级备案`,
      { field: 'mlpsLevel', ...(graded.article ? { article: graded.article } : {}) },
    );
  }
  if (owner.id !== current.ownerOrganisationId) {
    if (!canManage(caller.scope, current.jurisdictionId)) {
      throw forbidden('只有主管部门可以变更系统的责任部门', 'CATALOG_OWNER_CHANGE');
    }
    if (owner.jurisdictionId !== current.jurisdictionId) {
      throw invalid('OWNER_OTHER_JURISDICTION', '责任部门须属于本辖区', { field: 'ownerOrganisationId' });
    }
  }
  await guardName(tx, owner.id, input.name, current.id);
  const mergedIntoId = await mergeTarget(tx, current.jurisdictionId, input.mergedInto, current.id);
  const updated = await tx
    .update(informationSystems)
    .set({
      ...systemValues(input, mergedIntoId),
      ownerOrganisationId: owner.id,
      updatedAt: caller.now,
      version: version + 1,
    })
    .where(and(eq(informationSystems.id, current.id), eq(informationSystems.version, version)))
    .returning({ id: informationSystems.id });
  if (updated.length === 0) {
    throw versionConflict();
  }
  if (input.status !== current.status) {
    await recordStatusEvent(tx, {
      systemId: current.id,
      fromStatus: current.status,
      status: input.status,
      at: caller.now,
      effectiveDate: input.status === 'retired' ? (input.retirementDate ?? null) : null,
      mergedIntoId,
      actorUserId: caller.userId,
      note: note ?? null,
    });
  }
  await replaceSystemResources(tx, current.id, input.resourceCodes);
}

/** A system the caller reads, or 404. */
export async function visibleSystem(q: Queryable, caller: Caller, id: string): Promise<SystemRecord> {
  const record = await findVisibleSystem(q, caller.scope, id);
  if (!record) throw notFound('系统不存在或无权查看');
  return record;
}
