import { useMemo } from 'react';
import { EChart } from '../../../components/EChart.tsx';
import type { ProgressSeries } from './chart.ts';

/** Planned vs actual: cumulative funds (bars, 元) and percent done (lines, %), per period. */
export function ProgressChart({ series }: { series: ProgressSeries }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 80, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: series.periods },
      yAxis: [
        { type: 'value', name: '元' },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        { name: '计划累计资金', type: 'bar', data: series.plannedFunds },
        { name: '实际累计使用', type: 'bar', data: series.actualFunds },
        { name: '计划完成比例', type: 'line', yAxisIndex: 1, data: series.plannedPercent },
        {
          name: '实际完成比例',
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: series.actualPercent,
        },
      ],
    }),
    [series],
  );
  return (
    <EChart
      option={option}
      height={300}
      label="计划与实际进度对比图：各期计划累计资金、实际累计使用资金、计划与实际完成比例"
    />
  );
}
