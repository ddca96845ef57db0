import { Descriptions, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../../format.ts';
import { formatYuan } from '../../logic.ts';
import { useProjectMeta } from '../../meta.ts';
import type { ProjectDetail } from '../../types.ts';

export function ApplicationDescriptions({ project: p }: { project: ProjectDetail }) {
  const { declarations } = useProjectMeta();
  const declared = declarations.filter((d) => p.declarations[d.value]).map((d) => d.label);
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'type', label: '类型 / 类别', children: `${p.typeName} · ${p.categoryName}` },
        { key: 'funding', label: '建设模式', children: p.fundingModeName },
        {
          key: 'plan',
          label: '规划（年度计划）',
          children: p.plan ? (
            <>
              {p.plan.planTitle} · {p.plan.projectName}（{p.plan.year} 年）{' '}
              {p.planned ? <Tag color="green">计划内</Tag> : <Tag color="orange">规划尚未批准</Tag>}
            </>
          ) : (
            <Tag color="orange">计划外：须前置审查</Tag>
          ),
        },
        { key: 'total', label: '总预算', children: formatYuan(p.totalBudget) },
        {
          key: 'years',
          label: '分年度预算',
          children: p.budgetByYear.length
            ? p.budgetByYear.map((y) => `${y.year} 年 ${formatYuan(y.amount)}`).join('；')
            : '—',
        },
        { key: 'co', label: '共建部门', children: p.coBuilders.map((c) => c.name).join('、') || '—' },
        {
          key: 'parent',
          label: '上级项目 / 下级项目',
          children: (
            <>
              {p.parent
                ? `${p.parent.code || p.parent.id} ${p.parent.name}（承担 ${p.shareOfParent ?? '—'} 元）`
                : '—'}
              {p.children.map((c) => (
                <div key={c.id}>
                  下级：{c.jurisdictionName} {c.code} {c.name}（{c.shareOfParent ?? '—'} 元）
                </div>
              ))}
            </>
          ),
        },
        {
          key: 'systems',
          label: '涉及信息系统',
          children: p.systems.length
            ? p.systems.map((s) => (
                <div key={s.systemId ?? s.name}>
                  {s.relationName}：{s.name} {s.code && <Typography.Text code>{s.code}</Typography.Text>}{' '}
                  {s.inCatalog ? <Tag color="green">已列入目录</Tag> : <Tag color="red">未列入目录</Tag>}
                </div>
              ))
            : '—',
        },
        {
          key: 'resources',
          label: '信息资源',
          children: p.resources.map((r) => `${r.relationName}：${r.name}（${r.code}）`).join('；') || '—',
        },
        { key: 'cloud', label: '政务云服务', children: p.cloudServices.map((c) => c.name).join('、') || '—' },
        {
          key: 'network',
          label: '业务专网',
          children: p.dedicatedNetwork ? `拟新建；依据：${p.dedicatedNetworkBasis ?? '—'}` : '不新建',
        },
        {
          key: 'owner',
          label: '项目责任人',
          children: p.projectOwner
            ? `${p.projectOwner.name} ${p.projectOwner.title} ${p.projectOwner.phone ?? ''}`
            : '—',
        },
        {
          key: 'targets',
          label: '绩效目标',
          children: p.performanceTargets.map((t) => `${t.indicator}：${t.target}`).join('；') || '—',
        },
        { key: 'declared', label: '申报声明', children: declared.join('；') || '—' },
        { key: 'summary', label: '建设内容', children: p.summary || '—' },
        { key: 'updated', label: '更新时间', children: formatDateTime(p.updatedAt) },
      ]}
    />
  );
}
