import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { LedgerRow } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The ledger per year: budgeted, approved and disbursed, construction and O&M (echarts, canvas). */
export function LedgerChart({ rows }: { rows: LedgerRow[] }) {
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
    const n = (v: string) => Number(v);
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 80, right: 24, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
        yAxis: { type: 'value', name: '元' },
        series: [
          { name: '申报预算', type: 'bar', data: rows.map((r) => n(r.budgeted)) },
          {
            name: '审定建设资金',
            type: 'bar',
            stack: 'approved',
            data: rows.map((r) => n(r.approvedConstruction)),
          },
          { name: '审定运维经费', type: 'bar', stack: 'approved', data: rows.map((r) => n(r.approvedOm)) },
          {
            name: '已拨建设资金',
            type: 'bar',
            stack: 'paid',
            data: rows.map((r) => n(r.disbursedConstruction)),
          },
          { name: '已拨运维经费', type: 'bar', stack: 'paid', data: rows.map((r) => n(r.disbursedOm)) },
        ],
      },
      true,
    );
  }, [rows]);
  return (
    <div
      ref={element}
      style={{ width: '100%', height: 320 }}
      role="img"
      aria-label="项目资金台账（按年度）"
    />
  );
}
