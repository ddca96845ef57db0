import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One echarts chart; a click on a data item with `drill` calls `onDrill(drill)`. */
export function EChart({
  option,
  onDrill,
  height = 320,
  label,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  onDrill: (url: string) => void;
  height?: number;
  label: string;
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
      if (url) drill.current(url);
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
