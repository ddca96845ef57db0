/**
 * 查重 policy, pure: what a check compares with (scope), who keeps the lists, and the gate that a
 * review cannot conclude while a `high` hit is unacknowledged.
 */
import { refused } from '../platform/errors.ts';
import type { IndexDoc } from './engine/search-index.ts';

/** Projects of the last five years are compared (the year of the check and the four before). */
export const PROJECT_YEARS = 5;

export interface CheckScope {
  /** The jurisdiction of the proposal and its ancestors: what a proposal there is compared with. */
  jurisdictionIds: readonly string[];
  /** The year of the check (from the injected clock). */
  year: number;
  /** The project being checked (not a hit of itself). */
  projectId?: string | null;
  /** Catalog systems the project itself builds or changes (an upgrade is not its own duplicate). */
  ownSystemIds?: readonly string[];
  /** The project only changes catalogued systems (every system link is `changes`). */
  upgradeOnly?: boolean;
}

export function scopeFilter(scope: CheckScope): (doc: IndexDoc) => boolean {
  const jurisdictions = new Set(scope.jurisdictionIds);
  const ownSystems = new Set(scope.ownSystemIds ?? []);
  return (doc) => {
    if (!jurisdictions.has(doc.jurisdictionId)) return false;
    if (doc.kind === 'project') {
      if (doc.id === scope.projectId) return false;
      if (doc.year != null && doc.year <= scope.year - PROJECT_YEARS) return false;
    }
    if (doc.kind === 'system' && ownSystems.has(doc.id)) return false;
    return true;
  };
}

/**
 * The highest level a hit may reach. A project that only changes catalogued systems (every system
 * link is `changes`) adds no system (只减不增, DT-01): what it shares with another system or with
 * another upgrade-only project of other systems is a reuse or consolidation opportunity, so it is
 * held at `partial`. A project that builds a new system, two projects changing the same system,
 * and 统建清单 / 负面清单 entries stay `high`.
 */
export function scopeCap(scope: CheckScope): (doc: IndexDoc) => 'high' | 'partial' {
  const own = new Set(scope.ownSystemIds ?? []);
  return (doc) => {
    if (!scope.upgradeOnly) return 'high';
    if (doc.kind === 'system' || doc.kind === 'resource') return 'partial';
    if (doc.kind !== 'project') return 'high';
    return (doc.systemIds ?? []).some((id) => own.has(id)) ? 'high' : 'partial';
  };
}

export interface AcknowledgeableHit {
  level: string;
  name: string;
  acknowledgedAt: Date | null;
}

/**
 * The review of a project concludes only when every `high` hit of its latest check carries the
 * reviewer's acknowledgement (issue 16); `article` is the review step's article.
 */
export function requireAcknowledged(hits: readonly AcknowledgeableHit[], article: string): void {
  const open = hits.filter((h) => h.level === 'high' && h.acknowledgedAt === null);
  if (open.length === 0) return;
  throw refused(
    'DEDUP_HIGH_UNACKNOWLEDGED',
    `查重发现疑似重复建设：${open.map((h) => `“${h.name}”`).join('、')}，审核人员须逐条确认并填写处理意见后方可办结审核`,
    article,
    { field: 'dedup' },
  );
}
