/**
 * The 只减不增 chart (DT-01) as data: an echarts option from the monthly counts — the count as a
 * line, the change as bars, every month with an increase in red. Pure, tested under Node.
 */
import { escapeHtml } from '../../../escape-html.ts';
import type { MonthlyCount } from '../types.ts';

export const INCREASE_COLOR = '#cf1322';
const LINE_COLOR = '#1677ff';
const DECREASE_COLOR = '#389e0d';
const FLAT_COLOR = '#bfbfbf';

export function changeColor(month: Pick<MonthlyCount, 'increased' | 'change'>): string {
  if (month.increased) return INCREASE_COLOR;
  return month.change < 0 ? DECREASE_COLOR : FLAT_COLOR;
}

export function systemCountOption(months: readonly MonthlyCount[]) {
  return {
    color: [LINE_COLOR],
    grid: { left: 48, right: 48, top: 64, bottom: 64 },
    legend: { data: ['在册系统数', '较上月变化'], bottom: 8 },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      // echarts inserts the formatter's string as HTML: system names in the explanation are
      // stored text and must not become markup (issue 9 item 3).
      formatter: (params: { dataIndex: number }[]) => {
        const month = months[params[0]?.dataIndex ?? 0];
        return month ? escapeHtml(month.explanation) : '';
      },
    },
    xAxis: { type: 'category' as const, data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value' as const, name: '系统数', minInterval: 1 },
      { type: 'value' as const, name: '变化', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: '在册系统数',
        type: 'line' as const,
        data: months.map((m) => ({
          value: m.count,
          itemStyle: { color: m.increased ? INCREASE_COLOR : LINE_COLOR },
          symbolSize: m.increased ? 12 : 6,
        })),
        lineStyle: { color: LINE_COLOR },
        markPoint: {
          symbol: 'pin',
          symbolSize: 44,
          itemStyle: { color: INCREASE_COLOR },
          label: { formatter: '增加' },
          data: months.flatMap((m, i) =>
            m.increased ? [{ name: `${m.month} 增加`, coord: [i, m.count], value: m.change }] : [],
          ),
        },
      },
      {
        name: '较上月变化',
        type: 'bar' as const,
        yAxisIndex: 1,
        barMaxWidth: 24,
        data: months.map((m) => ({ value: m.change, itemStyle: { color: changeColor(m) } })),
      },
    ],
  };
}
