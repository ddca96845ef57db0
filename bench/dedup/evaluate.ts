/**
 * Precision and recall of 查重 on the labelled set (test/fixtures/dedup): `high` (duplicates) and
 * `high or partial` (duplicates and overlaps), on the training part and on the held-out part.
 * The IDF comes from an index of the 50 existing systems, as in production it comes from the
 * catalog. `--fit` searches thresholds on the training part only.
 *
 *   node --import tsx bench/dedup/evaluate.ts [--fit] [--markdown]
 */
import { features, type Level, level, prepare, score, THRESHOLDS } from '../../src/dedup/engine/compare.ts';
import { DedupIndex } from '../../src/dedup/engine/search-index.ts';
import { CASES } from '../../test/fixtures/dedup/cases.ts';
import { PAIRS, type Pair } from '../../test/fixtures/dedup/pairs.ts';

const index = new DedupIndex();
index.rebuild(
  CASES.map((c, i) => ({ kind: 'system' as const, id: String(i), jurisdictionId: 'j', ...c.system })),
);

const scored = PAIRS.map((pair) => ({
  pair,
  value: score(features(prepare(pair.proposal), prepare(pair.existing), index)),
}));
/** The same pairs without function lists on either side (name and text only): weaker evidence. */
const textOnlyIndex = new DedupIndex();
textOnlyIndex.rebuild(
  CASES.map((c, i) => ({
    kind: 'system' as const,
    id: String(i),
    jurisdictionId: 'j',
    ...c.system,
    items: [],
  })),
);
const textOnly = PAIRS.map((pair) => ({
  pair,
  value: score(
    features(
      prepare({ ...pair.proposal, items: [] }),
      prepare({ ...pair.existing, items: [] }),
      textOnlyIndex,
    ),
  ),
}));

interface Metrics {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

function metrics(
  rows: typeof scored,
  positive: (l: Level) => boolean,
  th: { high: number; partial: number },
): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { pair, value } of rows) {
    const predicted = positive(level(value, th));
    const actual = positive(pair.label);
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    tp,
    fp,
    fn,
  };
}

const isHigh = (l: Level) => l === 'high';
const isAny = (l: Level) => l !== 'none';
const train = scored.filter((s) => !s.pair.heldOut);
const test = scored.filter((s) => s.pair.heldOut);

let th: { high: number; partial: number } = { high: THRESHOLDS.high, partial: THRESHOLDS.partial };
if (process.argv.includes('--fit')) {
  let best = { key: -1, th };
  for (let h = 0.2; h <= 0.9; h += 0.01) {
    for (let p = 0.1; p < h; p += 0.01) {
      const candidate = { high: h, partial: p };
      const a = metrics(train, isHigh, candidate);
      const b = metrics(train, isAny, candidate);
      // Duplicates first: recall at precision ≥ 0.9, then overlaps by F1.
      const f1 = (m: Metrics) => (2 * m.precision * m.recall) / (m.precision + m.recall || 1);
      const key = (a.precision >= 0.9 ? 10 : 0) + f1(a) * 2 + f1(b);
      if (key > best.key) best = { key, th: candidate };
    }
  }
  th = { high: Math.round(best.th.high * 100) / 100, partial: Math.round(best.th.partial * 100) / 100 };
  console.log('fitted on the training part:', th);
}

// Top hit: does the restated system rank first among all 50 for each restatement?
function topHit(rows: Pair[]): number {
  const restated = rows.filter((p) => p.kind === 'restated');
  let ok = 0;
  for (const pair of restated) {
    const hits = index.search(pair.proposal, { thresholds: th, limit: 1 });
    if (hits[0]?.id === String(pair.existingCase) && hits[0].level === 'high') ok++;
  }
  return ok / restated.length;
}

const fmt = (m: Metrics) => `${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.tp}/${m.fp}/${m.fn}`;
const lines = [
  `thresholds: high ≥ ${th.high}, partial ≥ ${th.partial}`,
  '',
  '| part | pairs | high: precision | high: recall | high: TP/FP/FN | high or partial: precision | recall | TP/FP/FN | restated system is the top `high` hit |',
  '|---|---|---|---|---|---|---|---|---|',
  ...(
    [
      ['training', train],
      ['held out', test],
      ['all', scored],
    ] as const
  ).map(([name, rows]) => {
    const pairs = rows.map((r) => r.pair);
    return `| ${name} | ${rows.length} | ${fmt(metrics(rows, isHigh, th))} | ${fmt(metrics(rows, isAny, th))} | ${topHit(pairs).toFixed(3)} |`;
  }),
];
lines.push(
  '',
  'Without function lists (names and texts only), same thresholds:',
  '',
  '| part | pairs | high: precision | high: recall | high: TP/FP/FN | high or partial: precision | recall | TP/FP/FN |',
  '|---|---|---|---|---|---|---|---|',
  ...(
    [
      ['training', textOnly.filter((s) => !s.pair.heldOut)],
      ['held out', textOnly.filter((s) => s.pair.heldOut)],
    ] as const
  ).map(
    ([name, rows]) =>
      `| ${name} | ${rows.length} | ${fmt(metrics(rows, isHigh, th))} | ${fmt(metrics(rows, isAny, th))} |`,
  ),
);
console.log(lines.join('\n'));
if (process.argv.includes('--errors')) {
  for (const { pair, value } of scored) {
    const got = level(value, th);
    if (got !== pair.label)
      console.log(
        pair.id,
        pair.kind,
        pair.label,
        '→',
        got,
        value.toFixed(3),
        pair.proposal.name,
        '|',
        pair.existing.name,
      );
  }
}
