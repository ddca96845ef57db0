/**
 * Response mapping of 查重, pure: fields listed explicitly.
 */
import type { Hit } from './engine/search-index.ts';
import type { dedupHits, dedupListEntries } from './tables.ts';

export const KIND_NAMES = {
  system: '政务信息系统',
  project: '建设项目',
  resource: '信息资源',
  unified: '统建清单',
  negative: '负面清单',
} as const;

export const LEVEL_NAMES = {
  high: '疑似重复（应不予建设或合并建设）',
  partial: '部分重叠（复用后可建设）',
} as const;

export const LIST_NAMES = { unified: '统建清单', negative: '负面清单' } as const;

export function presentHit(hit: Hit) {
  return {
    kind: hit.kind,
    kindName: KIND_NAMES[hit.kind],
    id: hit.id,
    name: hit.name,
    detail: hit.detail,
    score: hit.score,
    level: hit.level,
    levelName: LEVEL_NAMES[hit.level],
    phrases: hit.phrases,
    queryMarks: hit.queryMarks,
    candidateMarks: hit.candidateMarks,
    candidate: { name: hit.candidate.name, text: hit.candidate.text, items: [...hit.candidate.items] },
  };
}

type HitRow = typeof dedupHits.$inferSelect;

export function presentStoredHit(row: HitRow, acknowledgedByName: string | null) {
  const kind = row.kind as keyof typeof KIND_NAMES;
  const level = row.level as keyof typeof LEVEL_NAMES;
  return {
    id: row.id,
    rank: row.rank,
    kind,
    kindName: KIND_NAMES[kind],
    targetId: row.targetId,
    name: row.name,
    detail: row.detail,
    score: row.score,
    level,
    levelName: LEVEL_NAMES[level],
    phrases: row.phrases,
    queryMarks: row.marks.queryMarks,
    candidateMarks: row.marks.candidateMarks,
    candidate: row.marks.candidate,
    entryCode: row.entryCode,
    entryBasis: row.entryBasis,
    acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
    acknowledgedByName,
    acknowledgementNote: row.acknowledgementNote,
    version: row.version,
  };
}

type EntryRow = typeof dedupListEntries.$inferSelect;

export function presentEntry(row: EntryRow, jurisdictionName: string) {
  const list = row.list as keyof typeof LIST_NAMES;
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName,
    list,
    listName: LIST_NAMES[list],
    code: row.code,
    name: row.name,
    description: row.description,
    phrases: row.phrases,
    basis: row.basis,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
