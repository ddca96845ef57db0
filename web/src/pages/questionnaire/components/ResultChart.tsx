import { useMemo } from 'react';
import { EChart } from '../../../components/EChart.tsx';

/** One bar (or line) chart of labelled counts (echarts, canvas). */
export function CountChart({
  labels,
  values,
  kind = 'bar',
  label,
  height = 220,
}: {
  labels: string[];
  values: number[];
  kind?: 'bar' | 'line';
  label: string;
  height?: number;
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '人数',
          type: kind,
          data: values,
          barMaxWidth: 48,
          label: { show: kind === 'bar', position: 'top' },
        },
      ],
    }),
    [labels, values, kind],
  );
  return <EChart option={option} height={height} label={label} />;
}
