import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

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
      },
      true,
    );
  }, [labels, values, kind]);
  return <div ref={element} style={{ width: '100%', height }} role="img" aria-label={label} />;
}
