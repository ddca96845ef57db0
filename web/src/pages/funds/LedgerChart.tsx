import { useMemo } from 'react';
import { EChart } from '../../components/EChart.tsx';
import type { LedgerRow } from './types.ts';

/** The ledger per year: budgeted, approved and disbursed, construction and O&M (echarts, canvas). */
export function LedgerChart({ rows }: { rows: LedgerRow[] }) {
  const option = useMemo(() => {
    const n = (v: string) => Number(v);
    return {
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
    };
  }, [rows]);
  return <EChart option={option} height={320} label="项目资金台账（按年度）" />;
}
