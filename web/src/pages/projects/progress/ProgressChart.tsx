import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ProgressSeries } from './chart.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Planned vs actual: cumulative funds (bars, 元) and percent done (lines, %), per period. */
export function ProgressChart({ series }: { series: ProgressSeries }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
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
      },
      true,
    );
  }, [series]);
  return (
    <div
      ref={element}
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label="计划与实际进度对比图：各期计划累计资金、实际累计使用资金、计划与实际完成比例"
    />
  );
}
