import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkPointComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One echarts chart (modular build, canvas) that follows its container's width; `option` replaces
 * the previous one whenever it changes, so callers memoise it. `label` is read out in its place.
 * With `onDrill`, a click on a data item that carries `drill` (a URL) calls `onDrill(drill)`.
 */
export function EChart({
  option,
  height = 320,
  label,
  onDrill,
  testId,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  onDrill?: (url: string) => void;
  testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const drill = useRef(onDrill);
  drill.current = onDrill;
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (params) => {
      const url = (params.data as { drill?: string } | undefined)?.drill;
      if (url) drill.current?.(url);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <div ref={element} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />
  );
}
