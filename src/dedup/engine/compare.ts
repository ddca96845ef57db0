/**
 * Pair comparison for 查重, pure: TF-IDF weighted cosine of folded bigrams over the whole text, the
 * names alone, and the list items (功能清单 / 信息项) matched one by one by containment, so that a
 * function split into finer ones or merged into a coarser one still counts. Thresholds and weights
 * were fitted on the training part of the labelled set (bench/dedup/pairs.ts) and checked on the
 * held-out part; see docs/benchmarks.md.
 */
import { type Folded, fold, grams, runs, type Unit } from './text.ts';

/** What is compared: a proposal, a catalogued system, a project, a resource or a list entry. */
export interface DocText {
  name: string;
  /** Purpose, summary, construction content, description. */
  text: string;
  /** 功能清单 of a system or proposal, 信息项 of a resource, key phrases of a list entry. */
  items: readonly string[];
}

export interface Prepared {
  doc: DocText;
  folded: Folded[];
  name: Map<string, number>;
  full: Map<string, number>;
  items: Map<string, number>[];
}

/** Document frequencies for the inverse document frequency; `idf` of an unseen gram is the highest. */
export interface IdfSource {
  idf(gram: string): number;
}

/** A flat weighting, for comparing two texts without an index. */
export const FLAT_IDF: IdfSource = { idf: () => 1 };

export function prepare(doc: DocText): Prepared {
  const folded = [fold(doc.name, 0), fold(doc.text, 1), ...doc.items.map((item, i) => fold(item, 2 + i))];
  const name = grams(folded[0]);
  const full = new Map<string, number>();
  const items: Map<string, number>[] = [];
  folded.forEach((f, index) => {
    const g = grams(f);
    if (index >= 2 && g.size > 0) items.push(g);
    for (const [key, count] of g) full.set(key, (full.get(key) ?? 0) + count);
  });
  return { doc, folded, name, full, items };
}

/** Sublinear term frequency. */
export function tfWeight(count: number): number {
  return 1 + Math.log(count);
}

export function norm(vector: Map<string, number>, idf: IdfSource): number {
  let sum = 0;
  for (const [gram, count] of vector) {
    const w = tfWeight(count) * idf.idf(gram);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

export function cosine(a: Map<string, number>, b: Map<string, number>, idf: IdfSource): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, count] of small) {
    const other = large.get(gram);
    if (other === undefined) continue;
    const w = idf.idf(gram);
    dot += tfWeight(count) * tfWeight(other) * w * w;
  }
  if (dot === 0) return 0;
  return dot / (norm(a, idf) * norm(b, idf));
}

/** How much of `part` (by squared IDF weight of its grams) is found in `whole`, in [0, 1]. */
export function containment(part: Map<string, number>, whole: Map<string, number>, idf: IdfSource): number {
  let found = 0;
  let total = 0;
  for (const gram of part.keys()) {
    const w = idf.idf(gram) ** 2;
    total += w;
    if (whole.has(gram)) found += w;
  }
  return total === 0 ? 0 : found / total;
}

/** An item counts as covered when at least this share of its weight is in the other text. */
export const ITEM_COVERED = 0.6;

export type Level = 'high' | 'partial' | 'none';

/**
 * `high` = likely duplicate (refuse or merge); `partial` = overlap (approve on condition of reuse).
 * Fitted on the training part of the labelled set (see docs/benchmarks.md).
 */
export const THRESHOLDS = { high: 0.37, partial: 0.13 } as const;

export interface Features {
  /** Cosine of the whole texts. */
  text: number;
  /** Cosine of the names. */
  name: number;
  /** Share of the proposal's items found in the candidate (null when the proposal lists none). */
  itemsCovered: number | null;
  /** Share of the candidate's items found in the proposal (null when the candidate lists none). */
  itemsCovering: number | null;
}

export function features(query: Prepared, candidate: Prepared, idf: IdfSource): Features {
  const covered = (items: Map<string, number>[], whole: Map<string, number>) =>
    items.length === 0
      ? null
      : items.reduce((sum, item) => sum + Math.min(1, containment(item, whole, idf) / ITEM_COVERED), 0) /
        items.length;
  return {
    text: cosine(query.full, candidate.full, idf),
    name: cosine(query.name, candidate.name, idf),
    itemsCovered: covered(query.items, candidate.full),
    itemsCovering: covered(candidate.items, query.full),
  };
}

/**
 * The score in [0, 1]: the text cosine, the name cosine and the item coverage (both ways) blended.
 * The text cosine stands in for the item coverage of a side that lists no items.
 */
export function score(f: Features): number {
  // A side without items is represented by the text cosine, never by the other side's coverage:
  // one short item wholly found in a long text must not make a duplicate on its own.
  const covered = f.itemsCovered ?? f.text;
  const covering = f.itemsCovering ?? f.text;
  const items = Math.sqrt(covered * covering);
  return Math.min(1, 0.5 * f.text + 0.15 * f.name + 0.35 * items);
}

export function level(value: number, thresholds: { high: number; partial: number } = THRESHOLDS): Level {
  if (value >= thresholds.high) return 'high';
  if (value >= thresholds.partial) return 'partial';
  return 'none';
}

/**
 * A list entry (统建清单 / 负面清单) is short and names what may not be built again: it matches when
 * one of its key phrases is wholly in the proposal, whatever else the proposal says.
 */
export function listEntryScore(query: Prepared, entry: Prepared, idf: IdfSource): number {
  let best = 0;
  for (const item of entry.items) best = Math.max(best, containment(item, query.full, idf));
  const named = entry.name.size > 0 ? containment(entry.name, query.full, idf) : 0;
  return Math.max(best, named);
}

// ---- explanation -------------------------------------------------------------------------------

/** A highlighted span of one field of a text: field 0 = name, 1 = text, 2 + i = items[i]. */
export interface Mark {
  field: 'name' | 'text' | 'items';
  index?: number;
  start: number;
  end: number;
}

export interface Shared {
  /** The shared phrases as written on either side, longest first (a synonym pair shows both words). */
  phrases: string[];
  queryMarks: Mark[];
  candidateMarks: Mark[];
}

function gramSet(folded: Folded[]): Set<string> {
  const set = new Set<string>();
  for (const f of folded) for (const key of grams(f).keys()) set.add(key);
  return set;
}

function toMark(field: number, start: number, end: number): Mark {
  if (field === 0) return { field: 'name', start, end };
  if (field === 1) return { field: 'text', start, end };
  return { field: 'items', index: field - 2, start, end };
}

/** The original text of field `field` (0 = name, 1 = text, 2 + i = items[i]). */
function fieldText(doc: DocText, field: number): string {
  if (field === 0) return doc.name;
  if (field === 1) return doc.text;
  return doc.items[field - 2] ?? '';
}

/**
 * Marks the runs of `side` whose bigrams (or lone units) are in `other`; returns the marks and the
 * marked phrases as written in the side's own text.
 */
function markSide(doc: DocText, side: Folded[], other: Set<string>): { marks: Mark[]; phrases: string[] } {
  const marks: Mark[] = [];
  const phrases: string[] = [];
  for (const f of side) {
    for (const run of runs(f)) {
      if (run.length === 1) {
        if (other.has(run[0].key) && run[0].key.charCodeAt(0) >= 0xe000) {
          marks.push(toMark(run[0].field, run[0].start, run[0].end));
          phrases.push(fieldText(doc, run[0].field).slice(run[0].start, run[0].end));
        }
        continue;
      }
      let from = -1;
      const flush = (to: number) => {
        if (from < 0) return;
        const units: Unit[] = run.slice(from, to + 1);
        const start = units[0].start;
        const end = units[units.length - 1].end;
        marks.push(toMark(units[0].field, start, end));
        phrases.push(fieldText(doc, units[0].field).slice(start, end));
        from = -1;
      };
      for (let i = 0; i + 1 < run.length; i++) {
        if (other.has(run[i].key + run[i + 1].key)) {
          if (from < 0) from = i;
        } else {
          flush(i);
        }
      }
      flush(run.length - 1);
    }
  }
  return { marks, phrases };
}

/** The phrases two texts share, with their spans in both original texts. */
export function sharedPhrases(query: Prepared, candidate: Prepared): Shared {
  const q = markSide(query.doc, query.folded, gramSet(candidate.folded));
  const c = markSide(candidate.doc, candidate.folded, gramSet(query.folded));
  const phrases = [...new Set([...q.phrases, ...c.phrases])]
    .filter((p) => [...p].length >= 2)
    .sort((a, b) => [...b].length - [...a].length || a.localeCompare(b));
  // Drop phrases contained in a longer shared phrase.
  const kept: string[] = [];
  for (const phrase of phrases) if (!kept.some((k) => k.includes(phrase))) kept.push(phrase);
  return { phrases: kept.slice(0, 12), queryMarks: q.marks, candidateMarks: c.marks };
}
