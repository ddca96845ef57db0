/**
 * The in-memory 查重 index, pure (no I/O): an inverted index of folded bigrams → (document, term
 * weight) in growable typed arrays, document frequencies for the IDF, and a two-stage search:
 * accumulate the dot product over the query's selective grams (the common ones add little and cost
 * most), then re-score the best candidates exactly with `compare.ts` and explain them.
 *
 * One index per app process. Documents are added, replaced and removed one by one (the catalog and
 * project commands tell `dedup/index.ts`); document norms use the IDF of the moment they were added,
 * and `rebuild()` recomputes them all (done when the process loads the index from the database).
 */
import {
  type DocText,
  features,
  type IdfSource,
  type Level,
  level,
  listEntryScore,
  type Mark,
  type Prepared,
  prepare,
  score,
  sharedPhrases,
  THRESHOLDS,
  tfWeight,
} from './compare.ts';

export type DocKind = 'system' | 'project' | 'resource' | 'unified' | 'negative';

export interface IndexDoc extends DocText {
  kind: DocKind;
  id: string;
  jurisdictionId: string;
  /** The owning organisation (an applicant is not warned about its own draft). */
  organisationId?: string | null;
  /** Free label shown with the hit: owner, code, article. */
  detail?: string | null;
  /** For projects: the year, to keep only the last five years. */
  year?: number | null;
  /** For projects: the catalog systems it builds or changes. */
  systemIds?: readonly string[];
  /** For projects: it only changes catalogued systems (builds none). */
  upgradeOnly?: boolean;
}

export interface Hit {
  kind: DocKind;
  id: string;
  name: string;
  detail: string | null;
  score: number;
  level: Exclude<Level, 'none'>;
  phrases: string[];
  queryMarks: Mark[];
  candidateMarks: Mark[];
  candidate: DocText;
}

export interface SearchOptions {
  /** Keep only documents passing this filter (scope: jurisdictions, kinds, years, not the project itself). */
  filter?: (doc: IndexDoc) => boolean;
  limit?: number;
  thresholds?: { high: number; partial: number };
  /** The highest level a document may reach (a policy may hold some hits at `partial`). */
  cap?: (doc: IndexDoc) => Exclude<Level, 'none'>;
}

class Postings {
  ids = new Int32Array(2);
  weights = new Float32Array(2);
  length = 0;
  push(id: number, weight: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const weights = new Float32Array(this.weights.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.ids[this.length] = id;
    this.weights[this.length] = weight;
    this.length++;
  }
}

/** The grams of one document as interned ids with their counts. */
interface DocGrams {
  ids: Int32Array;
  counts: Uint16Array;
}

const keyOf = (kind: DocKind, id: string) => `${kind}:${id}`;

/** Stage one keeps this many candidates for exact scoring. */
const CANDIDATES = 60;

export class DedupIndex implements IdfSource {
  private docs: (IndexDoc | null)[] = [];
  private norms: number[] = [];
  private docGrams: (DocGrams | null)[] = [];
  private readonly slots = new Map<string, number>();
  /** Gram → interned id; `df[id]` its document frequency. */
  private gramIds = new Map<string, number>();
  private df: number[] = [];
  /** Postings built by `rebuild` (compressed rows: gram id → [offsets[id], offsets[id + 1])). */
  private offsets = new Int32Array(1);
  private baseIds = new Int32Array(0);
  private baseWeights = new Float32Array(0);
  /** Postings added by `upsert` after the last rebuild. */
  private tails = new Map<number, Postings>();
  private live = 0;
  private acc = new Float64Array(0);

  get size(): number {
    return this.live;
  }

  private idfOf(id: number | undefined): number {
    return Math.log((this.live + 1) / ((id === undefined ? 0 : this.df[id]) + 1)) + 1;
  }

  idf(gram: string): number {
    return this.idfOf(this.gramIds.get(gram));
  }

  has(kind: DocKind, id: string): boolean {
    return this.slots.has(keyOf(kind, id));
  }

  private intern(prepared: Prepared): DocGrams {
    const ids = new Int32Array(prepared.full.size);
    const counts = new Uint16Array(prepared.full.size);
    let i = 0;
    for (const [gram, count] of prepared.full) {
      let id = this.gramIds.get(gram);
      if (id === undefined) {
        id = this.df.length;
        this.gramIds.set(gram, id);
        this.df.push(0);
      }
      ids[i] = id;
      counts[i] = Math.min(count, 65535);
      i++;
    }
    return { ids, counts };
  }

  private normOf(grams: DocGrams): number {
    let sum = 0;
    for (let i = 0; i < grams.ids.length; i++) {
      const w = tfWeight(grams.counts[i]) * this.idfOf(grams.ids[i]);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** Adds or replaces a document. */
  upsert(doc: IndexDoc): void {
    this.remove(doc.kind, doc.id);
    const grams = this.intern(prepare(doc));
    const slot = this.docs.length;
    this.docs.push(doc);
    this.docGrams.push(grams);
    this.slots.set(keyOf(doc.kind, doc.id), slot);
    this.live++;
    for (const id of grams.ids) this.df[id]++;
    this.norms.push(this.normOf(grams));
    for (let i = 0; i < grams.ids.length; i++) {
      let list = this.tails.get(grams.ids[i]);
      if (!list) {
        list = new Postings();
        this.tails.set(grams.ids[i], list);
      }
      list.push(slot, tfWeight(grams.counts[i]));
    }
  }

  /** Removes a document (its postings stay and are skipped; `rebuild` compacts them). */
  remove(kind: DocKind, id: string): void {
    const key = keyOf(kind, id);
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.docs[slot] = null;
    const grams = this.docGrams[slot];
    if (grams) for (const gram of grams.ids) this.df[gram]--;
    this.docGrams[slot] = null;
    this.live--;
  }

  /** Replaces the whole content (load from the database), computing norms with the final IDF. */
  rebuild(docs: Iterable<IndexDoc>): void {
    this.docs = [];
    this.norms = [];
    this.docGrams = [];
    this.slots.clear();
    this.gramIds = new Map();
    this.df = [];
    this.tails = new Map();
    this.live = 0;
    for (const doc of docs) {
      const key = keyOf(doc.kind, doc.id);
      const existing = this.slots.get(key);
      if (existing !== undefined) {
        for (const gram of this.docGrams[existing]!.ids) this.df[gram]--;
        this.docs[existing] = null;
        this.docGrams[existing] = null;
        this.live--;
      }
      const grams = this.intern(prepare(doc));
      for (const id of grams.ids) this.df[id]++;
      this.slots.set(key, this.docs.length);
      this.docs.push(doc);
      this.docGrams.push(grams);
      this.live++;
    }
    const offsets = new Int32Array(this.df.length + 1);
    for (const grams of this.docGrams) if (grams) for (const id of grams.ids) offsets[id + 1]++;
    for (let i = 0; i < this.df.length; i++) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, this.df.length);
    const ids = new Int32Array(offsets[this.df.length]);
    const weights = new Float32Array(offsets[this.df.length]);
    this.docGrams.forEach((grams, slot) => {
      this.norms.push(grams ? this.normOf(grams) : 0);
      if (!grams) return;
      for (let i = 0; i < grams.ids.length; i++) {
        const at = fill[grams.ids[i]]++;
        ids[at] = slot;
        weights[at] = tfWeight(grams.counts[i]);
      }
    });
    this.offsets = offsets;
    this.baseIds = ids;
    this.baseWeights = weights;
  }

  /** The ranked hits of a proposal (level high or partial), best first. */
  search(query: DocText, options: SearchOptions = {}): Hit[] {
    const thresholds = options.thresholds ?? THRESHOLDS;
    const limit = options.limit ?? 20;
    const q = prepare(query);
    if (q.full.size === 0 || this.live === 0) return [];
    if (this.acc.length < this.docs.length) this.acc = new Float64Array(this.docs.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    // Selective grams first; the common ones only when the query has few selective grams.
    const terms = [...q.full]
      .map(([gram, count]) => {
        const id = this.gramIds.get(gram);
        return { id: id ?? -1, count, df: id === undefined ? 0 : this.df[id] };
      })
      .filter((t) => t.df > 0)
      .sort((a, b) => a.df - b.df);
    const common = Math.max(200, this.live * 0.05);
    const add = (slot: number, weight: number) => {
      if (this.docs[slot] === null) return;
      if (acc[slot] === 0) touched.push(slot);
      acc[slot] += weight;
    };
    terms.forEach((term, rank) => {
      if (term.df > common && rank >= 12) return;
      const w = tfWeight(term.count) * this.idfOf(term.id) ** 2;
      if (term.id < this.offsets.length - 1) {
        for (let i = this.offsets[term.id]; i < this.offsets[term.id + 1]; i++) {
          add(this.baseIds[i], w * this.baseWeights[i]);
        }
      }
      const tail = this.tails.get(term.id);
      if (tail) for (let i = 0; i < tail.length; i++) add(tail.ids[i], w * tail.weights[i]);
    });
    const ranked: { slot: number; value: number }[] = [];
    for (const slot of touched) {
      const doc = this.docs[slot]!;
      const value = acc[slot] / (this.norms[slot] || 1);
      acc[slot] = 0;
      if (options.filter && !options.filter(doc)) continue;
      const isList = doc.kind === 'unified' || doc.kind === 'negative';
      ranked.push({ slot, value: isList ? Number.POSITIVE_INFINITY : value });
    }
    ranked.sort((a, b) => b.value - a.value);
    const hits: Hit[] = [];
    for (const { slot } of ranked.slice(0, CANDIDATES)) {
      const doc = this.docs[slot]!;
      const candidate = prepare(doc);
      const isList = doc.kind === 'unified' || doc.kind === 'negative';
      const value = isList ? listEntryScore(q, candidate, this) : score(features(q, candidate, this));
      let lvl = level(value, thresholds);
      if (lvl === 'none') continue;
      if (lvl === 'high' && options.cap?.(doc) === 'partial') lvl = 'partial';
      const shared = sharedPhrases(q, candidate);
      hits.push({
        kind: doc.kind,
        id: doc.id,
        name: doc.name,
        detail: doc.detail ?? null,
        score: Math.round(value * 1000) / 1000,
        level: lvl,
        phrases: shared.phrases,
        queryMarks: shared.queryMarks,
        candidateMarks: shared.candidateMarks,
        candidate: { name: doc.name, text: doc.text, items: doc.items },
      });
    }
    return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
  }
}
