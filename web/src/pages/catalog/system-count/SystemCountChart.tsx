import { useMemo } from 'react';
import { EChart } from '../../../components/EChart.tsx';
import type { MonthlyCount } from '../types.ts';
import { systemCountOption } from './chart.ts';

/** The monthly count of live systems with increases in red (echarts, modular build). */
export function SystemCountChart({ months }: { months: MonthlyCount[] }) {
  const option = useMemo(() => systemCountOption(months), [months]);
  return <EChart option={option} height={360} label="各月在册系统数及变化" />;
}
