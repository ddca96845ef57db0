import { Button, Empty, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { type ListQuery, useListQuery } from '../../../components/list/useListQuery.ts';
import { formatDateTime } from '../../../format.ts';
import { listTasks, type TaskItem, type TaskPage } from '../api.ts';
import { TASK_KIND, TASK_KIND_OPTIONS, taskKey } from './logic.ts';

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

/** 待办's filters: the project's name or code, and the kind of task. */
const TASK_FIELDS: FilterField[] = [
  { name: 'q', label: '项目名称或编号', type: 'text' },
  { name: 'kind', label: '事项类型', type: 'select', options: TASK_KIND_OPTIONS, width: 140 },
];

function taskColumns(compact: boolean): TableColumnsType<TaskItem> {
  return [
    {
      title: '事项',
      dataIndex: 'kind',
      width: 110,
      render: (kind: TaskItem['kind']) => (
        <Tag color={TASK_KIND[kind]?.color}>{TASK_KIND[kind]?.text ?? kind}</Tag>
      ),
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
      // Always in view: on a narrow screen the other columns scroll under it (1366 px clipped it).
      fixed: 'right' as const,
      render: (_, t) => (
        <Link to={t.workPath}>
          <Button type="primary" size="small">
            去办理
          </Button>
        </Link>
      ),
    },
  ];
}

/**
 * One page of 待办 from the server (GET /api/tasks), oldest first; its filters and page live in the
 * URL under `prefix`. The page also carries how many match in all and how many of those are overdue.
 */
export const useTaskList = (prefix?: string): ListQuery<TaskItem, TaskPage> =>
  useListQuery<TaskItem, TaskPage>(listTasks, { prefix });

/** 待办 rows with their filters and pager; each row opens the page where the work is done. */
export function TaskTable({ list, compact = false }: { list: ListQuery<TaskItem>; compact?: boolean }) {
  return (
    <ListView<TaskItem>
      list={list}
      fields={TASK_FIELDS}
      columns={taskColumns(compact)}
      rowKey={taskKey}
      empty={<Empty description="暂无待办" />}
      table={{
        size: compact ? 'small' : 'middle',
        rowClassName: (t) => (t.overdue ? 'task-overdue' : ''),
      }}
    />
  );
}
