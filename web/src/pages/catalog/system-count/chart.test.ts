import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MonthlyCount } from '../types.ts';
import { INCREASE_COLOR, systemCountOption } from './chart.ts';

const month = (m: string, count: number, previousCount: number, explanation = ''): MonthlyCount => ({
  month: m,
  count,
  previousCount,
  change: count - previousCount,
  added: [],
  retired: [],
  merged: [],
  increased: count > previousCount,
  article: 'DT-01',
  explanation,
});

describe('只减不增 chart (DT-01)', () => {
  it('DT-01 marks every month with an increase in red and explains it in the tooltip', () => {
    const months = [
      month('2026-05', 11, 11),
      month('2026-06', 12, 11, '新增 “预约挂号”'),
      month('2026-09', 10, 12),
    ];
    const option = systemCountOption(months);
    const [line, bars] = option.series;
    assert.deepEqual(
      line.data.map((d) => d.itemStyle.color === INCREASE_COLOR),
      [false, true, false],
    );
    assert.deepEqual(
      line.markPoint?.data.map((p) => p.name),
      ['2026-06 增加'],
    );
    assert.deepEqual(
      bars.data.map((d) => d.value),
      [0, 1, -2],
    );
    assert.equal(bars.data[1].itemStyle.color, INCREASE_COLOR);
    assert.notEqual(bars.data[2].itemStyle.color, INCREASE_COLOR);
    assert.equal(option.tooltip.formatter([{ dataIndex: 1 }]), '新增 “预约挂号”');
  });

  it('a system name with markup shows as text in the tooltip (issue 9 item 3)', () => {
    const option = systemCountOption([
      month('2026-06', 12, 11, '新增 “<a href="https://evil.example">点此</a><style>*{color:red}</style>”'),
    ]);
    const html = option.tooltip.formatter([{ dataIndex: 0 }]);
    assert.ok(!html.includes('<a') && !html.includes('<style'), html);
    assert.ok(html.includes('&lt;style&gt;'), html);
  });
});
