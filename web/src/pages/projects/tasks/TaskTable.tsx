import { Button, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../format.ts';
import type { TaskItem } from '../types.ts';

const KIND = {
  application: { text: '申报', color: 'blue' },
  step: { text: '办理', color: 'geekblue' },
  review: { text: '合理性审核', color: 'cyan' },
  expert_opinion: { text: '专家意见', color: 'purple' },
  construction_record: { text: '建设登记', color: 'green' },
  construction_step: { text: '建设验收', color: 'lime' },
  budget: { text: '预算', color: 'gold' },
} as const;

/** `已等待 3 个工作日`, or unknown when the holiday table lacks a year (never guessed). */
export function waitedText(t: Pick<TaskItem, 'waitedWorkdays'>): string {
  if (t.waitedWorkdays === null) return '已等待：节假日安排未知';
  return t.waitedWorkdays === 0 ? '今日到达' : `已等待 ${t.waitedWorkdays} 个工作日`;
}

/** The deadline cell: due date and working days left, overdue in red, or why there is none. */
export function DueCell({
  t,
}: {
  t: Pick<TaskItem, 'deadlineName' | 'dueDate' | 'remainingWorkdays' | 'overdue'>;
}) {
  if (!t.deadlineName) return <Typography.Text type="secondary">办法未规定办理时限</Typography.Text>;
  if (!t.dueDate || t.remainingWorkdays === null)
    return (
      <Typography.Text type="warning">
        {t.deadlineName}：{t.dueDate ?? ''}（节假日安排未知，期限无法确定）
      </Typography.Text>
    );
  if (t.overdue)
    return (
      <Typography.Text type="danger" strong data-overdue="true">
        {t.dueDate} 已逾期 {-t.remainingWorkdays} 个工作日
      </Typography.Text>
    );
  return (
    <span>
      {t.dueDate}{' '}
      <Typography.Text type={t.remainingWorkdays <= 2 ? 'warning' : 'secondary'}>
        剩余 {t.remainingWorkdays} 个工作日
      </Typography.Text>
    </span>
  );
}

/** 待办 rows, oldest first as the server sends them; each opens the page where the work is done. */
export function TaskTable({
  items,
  loading,
  compact,
}: {
  items: TaskItem[];
  loading?: boolean;
  compact?: boolean;
}) {
  const columns: TableColumnsType<TaskItem> = [
    {
      title: '事项',
      dataIndex: 'kind',
      width: 110,
      render: (kind: keyof typeof KIND) => <Tag color={KIND[kind]?.color}>{KIND[kind]?.text ?? kind}</Tag>,
    },
    {
      title: '项目',
      dataIndex: 'projectName',
      width: 240,
      render: (_: string, t) => (
        <>
          <Link to={`/projects/${t.projectId}`}>{t.projectName}</Link>
          <div>
            <Typography.Text type="secondary">
              {t.projectCode} · {t.ownerName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    ...(compact ? [] : [{ title: '阶段', dataIndex: 'stageName', width: 100 }]),
    {
      title: '环节',
      dataIndex: 'stepName',
      width: 180,
      render: (name: string, t) => (
        <>
          <Link to={t.workPath}>{name}</Link>
          {t.urged > 0 && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              催办 {t.urged}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '到达时间',
      dataIndex: 'since',
      width: 180,
      render: (v: string, t) => (
        <>
          {formatDateTime(v)}
          <div>
            <Typography.Text type="secondary">{waitedText(t)}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: '办理期限', key: 'due', width: 200, render: (_, t) => <DueCell t={t} /> },
    {
      title: '操作',
      key: 'go',
      width: 100,
      render: (_, t) => (
        <Link to={t.workPath}>
          <Button type="primary" size="small">
            去办理
          </Button>
        </Link>
      ),
    },
  ];
  return (
    <Table
      rowKey={(t) => `${t.projectId}:${t.kind}:${t.stepId}`}
      loading={loading}
      columns={columns}
      dataSource={items}
      size={compact ? 'small' : 'middle'}
      scroll={{ x: 'max-content' }}
      rowClassName={(t) => (t.overdue ? 'task-overdue' : '')}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description="暂无待办" /> }}
    />
  );
}
