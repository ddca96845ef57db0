import { Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { dash, formatDate, formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getResource } from '../api.ts';
import { NearDuplicates } from '../components/NearDuplicates.tsx';
import { labelOf, labelsOf } from '../logic.ts';
import type { CatalogMeta, DataItem, ResourceAction, ResourceItem } from '../types.ts';
import { ConflictNotices } from './ConflictNotices.tsx';

/** 资源详情: the catalog fields, the data items, 一数一源 notices and the actions the user may take. */
export function ResourceDrawer({
  meta,
  id,
  refreshKey,
  onClose,
  onAction,
  onEdit,
}: {
  meta: CatalogMeta;
  id: string | null;
  /** Changes after an action, so the drawer reloads. */
  refreshKey: number;
  onClose: () => void;
  onAction: (resource: ResourceItem, action: ResourceAction) => void;
  onEdit: (resource: ResourceItem) => void;
}) {
  const fetcher = useCallback(
    (signal: AbortSignal) => (id ? getResource(id, signal) : Promise.resolve(null)),
    [id],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  // Reload after an action taken from the drawer (refreshKey changes), not when another one opens.
  const seen = useRef(refreshKey);
  useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    reload();
  }, [refreshKey, reload]);
  const r = data?.resource;

  return (
    <Drawer
      title={r ? `${r.name}（${r.code}）` : '资源详情'}
      open={id !== null}
      onClose={onClose}
      size={820}
      extra={
        r && (
          <Space>
            {r.canEdit && <Button onClick={() => onEdit(r)}>修改</Button>}
            {r.actions.map((action) => (
              <Button
                key={action}
                type={action === 'publish' || action === 'submit' ? 'primary' : 'default'}
                danger={action === 'withdraw'}
                onClick={() => onAction(r, action)}
              >
                {labelOf(meta.resourceActions, action)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {error ? (
        <ApiErrorResult error={error} onRetry={reload} />
      ) : loading || !data || !r ? (
        <Skeleton active />
      ) : (
        <>
          <ConflictNotices conflicts={data.conflicts} />
          <NearDuplicates items={data.nearDuplicates} noun="资源" />
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              { key: 'state', label: '状态', children: <Tag>{labelOf(meta.resourceStates, r.state)}</Tag> },
              { key: 'category', label: '资源分类', children: labelOf(meta.resourceCategories, r.category) },
              { key: 'provider', label: '资源提供方', children: r.providerName },
              { key: 'providerCode', label: '提供方代码', children: r.providerCode },
              {
                key: 'format',
                label: '格式',
                children: `${labelOf(meta.formatClasses, r.formatClass)}${r.formatType ? ` / ${r.formatType}` : ''}`,
              },
              { key: 'cycle', label: '更新周期', children: labelOf(meta.updateCycles, r.updateCycle) },
              { key: 'sharing', label: '共享属性', children: labelOf(meta.sharingTypes, r.sharing) },
              {
                key: 'methods',
                label: '共享方式',
                children: labelsOf(meta.sharingMethods, r.sharingMethods),
              },
              {
                key: 'conditions',
                label: r.sharing === 'none' ? '不予共享依据' : '共享条件',
                span: 2,
                children: dash(r.sharingConditions),
              },
              { key: 'openness', label: '开放属性', children: labelOf(meta.opennessTypes, r.openness) },
              {
                key: 'classified',
                label: '涉密属性',
                children: r.classified ? <Tag color="red">涉密</Tag> : '非涉密',
              },
              { key: 'openConditions', label: '开放条件', span: 2, children: dash(r.openConditions) },
              { key: 'related', label: '关联资源代码', children: r.relatedCodes.join('、') || '—' },
              { key: 'source', label: '来源系统', children: dash(r.sourceSystem) },
              { key: 'publishedDate', label: '发布日期', children: formatDate(r.publishedDate) },
              { key: 'registered', label: '注册时间', children: formatDateTime(r.registeredAt) },
              { key: 'summary', label: '资源摘要', span: 2, children: r.summary },
              ...(r.reviewNote ? [{ key: 'note', label: '审核意见', span: 2, children: r.reviewNote }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            信息项（{r.dataItems.length}）
          </Typography.Title>
          <Table<DataItem>
            rowKey={(d) => d.name}
            size="small"
            pagination={false}
            dataSource={r.dataItems}
            columns={[
              { title: '序号', key: 'n', width: 60, render: (_, __, i) => i + 1 },
              { title: '信息项名称', dataIndex: 'name' },
              {
                title: '数据类型',
                dataIndex: 'dataType',
                render: (t: string) => labelOf(meta.dataItemTypes, t),
              },
              { title: '数据长度', dataIndex: 'length', render: (l: number | null) => l ?? '—' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
