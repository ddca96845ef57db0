import { Descriptions, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { dash, formatDate, formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getSystem } from '../api.ts';
import { NearDuplicates } from '../components/NearDuplicates.tsx';
import { labelOf, labelsOf } from '../logic.ts';
import type { CatalogMeta } from '../types.ts';

/** 系统详情: the catalog fields, the status history (DT-01) and the linked resources. */
export function SystemDrawer({
  meta,
  id,
  onClose,
}: {
  meta: CatalogMeta;
  id: string | null;
  onClose: () => void;
}) {
  const fetcher = useCallback(
    (signal: AbortSignal) => (id ? getSystem(id, signal) : Promise.resolve(null)),
    [id],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  const s = data?.system;

  return (
    <Drawer title={s ? `${s.name}（${s.code}）` : '系统详情'} open={id !== null} onClose={onClose} size={760}>
      {error ? (
        <ApiErrorResult error={error} onRetry={reload} />
      ) : loading || !data || !s ? (
        <Skeleton active />
      ) : (
        <>
          <NearDuplicates items={data.nearDuplicates} noun="系统" />
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              { key: 'owner', label: '责任部门', children: s.ownerOrganisationName },
              { key: 'jurisdiction', label: '所属辖区', children: s.jurisdictionName },
              {
                key: 'status',
                label: '系统状态',
                children: <Tag>{labelOf(meta.systemStatuses, s.status)}</Tag>,
              },
              { key: 'deployment', label: '部署方式', children: labelOf(meta.deployments, s.deployment) },
              { key: 'networks', label: '网络类型', children: labelsOf(meta.networks, s.networks) },
              { key: 'approval', label: '业务专网批准文号', children: dash(s.dedicatedNetworkApproval) },
              { key: 'mlps', label: '等保级别', children: s.mlpsLevel ? `第 ${s.mlpsLevel} 级` : '未定级' },
              {
                key: 'cloud',
                label: '上云状态',
                children: labelOf(meta.cloudMigrationStatuses, s.cloudMigration),
              },
              { key: 'cloudDate', label: '上云（计划）日期', children: formatDate(s.cloudMigrationDate) },
              { key: 'exempt', label: '不上云理由', children: dash(s.cloudExemptionReason) },
              {
                key: 'shared',
                label: '共享平台',
                children: s.sharedOnPlatform ? `已接入，共享 ${s.sharedResourceCount} 个资源` : '未接入',
              },
              { key: 'projects', label: '建设/改造项目', children: s.projectRefs.join('、') || '—' },
              { key: 'retired', label: '报废日期', children: formatDate(s.retirementDate) },
              {
                key: 'merged',
                label: '并入系统',
                children: s.mergedInto ? `${s.mergedIntoName ?? ''}（${s.mergedInto}）` : '—',
              },
              { key: 'purpose', label: '建设目的及主要功能', span: 2, children: s.purpose },
              {
                key: 'functions',
                label: '功能清单',
                span: 2,
                children:
                  s.functions.length > 0 ? s.functions.join('、') : '未填写（查重时只比对名称和目的）',
              },
              { key: 'remarks', label: '备注', span: 2, children: dash(s.remarks) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            关联信息资源
          </Typography.Title>
          {data.resources.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未关联资源" />
          ) : (
            <ul>
              {data.resources.map((r) => (
                <li key={r.code}>
                  {r.code}{' '}
                  {r.name ?? <Typography.Text type="secondary">（尚未在本辖区目录中登记）</Typography.Text>}
                  {r.state && <Tag style={{ marginLeft: 8 }}>{labelOf(meta.resourceStates, r.state)}</Tag>}
                </li>
              ))}
            </ul>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            状态历史
          </Typography.Title>
          <Timeline
            items={data.history.map((h) => ({
              key: `${h.at}-${h.status}`,
              color: h.status === 'retired' ? 'red' : 'blue',
              content: (
                <>
                  <div>
                    {h.fromStatus ? `${labelOf(meta.systemStatuses, h.fromStatus)} → ` : ''}
                    {labelOf(meta.systemStatuses, h.status)}
                    {h.mergedInto && `（并入 ${h.mergedInto}）`}
                    {h.note && <Typography.Text type="secondary">　{h.note}</Typography.Text>}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(h.at)}
                    {h.effectiveDate && ` · 生效日期 ${h.effectiveDate}`}
                    {h.actorName && ` · ${h.actorName}`}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
