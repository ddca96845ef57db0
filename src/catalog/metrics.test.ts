import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../platform/errors.ts';
import { monthlySystemCounts, monthOf, type SystemLifeRecord } from './metrics.ts';

const datong: SystemLifeRecord[] = [
  { id: 's1', name: '城市管理平台', jurisdiction: '140200', createdAt: '2021-03-01' },
  {
    id: 's2',
    name: '数字城管系统',
    jurisdiction: '140200',
    createdAt: '2021-05-10',
    mergedInto: 's1',
    mergedAt: '2024-02-20',
  },
  {
    id: 's3',
    name: '公文交换系统',
    jurisdiction: '140200',
    createdAt: '2022-01-01',
    retiredAt: '2024-03-15',
  },
  { id: 's4', name: '应急指挥系统', jurisdiction: '140200', createdAt: '2024-03-04' },
  { id: 's5', name: '智慧停车系统', jurisdiction: '140200', createdAt: '2024-04-08' },
  {
    id: 's6',
    name: '协同办公系统',
    jurisdiction: '140200',
    createdAt: '2022-06-01',
    statusHistory: [
      { status: 'in_operation', at: '2022-06-01' },
      { status: 'suspended', at: '2024-01-10' },
      { status: 'retired', at: '2024-05-31' },
    ],
  },
  { id: 'x1', name: '朔城区政务服务系统', jurisdiction: '140602', createdAt: '2024-03-01' },
];

describe('只减不增: monthly count of live systems (DT-01)', () => {
  test('DT-01 the monthly count shows an increase flagged and a retirement decreasing it', () => {
    const months = monthlySystemCounts(datong, '140200', '2024-01', '2024-05');
    assert.deepEqual(
      months.map((m) => [m.month, m.count, m.change, m.increased]),
      [
        ['2024-01', 4, 0, false],
        ['2024-02', 3, -1, false],
        ['2024-03', 3, 0, false],
        ['2024-04', 4, 1, true],
        ['2024-05', 3, -1, false],
      ],
    );
    const april = months[3];
    assert.deepEqual(april.added, [{ id: 's5', name: '智慧停车系统' }]);
    assert.equal(april.article, 'DT-01');
    assert.match(april.explanation, /较上月增加 1 个；新增 “智慧停车系统”。系统总量只减不增/);
    const may = months[4];
    assert.deepEqual(may.retired, [{ id: 's6', name: '协同办公系统' }]);
    assert.equal(may.increased, false);
  });

  test('DT-01 a merge is explained as merged into the surviving system; an addition offset by a retirement is no increase', () => {
    const months = monthlySystemCounts(datong, '140200', '2024-02', '2024-03');
    assert.deepEqual(months[0].merged, [
      { id: 's2', name: '数字城管系统', into: 's1', intoName: '城市管理平台' },
    ]);
    assert.match(months[0].explanation, /并入 “数字城管系统”→“城市管理平台”/);
    const march = months[1];
    assert.deepEqual(
      march.added.map((s) => s.id),
      ['s4'],
    );
    assert.deepEqual(
      march.retired.map((s) => s.id),
      ['s3'],
    );
    assert.equal(march.change, 0);
    assert.equal(march.increased, false);
    assert.match(march.explanation, /与上月持平/);
  });

  test('a suspended (停用) system still counts until it is retired', () => {
    const [january] = monthlySystemCounts(datong, '140200', '2024-01', '2024-01');
    assert.equal(january.count, 4);
  });

  test('other jurisdictions are not counted', () => {
    const months = monthlySystemCounts(datong, '140602', '2024-02', '2024-03');
    assert.deepEqual(
      months.map((m) => [m.count, m.increased]),
      [
        [0, false],
        [1, true],
      ],
    );
  });

  test('instants are placed in their China (UTC+8) month', () => {
    assert.equal(monthOf(new Date('2024-03-31T16:30:00Z')), '2024-04');
    assert.equal(monthOf('2024-03-31T15:59:59Z'), '2024-03');
    assert.equal(monthOf('2024-03-31'), '2024-03');
    const systems: SystemLifeRecord[] = [
      { id: 'a', name: '甲', jurisdiction: 'j', createdAt: new Date('2024-03-31T17:00:00Z') },
    ];
    const months = monthlySystemCounts(systems, 'j', '2024-03', '2024-04');
    assert.deepEqual(
      months.map((m) => m.count),
      [0, 1],
    );
  });

  test('bad ranges and a merge without a date are refused with DomainErrors', () => {
    assert.throws(
      () => monthlySystemCounts([], 'j', '2024-05', '2024-01'),
      (e) => e instanceof DomainError && e.code === 'METRIC_RANGE_INVALID',
    );
    assert.throws(
      () => monthlySystemCounts([], 'j', '2024-13', '2025-01'),
      (e) => e instanceof DomainError && e.code === 'METRIC_MONTH_INVALID',
    );
    assert.throws(
      () =>
        monthlySystemCounts(
          [{ id: 'a', name: '甲', jurisdiction: 'j', createdAt: '2020-01-01', mergedInto: 'b' }],
          'j',
          '2024-01',
          '2024-02',
        ),
      (e) => e instanceof DomainError && e.code === 'METRIC_MERGE_DATE_MISSING',
    );
  });
});
