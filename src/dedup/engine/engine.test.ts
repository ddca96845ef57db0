import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASES } from '../../../test/fixtures/dedup/cases.ts';
import {
  containment,
  cosine,
  FLAT_IDF,
  features,
  level,
  listEntryScore,
  prepare,
  score,
  sharedPhrases,
} from './compare.ts';
import { DedupIndex } from './search-index.ts';
import { fold, grams, keyLabel, runs } from './text.ts';

test('folding: synonyms become one unit, buzzwords and place names break runs, spans point into the original', () => {
  const text = '大同市智慧养老平台：审核与审批';
  const units = fold(text).filter((u) => u !== null);
  const labels = units.map((u) => keyLabel(u!.key));
  assert.deepEqual(labels, ['养老', '审批', '审批']);
  const first = units[0]!;
  assert.equal(text.slice(first.start, first.end), '养老');
  const review = units[1]!;
  assert.equal(text.slice(review.start, review.end), '审核');
  assert.equal(runs(fold('婚姻智能登记')).length, 2);
});

test('folding: full-width letters fold to ASCII and Latin runs stay comparable', () => {
  assert.deepEqual(grams(fold('ＯＡ办公')), grams(fold('oa办公')));
});

test('cosine and containment: same text 1, nothing shared 0', () => {
  const a = prepare({ name: '婚姻登记管理', text: '', items: [] });
  const b = prepare({ name: '森林防火监测', text: '', items: [] });
  assert.ok(Math.abs(cosine(a.full, a.full, FLAT_IDF) - 1) < 1e-9);
  assert.equal(cosine(a.full, b.full, FLAT_IDF), 0);
  assert.equal(containment(a.full, b.full, FLAT_IDF), 0);
  assert.equal(containment(a.full, a.full, FLAT_IDF), 1);
});

test('a restatement in other words scores high; an unrelated system of the same domain does not', () => {
  const index = new DedupIndex();
  index.rebuild(
    CASES.map((c, i) => ({ kind: 'system' as const, id: String(i), jurisdictionId: 'j', ...c.system })),
  );
  const elderly = CASES[0];
  const restated = score(features(prepare(elderly.dup), prepare(elderly.system), index));
  assert.equal(level(restated), 'high');
  const other = score(features(prepare(elderly.dup), prepare(CASES[1].system), index));
  assert.equal(level(other), 'none');
  const hits = index.search(elderly.dup);
  assert.equal(hits[0].id, '0');
  assert.equal(hits[0].level, 'high');
  assert.ok(hits[0].phrases.length > 0);
  assert.ok(
    hits.every((h) => h.id === '0' || h.level !== 'high'),
    'no other system is a high hit',
  );
});

test('shared phrases are highlighted in both original texts, synonyms included', () => {
  const q = prepare({ name: '长者上门服务', text: '', items: ['补助结算'] });
  const c = prepare({ name: '老年人上门服务', text: '', items: ['服务补贴结算'] });
  const shared = sharedPhrases(q, c);
  assert.ok(shared.phrases.includes('老年人上门服务'), shared.phrases.join(','));
  const qName = shared.queryMarks.find((m) => m.field === 'name')!;
  assert.equal('长者上门服务'.slice(qName.start, qName.end), '长者上门服务');
  const cItems = shared.candidateMarks.filter((m) => m.field === 'items' && m.index === 0);
  assert.ok(cItems.some((m) => '服务补贴结算'.slice(m.start, m.end) === '补贴结算'));
});

test('a list entry matches when one of its key phrases is wholly in the proposal', () => {
  const entry = prepare({ name: '部门自建机房', text: '', items: ['自建机房', '服务器'] });
  const proposal = prepare({ name: '应急指挥中心', text: '新建本部门数据中心并采购存储设备', items: [] });
  const value = listEntryScore(proposal, entry, FLAT_IDF);
  assert.equal(value, 1);
  const unrelated = prepare({ name: '婚姻登记', text: '网上预约', items: [] });
  assert.equal(listEntryScore(unrelated, entry, FLAT_IDF), 0);
});

test('index: upsert replaces, remove forgets, the filter scopes the candidates', () => {
  const index = new DedupIndex();
  const doc = { kind: 'system' as const, id: 'a', jurisdictionId: 'j1', ...CASES[2].system };
  index.upsert(doc);
  index.upsert({ ...doc, name: '婚姻登记系统' });
  assert.equal(index.size, 1);
  assert.equal(index.search(CASES[2].dup)[0].name, '婚姻登记系统');
  assert.deepEqual(index.search(CASES[2].dup, { filter: (d) => d.jurisdictionId === 'j2' }), []);
  index.remove('system', 'a');
  assert.equal(index.size, 0);
  assert.deepEqual(index.search(CASES[2].dup), []);
});
