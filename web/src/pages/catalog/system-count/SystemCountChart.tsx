import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { MonthlyCount } from '../types.ts';
import { systemCountOption } from './chart.ts';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkPointComponent,
  CanvasRenderer,
]);

/** The monthly count of live systems with increases in red (echarts, modular build). */
export function SystemCountChart({ months }: { months: MonthlyCount[] }) {
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
    chart.current?.setOption(systemCountOption(months), true);
  }, [months]);

  return (
    <div ref={element} style={{ width: '100%', height: 360 }} role="img" aria-label="各月在册系统数及变化" />
  );
}
