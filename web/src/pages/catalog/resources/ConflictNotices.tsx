import { Alert, Collapse, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../format.ts';
import type { Conflict } from '../types.ts';

/**
 * 一数一源 notices (SC-26): the same data item registered by several departments, with the earliest
 * provider proposed as the single source; shown to every department involved and to the authority.
 */
export function ConflictNotices({
  conflicts,
  compact = false,
}: {
  conflicts: Conflict[];
  compact?: boolean;
}) {
  const open = conflicts.filter((c) => c.status === 'open');
  if (conflicts.length === 0) return null;
  return (
    <Alert
      type={open.length > 0 ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        open.length > 0
          ? `一数一源提示（SC-26）：${open.length} 个信息项由多个部门重复登记，可通过共享获取的数据不再重复采集`
          : '一数一源提示均已消除'
      }
      description={
        <Collapse
          ghost
          size="small"
          defaultActiveKey={compact ? [] : open.slice(0, 1).map((c) => c.id)}
          items={conflicts.map((c) => ({
            key: c.id,
            label: (
              <>
                <Tag color={c.status === 'open' ? 'orange' : 'green'}>
                  {c.status === 'open' ? '待处理' : '已消除'}
                </Tag>
                信息项“{c.itemName}”：{c.departments.join('、')}
                <Typography.Text type="secondary">　建议数源：{c.proposedSource.provider}</Typography.Text>
              </>
            ),
            children: (
              <>
                <Typography.Paragraph>{c.message}</Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {c.entries.map((e) => (
                    <li key={`${e.resourceId}-${e.itemName}`}>
                      {e.provider}《{e.resourceName}》（{e.resourceCode}）信息项“{e.itemName}”， 登记于{' '}
                      {formatDateTime(e.registeredAt)}
                      {e.resourceId === c.proposedSource.resourceId && (
                        <Tag color="blue" style={{ marginLeft: 8 }}>
                          建议唯一数源
                        </Tag>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ),
          }))}
        />
      }
    />
  );
}
