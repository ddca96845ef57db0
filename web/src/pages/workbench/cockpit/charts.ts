/**
 * echarts options of the cockpit, pure (no DOM) so they are tested under Node. Each data item
 * carries `drill`: the list URL behind that figure.
 */
import type { ApiResponse } from '../../../api/client.ts';

/** GET /api/cockpit (generated from the OpenAPI document, web/src/api/schema.ts). */
export type CockpitData = ApiResponse<'/api/cockpit', 'get'>;

export const STATE_COLORS: Record<string, string> = {
  draft: '#bfbfbf',
  returned: '#faad14',
  withdrawn: '#d9d9d9',
  in_review: '#1677ff',
  in_approval: '#722ed1',
  established: '#52c41a',
  refused: '#ff4d4f',
};

/** The project list filtered like the figure. */
export function drillUrl(filters: { state?: string; organisationId?: string }): string {
  const q = new URLSearchParams();
  if (filters.state) q.set('state', filters.state);
  if (filters.organisationId) q.set('organisationId', filters.organisationId);
  const s = q.toString();
  return s ? `/projects/list?${s}` : '/projects/list';
}

const wan = (yuan: string) => Math.round(Number(yuan) / 100) / 100;

export function stateOption(data: CockpitData) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        label: { formatter: '{b}\n{c}' },
        data: data.byState.map((s) => ({
          name: s.stateName,
          value: s.count,
          itemStyle: { color: STATE_COLORS[s.state] },
          drill: drillUrl({ state: s.state }),
        })),
      },
    ],
  };
}

export function departmentOption(data: CockpitData) {
  const departments = data.byDepartment.slice(0, 15);
  const states = [...new Set(departments.flatMap((d) => d.states.map((s) => s.state)))];
  const name = (state: string) => data.byState.find((s) => s.state === state)?.stateName ?? state;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: departments.map((d) => d.organisationName) },
    series: states.map((state) => ({
      name: name(state),
      type: 'bar',
      stack: 'total',
      itemStyle: { color: STATE_COLORS[state] },
      data: departments.map((d) => ({
        value: d.states.find((s) => s.state === state)?.count ?? 0,
        drill: drillUrl({ state, organisationId: d.organisationId }),
      })),
    })),
  };
}

export function moneyOption(data: CockpitData) {
  const years = [...new Set([...data.moneyByYear, ...data.disbursedByYear].map((m) => m.year))].sort();
  const money = (year: number) => data.moneyByYear.find((m) => m.year === year);
  const paid = (year: number) => data.disbursedByYear.find((m) => m.year === year);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} 万元` },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value', name: '万元' },
    series: [
      {
        name: '申请',
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        data: years.map((y) => ({ value: wan(money(y)?.requested ?? '0'), drill: drillUrl({}) })),
      },
      {
        name: '已立项',
        type: 'bar',
        itemStyle: { color: '#52c41a' },
        data: years.map((y) => ({
          value: wan(money(y)?.approved ?? '0'),
          drill: drillUrl({ state: 'established' }),
        })),
      },
      {
        name: '已拨付',
        type: 'bar',
        itemStyle: { color: '#fa8c16' },
        data: years.map((y) => ({
          value: wan(paid(y)?.disbursed ?? '0'),
          drill: paid(y)?.drill ?? `/projects/cockpit/disbursed?year=${y}`,
        })),
      },
    ],
  };
}

/** Overdue obligations: one bar per department, stacked by kind; each piece opens the filtered board. */
export function overdueOption(data: CockpitData) {
  const departments = [...new Set(data.overdueObligations.map((o) => o.organisationName))].slice(0, 15);
  const kinds = [...new Set(data.overdueObligations.map((o) => o.kindName))];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: departments },
    series: kinds.map((kindName) => ({
      name: kindName,
      type: 'bar',
      stack: 'total',
      data: departments.map((d) => {
        const item = data.overdueObligations.find((o) => o.kindName === kindName && o.organisationName === d);
        return item ? { value: item.count, drill: item.drill } : { value: 0 };
      }),
    })),
  };
}
