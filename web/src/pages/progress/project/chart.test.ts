import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressSeries } from './chart.ts';

test('DT-20 the chart shows cumulative planned funds and planned percent against each report', () => {
  const s = progressSeries(
    {
      baselineVersion: 1,
      startOn: '2026-10-01',
      milestones: [
        { name: '需求分析', plannedOn: '2026-10-31' },
        { name: '系统开发', plannedOn: '2026-12-31' },
      ],
      plannedFunds: [
        { period: '2026-10', amount: '200000.00' },
        { period: '2026-12', amount: '300000.00' },
      ],
      totalBudget: '500000.00',
      changeRequestId: null,
      createdAt: '2026-09-28T02:00:00.000Z',
    },
    [
      {
        id: 'r1',
        period: '2026-11',
        asOf: '2026-11-30',
        baselineVersion: 1,
        milestones: [],
        percentDone: 40,
        fundsUsed: '250000.00',
        note: '',
        reportedByName: '高敏',
        reportedOn: '2026-12-02',
        variance: null,
      },
    ],
  );
  assert.deepEqual(s.periods, ['2026-10', '2026-11', '2026-12']);
  assert.deepEqual(s.plannedFunds, [200000, 200000, 500000]);
  assert.deepEqual(s.plannedPercent, [50, 50, 100]);
  assert.deepEqual(s.actualFunds, [null, 250000, null]);
  assert.deepEqual(s.actualPercent, [null, 40, null]);
});
