import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canonicalItemName,
  findNameDuplicates,
  NEAR_SAME_THRESHOLD,
  normaliseName,
  similarity,
} from './dedupe.ts';
import { findSingleSourceConflicts, type SingleSourceResource, subjectKeys } from './single-source.ts';

describe('name normalisation and exact duplicates (查重)', () => {
  test('full-width letters and digits, spaces and Chinese punctuation are folded away', () => {
    assert.equal(normaliseName('  企业（法人）基本信息【２０２４】 '), '企业法人基本信息2024');
    assert.equal(normaliseName('《人口·户籍》信息、查询，系统。'), '人口户籍信息查询系统');
    assert.equal(normaliseName('ＯＡ办公_系统-V2'), 'oa办公系统v2');
    assert.equal(normaliseName('电子\u3000证照\u200b库'), '电子证照库');
  });

  test('resource names that differ only by spaces or punctuation are duplicates', () => {
    const existing = [
      { id: 'a', name: '企业基本信息' },
      { id: 'b', name: '企业（个体）基本信息' },
      { id: 'c', name: '企业年报信息' },
    ];
    assert.deepEqual(
      findNameDuplicates(' 企业 基本信息。', existing).map((e) => e.id),
      ['a'],
    );
    assert.deepEqual(
      findNameDuplicates('企业【个体】基本信息', existing).map((e) => e.id),
      ['b'],
    );
    assert.deepEqual(findNameDuplicates('企业基本情况', existing), []);
    assert.deepEqual(findNameDuplicates('（ ）', existing), []);
  });
});

describe('similarity of data-item names', () => {
  test('身份证号 vs 公民身份号码 are the same item (synonym table)', () => {
    assert.equal(similarity('身份证号', '公民身份号码'), 1);
    assert.equal(similarity('居民身份证号码', '身份证号'), 1);
    assert.equal(canonicalItemName('身份证号码'), '公民身份号码');
  });

  test('法定代表人 vs 法定代表人姓名 match', () => {
    assert.ok(similarity('法定代表人', '法定代表人姓名') >= NEAR_SAME_THRESHOLD);
  });

  test('企业名称 vs 企业注册地址 must NOT match', () => {
    assert.ok(similarity('企业名称', '企业注册地址') < NEAR_SAME_THRESHOLD);
    assert.equal(similarity('企业名称', '企业注册地址'), 0.25);
  });

  test('conservative synonyms: 联系电话 is not 手机号码, 姓名 is not 名称, 单位名称 is not 企业名称', () => {
    assert.equal(similarity('手机号', '手机号码'), 1);
    assert.equal(similarity('移动电话', '手机号码'), 1);
    assert.ok(similarity('联系电话', '手机号码') < NEAR_SAME_THRESHOLD);
    assert.ok(similarity('姓名', '名称') < NEAR_SAME_THRESHOLD);
    assert.ok(similarity('单位名称', '企业名称') < NEAR_SAME_THRESHOLD);
  });

  test('a name plus a distinguishing suffix is another attribute: 企业名称 vs 企业名称代码, 姓名 vs 姓名拼音', () => {
    assert.equal(similarity('企业名称', '企业名称代码'), 0);
    assert.equal(similarity('法定代表人姓名', '法定代表人姓名拼音'), 0);
    assert.equal(similarity('开户银行', '开户银行代码'), 0);
  });

  test('near-same spellings match; unrelated dates do not', () => {
    assert.ok(similarity('车牌号', '车牌号码') >= NEAR_SAME_THRESHOLD);
    assert.ok(similarity('统一社会信用代码', '统一社会信用代码（法人）') >= NEAR_SAME_THRESHOLD);
    assert.ok(similarity('发证日期', '发证机关') < NEAR_SAME_THRESHOLD);
    assert.ok(similarity('开始日期', '结束日期') < NEAR_SAME_THRESHOLD);
    assert.equal(similarity('', '姓名'), 0);
  });

  test('similarity is symmetric', () => {
    const names = [
      '法定代表人',
      '法定代表人姓名',
      '企业名称',
      '企业名',
      '身份证号',
      '公民身份号码',
      '车牌号码',
    ];
    for (const a of names)
      for (const b of names) assert.equal(similarity(a, b), similarity(b, a), `${a}/${b}`);
  });
});

const resource = (
  id: string,
  provider: string,
  registeredAt: string,
  items: string[],
  code = '301001001/000001',
  relatedCodes: string[] = [],
): SingleSourceResource => ({
  id,
  code,
  relatedCodes,
  name: `${provider}资源${id}`,
  provider,
  registeredAt,
  dataItems: items.map((name) => ({ name })),
});

describe('一数一源 (SC-26)', () => {
  test('SC-26 flags the same data item registered by two departments with the earlier provider as source', () => {
    const market = resource(
      'm1',
      '市市场监督管理局',
      '2024-01-10T09:00:00+08:00',
      ['统一社会信用代码', '企业名称', '法定代表人'],
      '301001001/000001',
      ['102001001/000001'],
    );
    const tax = resource(
      't1',
      '市税务局',
      '2024-03-05T09:00:00+08:00',
      ['纳税人识别号', '法定代表人姓名', '企业注册地址'],
      '302001001/000001',
      ['102001001/000002'],
    );
    const conflicts = findSingleSourceConflicts([tax, market]);
    assert.equal(conflicts.length, 1);
    const [conflict] = conflicts;
    assert.equal(conflict.article, 'SC-26');
    assert.equal(conflict.itemName, '法定代表人');
    assert.deepEqual(conflict.departments, ['市市场监督管理局', '市税务局']);
    assert.equal(conflict.proposedSource.provider, '市市场监督管理局');
    assert.equal(conflict.proposedSource.resourceId, 'm1');
    assert.deepEqual(
      conflict.resources.map((r) => `${r.provider}:${r.itemName}`),
      ['市市场监督管理局:法定代表人', '市税务局:法定代表人姓名'],
    );
    assert.equal(conflict.score, 1, '法定代表人姓名 is a listed synonym of 法定代表人');
    assert.deepEqual(conflict.subjects, ['102001']);
    assert.match(conflict.message, /建议以最早登记的市市场监督管理局为唯一数据来源/);
  });

  test('SC-26 groups three departments registering 身份证号 / 公民身份号码 / 身份证号码 into one conflict', () => {
    const related = ['101001001/000001'];
    const police = resource(
      'p',
      '市公安局',
      '2023-05-01',
      ['公民身份号码', '姓名'],
      '301001001/000001',
      related,
    );
    const civil = resource(
      'c',
      '市民政局',
      '2023-08-01',
      ['身份证号', '低保类别'],
      '303001001/000001',
      related,
    );
    const health = resource(
      'h',
      '市卫健委',
      '2023-02-01',
      ['身份证号码', '出生医学证明编号'],
      '304001001/000001',
      related,
    );
    const conflicts = findSingleSourceConflicts([police, civil, health]);
    const idConflict = conflicts.find((c) => c.resources.some((r) => r.itemName === '公民身份号码'));
    assert.ok(idConflict);
    assert.deepEqual(idConflict.departments, ['市卫健委', '市公安局', '市民政局']);
    assert.equal(idConflict.proposedSource.provider, '市卫健委');
    assert.equal(idConflict.score, 1);
    const nameConflict = conflicts.find((c) => c.itemName === '姓名');
    assert.equal(nameConflict, undefined, '姓名 is registered by one department only');
  });

  test('SC-26 near-same item names (车牌号 / 车牌号码) are flagged with their similarity as score', () => {
    const a = resource('a', '市交通运输局', '2022-11-01', ['车牌号码', '道路运输证号'], '102003001/000001');
    const b = resource('b', '市公安局', '2023-04-01', ['车牌号', '车辆识别代号'], '102003001/000002');
    const conflicts = findSingleSourceConflicts([a, b]);
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0].itemName, '车牌号码');
    assert.equal(conflicts[0].score, 0.8);
    assert.equal(conflicts[0].proposedSource.provider, '市交通运输局');
  });

  test('SC-26 a distinguishing attribute (法定代表人姓名拼音) does not join the 法定代表人 conflict', () => {
    const related = ['102001001/000001'];
    const a = resource('a', '市市场监督管理局', '2022-01-01', ['法定代表人'], '301001001/000001', related);
    const b = resource('b', '市税务局', '2022-06-01', ['法定代表人姓名'], '302001001/000001', related);
    const c = resource('c', '市商务局', '2023-01-01', ['法定代表人姓名拼音'], '303001001/000001', related);
    const conflicts = findSingleSourceConflicts([a, b, c]);
    assert.equal(conflicts.length, 1);
    assert.deepEqual(conflicts[0].departments, ['市市场监督管理局', '市税务局']);
  });

  test('SC-26 does not flag items of the same department', () => {
    const a = resource('a1', '市公安局', '2023-01-01', ['公民身份号码'], '301001001/000001');
    const b = resource('a2', '市公安局', '2023-02-01', ['身份证号'], '301001001/000002');
    assert.deepEqual(findSingleSourceConflicts([a, b]), []);
  });

  test('SC-26 does not compare resources of different subjects', () => {
    const a = resource('a', '市公安局', '2023-01-01', ['公民身份号码'], '101001001/000001');
    const b = resource('b', '市民政局', '2023-02-01', ['身份证号'], '101002001/000001');
    assert.deepEqual(subjectKeys(a), ['101001']);
    assert.deepEqual(subjectKeys(b), ['101002']);
    assert.deepEqual(findSingleSourceConflicts([a, b]), []);
  });

  test('SC-26 a 主题 subject is its 项: 201001 and 201005 resources are the same subject', () => {
    assert.deepEqual(subjectKeys({ code: '201005002/000001' }), ['201']);
    const a = resource('a', '市发改委', '2023-01-01', ['信用评价等级'], '201001001/000001');
    const b = resource('b', '市商务局', '2023-06-01', ['信用评价等级'], '201005002/000001');
    const conflicts = findSingleSourceConflicts([a, b]);
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0].proposedSource.provider, '市发改委');
  });

  test('SC-26 企业名称 and 企业注册地址 of two departments are not a conflict', () => {
    const a = resource('a', '市市场监督管理局', '2023-01-01', ['企业名称'], '102001001/000001');
    const b = resource('b', '市税务局', '2023-06-01', ['企业注册地址'], '102001001/000002');
    assert.deepEqual(findSingleSourceConflicts([a, b]), []);
  });

  test('SC-26 equal registration times fall back to a stable order and the result is deterministic', () => {
    const a = resource('a', '乙局', '2023-01-01', ['手机号码'], '102001001/000001');
    const b = resource('b', '甲局', '2023-01-01', ['手机号'], '102001001/000002');
    const first = findSingleSourceConflicts([a, b]);
    const second = findSingleSourceConflicts([b, a]);
    assert.deepEqual(first, second);
    assert.equal(first[0].proposedSource.provider, '乙局'.localeCompare('甲局') < 0 ? '乙局' : '甲局');
  });

  test('an invalid registration time is refused', () => {
    assert.throws(
      () => findSingleSourceConflicts([resource('a', '甲局', 'not a date', ['姓名'])]),
      RangeError,
    );
  });
});
