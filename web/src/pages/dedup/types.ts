/** Types of the 查重 API (src/dedup/schemas.ts). */
export interface Mark {
  field: 'name' | 'text' | 'items';
  index?: number;
  start: number;
  end: number;
}

export interface DocText {
  name: string;
  text: string;
  items: string[];
}

export type HitLevel = 'high' | 'partial';
export type HitKind = 'system' | 'project' | 'resource' | 'unified' | 'negative';

export interface CheckHit {
  id: string;
  kind: HitKind;
  kindName: string;
  name: string;
  detail: string | null;
  score: number;
  level: HitLevel;
  levelName: string;
  phrases: string[];
  queryMarks: Mark[];
  candidateMarks: Mark[];
  candidate: DocText;
}

export interface CheckRequest {
  name: string;
  summary?: string;
  functions?: string[];
  jurisdictionId?: string;
}

export interface CheckResult {
  jurisdictionId: string;
  indexed: number;
  hits: CheckHit[];
}

export interface StoredHit extends Omit<CheckHit, 'id'> {
  id: string;
  rank: number;
  targetId: string;
  entryCode: string | null;
  entryBasis: string | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  acknowledgementNote: string | null;
  version: number;
}

export interface StoredCheck {
  id: string;
  submissionSeq: number;
  checkedAt: string;
  input: DocText;
  highCount: number;
  partialCount: number;
  hits: StoredHit[];
}

export interface ProjectChecks {
  canAcknowledge: boolean;
  checks: StoredCheck[];
}

export type ListCode = 'unified' | 'negative';

export interface ListEntry {
  id: string;
  jurisdictionId: string;
  jurisdictionName: string;
  list: ListCode;
  listName: string;
  code: string;
  name: string;
  description: string;
  phrases: string[];
  basis: string;
  active: boolean;
  updatedAt: string;
  version: number;
}

export interface ListEntryDraft {
  code: string;
  name: string;
  description?: string;
  phrases: string[];
  basis?: string;
  active?: boolean;
}
