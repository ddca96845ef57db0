/**
 * The Excel round trip against the database (the platform lists and existing entries for
 * `parseUpload` are queries/import-scope.ts): the checks that need the catalog (retired systems, merge targets, codes held
 * elsewhere, states that forbid a change), and the write of every row. Upload is all or nothing:
 * `planImport` finds every problem before anything is written; `writeImport` then writes every row in
 * the caller's one transaction (one audit row).
 */
import { inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { forbidden } from '../../platform/errors.ts';
import { canManage, EDITABLE_RESOURCE_STATES } from '../access.ts';
import { parseResourceCode } from '../codes.ts';
import { CATALOG_COLUMNS, type ParsedRow, type RowProblem } from '../excel.ts';
import { locate } from '../excel-layout.ts';
import { loadWorkbook } from '../excel-sheets.ts';
import type { CatalogKind, CloudServiceInput, ResourceInput, SystemInput } from '../model.ts';
import type { ImportScope } from '../queries/import-scope.ts';
import type { CloudServiceRecord } from '../store/cloud.ts';
import { recomputeConflicts } from '../store/conflicts.ts';
import type { JurisdictionInfo, OrganisationInfo } from '../store/lookups.ts';
import type { ResourceRecord } from '../store/resources.ts';
import type { SystemRecord } from '../store/systems.ts';
import { informationResources, informationSystems } from '../tables.ts';
import { checkSystemRules } from '../validate.ts';
import type { Caller } from './caller.ts';
import { createCloudService, updateCloudService } from './cloud-support.ts';
import { insertResource, writeResource } from './resource-support.ts';
import { catalogRulesFor } from './rules.ts';
import { createSystem, updateSystem } from './system-support.ts';

interface Problem {
  row: number;
  field: string;
  code: string;
  message: string;
  article?: string;
}

/** Places problems found against the catalog in the user's workbook (row, column, header). */
export async function locateProblems(
  kind: CatalogKind,
  bytes: Uint8Array,
  sheet: string,
  problems: readonly Problem[],
): Promise<RowProblem[]> {
  const layout = locate(await loadWorkbook(bytes), kind);
  const headers = new Map(CATALOG_COLUMNS[kind].map((def) => [def.field, def.header]));
  return problems
    .map((p) => ({
      sheet,
      row: p.row,
      column: layout.columns.get(p.field) ?? null,
      header: headers.get(p.field) ?? null,
      field: p.field,
      code: p.code,
      message: p.message,
      ...(p.article ? { article: p.article } : {}),
    }))
    .sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Plans: every row resolved against the catalog, or the problems that stop the upload

export type ImportPlan =
  | {
      kind: 'systems';
      rows: { row: number; owner: OrganisationInfo; input: SystemInput; current?: SystemRecord }[];
    }
  | {
      kind: 'resources';
      rows: { row: number; provider: OrganisationInfo; input: ResourceInput; current?: ResourceRecord }[];
    }
  | {
      kind: 'cloudServices';
      jurisdiction: JurisdictionInfo;
      rows: { row: number; input: CloudServiceInput; current?: CloudServiceRecord }[];
    };

export async function planImport(
  q: Queryable,
  caller: Caller,
  kind: CatalogKind,
  parsed: readonly ParsedRow<CatalogKind>[],
  scope: ImportScope,
  records: SystemRecord[] | ResourceRecord[] | CloudServiceRecord[],
): Promise<{ plan: ImportPlan | null; problems: Problem[] }> {
  const problems: Problem[] = [];
  const orgByName = new Map(scope.organisations.map((o) => [o.name, o]));
  if (kind === 'systems') {
    const byCode = new Map((records as SystemRecord[]).map((r) => [r.code, r]));
    const rows = parsed as ParsedRow<'systems'>[];
    const mergeCodes = [...new Set(rows.flatMap((r) => (r.value.mergedInto ? [r.value.mergedInto] : [])))];
    const targets =
      mergeCodes.length === 0
        ? []
        : await q
            .select({
              code: informationSystems.code,
              status: informationSystems.status,
              jurisdictionId: informationSystems.jurisdictionId,
            })
            .from(informationSystems)
            .where(inArray(informationSystems.code, mergeCodes));
    const plan: Extract<ImportPlan, { kind: 'systems' }> = { kind, rows: [] };
    for (const { row, value, action } of rows) {
      const owner = orgByName.get(value.ownerDepartment);
      if (!owner) {
        problems.push({
          row,
          field: 'ownerDepartment',
          code: 'UNKNOWN_DEPARTMENT',
          message: `“${value.ownerDepartment}”不在可登记的单位中`,
        });
        continue;
      }
      if (owner.jurisdictionName !== value.jurisdiction) {
        problems.push({
          row,
          field: 'jurisdiction',
          code: 'JURISDICTION_MISMATCH',
          message: `${owner.name}属于${owner.jurisdictionName}，所属辖区应填“${owner.jurisdictionName}”`,
        });
      }
      for (const p of checkSystemRules(value, catalogRulesFor(owner.rulebookCode))) {
        problems.push({
          row,
          field: p.field,
          code: p.code,
          message: p.message,
          ...(p.article ? { article: p.article } : {}),
        });
      }
      const current = action === 'update' && value.code ? byCode.get(value.code) : undefined;
      if (current?.status === 'retired') {
        problems.push({
          row,
          field: 'code',
          code: 'SYSTEM_RETIRED',
          message: `系统 ${current.code} 已报废，不能再修改`,
          article: 'DT-01',
        });
      }
      if (
        current &&
        current.ownerOrganisationId !== owner.id &&
        !canManage(caller.scope, current.jurisdictionId)
      ) {
        problems.push({
          row,
          field: 'ownerDepartment',
          code: 'CATALOG_OWNER_CHANGE',
          message: '只有主管部门可以变更系统的责任部门',
        });
      }
      if (value.mergedInto) {
        const target = targets.find(
          (t) => t.code === value.mergedInto && t.jurisdictionId === owner.jurisdictionId,
        );
        if (!target) {
          problems.push({
            row,
            field: 'mergedInto',
            code: 'MERGED_INTO_UNKNOWN',
            message: `本辖区目录中没有编码为 ${value.mergedInto} 的系统`,
            article: 'DT-01',
          });
        } else if (target.status === 'retired') {
          problems.push({
            row,
            field: 'mergedInto',
            code: 'MERGED_INTO_RETIRED',
            message: `系统 ${value.mergedInto} 已报废，不能作为并入目标`,
            article: 'DT-01',
          });
        }
      }
      plan.rows.push({ row, owner, input: value, ...(current ? { current } : {}) });
    }
    return { plan: problems.length === 0 ? plan : null, problems };
  }

  if (kind === 'resources') {
    const byCode = new Map((records as ResourceRecord[]).map((r) => [r.code, r]));
    const rows = parsed as ParsedRow<'resources'>[];
    const fullCodes = rows.flatMap((r) => {
      const p = parseResourceCode(r.value.code);
      return p.ok && p.code.sequence !== null && r.action === 'create' ? [p.code.text] : [];
    });
    const taken =
      fullCodes.length === 0
        ? new Set<string>()
        : new Set(
            (
              await q
                .select({ code: informationResources.code })
                .from(informationResources)
                .where(inArray(informationResources.code, fullCodes))
            ).map((r) => r.code),
          );
    const plan: Extract<ImportPlan, { kind: 'resources' }> = { kind, rows: [] };
    for (const { row, value, action } of rows) {
      const provider = orgByName.get(value.provider);
      if (!provider) {
        problems.push({
          row,
          field: 'provider',
          code: 'UNKNOWN_DEPARTMENT',
          message: `“${value.provider}”不在可注册资源的单位中`,
        });
        continue;
      }
      const current = action === 'update' ? byCode.get(value.code) : undefined;
      if (current && !EDITABLE_RESOURCE_STATES.includes(current.state)) {
        problems.push({
          row,
          field: 'code',
          code: 'RESOURCE_NOT_EDITABLE',
          message: `资源 ${current.code} 正在审核或已发布，不能修改；已发布的资源须先下架`,
          article: 'DT-10',
        });
      }
      if (current && current.providerOrganisationId !== provider.id) {
        problems.push({
          row,
          field: 'provider',
          code: 'PROVIDER_CHANGE',
          message: '资源提供方不能通过导入变更',
        });
      }
      if (!current && taken.has(value.code)) {
        problems.push({
          row,
          field: 'code',
          code: 'RESOURCE_CODE_TAKEN',
          message: `资源代码 ${value.code} 已被使用；新资源可只填 9 位前段码，由平台分配顺序码`,
          article: 'DT-10',
        });
      }
      plan.rows.push({ row, provider, input: value, ...(current ? { current } : {}) });
    }
    return { plan: problems.length === 0 ? plan : null, problems };
  }

  const jurisdiction = scope.cloudJurisdiction;
  if (!jurisdiction) throw forbidden('云服务目录由本辖区主管部门编制', 'CATALOG_ACTION_FORBIDDEN');
  const byCode = new Map((records as CloudServiceRecord[]).map((r) => [r.code, r]));
  const plan: Extract<ImportPlan, { kind: 'cloudServices' }> = {
    kind: 'cloudServices',
    jurisdiction,
    rows: [],
  };
  for (const { row, value, action } of parsed as ParsedRow<'cloudServices'>[]) {
    const current = action === 'update' && value.code ? byCode.get(value.code) : undefined;
    if (current && current.status !== 'draft') {
      problems.push({
        row,
        field: 'code',
        code: 'CLOUD_NOT_DRAFT',
        message: `条目 ${current.code} 已审定或已发布，须先撤回修订`,
        article: 'SC-12',
      });
    }
    plan.rows.push({ row, input: value, ...(current ? { current } : {}) });
  }
  return { plan: problems.length === 0 ? plan : null, problems };
}

/** Writes every row of a plan; any refusal rolls the whole upload back. */
export async function writeImport(
  tx: Tx,
  caller: Caller,
  plan: ImportPlan,
): Promise<{ created: number; updated: number; codes: string[]; conflictsOpen?: number }> {
  let created = 0;
  let updated = 0;
  const codes: string[] = [];
  if (plan.kind === 'systems') {
    for (const { owner, input, current } of plan.rows) {
      if (current) {
        await updateSystem(tx, caller, current, owner, input, current.version, '批量导入');
        codes.push(current.code);
        updated++;
      } else {
        codes.push((await createSystem(tx, caller, owner, input)).code);
        created++;
      }
    }
    return { created, updated, codes };
  }
  if (plan.kind === 'resources') {
    const jurisdictionIds = new Set<string>();
    for (const { provider, input, current } of plan.rows) {
      if (current) {
        codes.push((await writeResource(tx, caller, current, input, current.version)).code);
        updated++;
      } else {
        codes.push((await insertResource(tx, caller, provider, input)).code);
        created++;
      }
      jurisdictionIds.add(provider.jurisdictionId);
    }
    let conflictsOpen = 0;
    for (const id of jurisdictionIds) conflictsOpen += (await recomputeConflicts(tx, id, caller.now)).open;
    return { created, updated, codes, conflictsOpen };
  }
  for (const { input, current } of plan.rows) {
    if (current) {
      await updateCloudService(tx, caller, current, input, current.version);
      codes.push(current.code);
      updated++;
    } else {
      codes.push((await createCloudService(tx, caller, plan.jurisdiction, input)).code);
      created++;
    }
  }
  return { created, updated, codes };
}
