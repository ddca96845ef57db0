/**
 * A registry of rulebooks by id and version. The built-in registry holds the four regulations;
 * `createRegistry` also takes derived rulebooks loaded from storage. Projects keep the version in
 * force when they started (`versionFor`).
 */
import { invalid, notFound } from '../platform/errors.ts';
import { isIsoDate } from './dates.ts';
import type { IsoDate, Rulebook } from './model.ts';
import { loadRulebook } from './schema.ts';

export interface RulebookSummary {
  id: string;
  version: number;
  name: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  effectiveFrom: IsoDate;
  derivedFrom?: { id: string; version: number };
}

export interface RulebookRegistry {
  /** The given version, or the highest version when omitted. Throws NOT_FOUND. */
  get(id: string, version?: number): Rulebook;
  list(): RulebookSummary[];
  /** The version in force on `date`: the latest `effectiveFrom` ≤ date (ties: highest version). */
  forDate(id: string, date: IsoDate): Rulebook;
  /** The version number a project started on `startedAt` keeps for its whole life. */
  versionFor(id: string, startedAt: IsoDate): number;
}

export function createRegistry(rulebooks: readonly unknown[]): RulebookRegistry {
  const loaded = rulebooks.map((rb) => loadRulebook(rb));
  const byId = new Map<string, Rulebook[]>();
  for (const rb of loaded) {
    const list = byId.get(rb.id) ?? [];
    if (list.some((x) => x.version === rb.version)) {
      throw invalid('RULEBOOK_DUPLICATE', `规则集 ${rb.id} 第 ${rb.version} 版重复`);
    }
    list.push(rb);
    byId.set(rb.id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => a.version - b.version);

  const versions = (id: string): Rulebook[] => {
    const list = byId.get(id);
    if (!list) throw notFound(`规则集不存在：${id}`, 'RULEBOOK_NOT_FOUND');
    return list;
  };

  const forDate = (id: string, date: IsoDate): Rulebook => {
    if (!isIsoDate(date)) throw invalid('INVALID_DATE', `日期无效：${String(date)}`);
    const candidates = versions(id).filter((rb) => rb.effectiveFrom <= date);
    if (candidates.length === 0) {
      throw notFound(`规则集 ${id} 在 ${date} 尚未生效`, 'RULEBOOK_NOT_IN_FORCE');
    }
    return candidates.reduce((best, rb) =>
      rb.effectiveFrom > best.effectiveFrom ||
      (rb.effectiveFrom === best.effectiveFrom && rb.version > best.version)
        ? rb
        : best,
    );
  };

  return {
    get(id, version) {
      const list = versions(id);
      if (version === undefined) return list[list.length - 1];
      const found = list.find((rb) => rb.version === version);
      if (!found) throw notFound(`规则集 ${id} 没有第 ${version} 版`, 'RULEBOOK_NOT_FOUND');
      return found;
    },
    list() {
      return loaded.map((rb) => ({
        id: rb.id,
        version: rb.version,
        name: rb.name,
        jurisdictionCode: rb.jurisdictionCode,
        jurisdictionName: rb.jurisdictionName,
        effectiveFrom: rb.effectiveFrom,
        ...(rb.derivedFrom ? { derivedFrom: rb.derivedFrom } : {}),
      }));
    },
    forDate,
    versionFor: (id, startedAt) => forDate(id, startedAt).version,
  };
}
