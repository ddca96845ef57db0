import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DepartmentResult } from '../../api.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The departments' scores as a bar chart (echarts). */
export function ResultsChart({ results }: { results: DepartmentResult[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: {},
      grid: { left: 160, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: results.map((r) => r.organisationName).reverse() },
      series: [
        {
          type: 'bar',
          data: results
            .map((r) => ({
              value: r.score,
              itemStyle: {
                color:
                  r.score >= 90
                    ? '#52c41a'
                    : r.score >= 75
                      ? '#1677ff'
                      : r.score >= 60
                        ? '#faad14'
                        : '#ff4d4f',
              },
            }))
            .reverse(),
          label: { show: true, position: 'right' },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [results]);
  return (
    <div
      ref={element}
      style={{ width: '100%', height: Math.max(160, results.length * 48) }}
      role="img"
      aria-label="各部门考核得分"
    />
  );
}
