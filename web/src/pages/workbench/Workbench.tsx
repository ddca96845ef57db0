import { Badge, Card, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ListPage } from '../../components/list/ListPage.tsx';
import { formatDateTime } from '../../format.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { formatYuan, STATE_BADGE } from '../projects/logic.ts';
import { type DoneItem, listDone, listStarted, listTasks, type StartedItem } from './api.ts';
import { TaskTable, useTaskList } from './tasks/TaskTable.tsx';

const doneColumns: TableColumnsType<DoneItem> = [
  { title: '办理时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  {
    title: '项目',
    dataIndex: 'projectName',
    width: 240,
    render: (name: string, d) => (
      <>
        <Link to={`/projects/${d.projectId}`}>{name}</Link>
        <div>
          <Typography.Text type="secondary">{d.projectCode}</Typography.Text>
        </div>
      </>
    ),
  },
  {
    title: '办理',
    key: 'what',
    width: 260,
    render: (_, d) => (
      <>
        <Tag>{d.kindName}</Tag>
        {d.stepName}
        {d.outcomeName && <Typography.Text type="secondary">：{d.outcomeName}</Typography.Text>}
      </>
    ),
  },
  {
    title: '意见',
    dataIndex: 'opinion',
    width: 260,
    render: (v: string | null) => <Typography.Text ellipsis={{ tooltip: v }}>{v || '—'}</Typography.Text>,
  },
  { title: '项目状态', dataIndex: 'stateName', width: 120 },
];

const startedColumns: TableColumnsType<StartedItem> = [
  {
    title: '项目',
    dataIndex: 'projectName',
    width: 260,
    render: (name: string, s) => (
      <>
        <Link to={`/projects/${s.projectId}`}>{name}</Link>
        <div>
          <Typography.Text type="secondary">
            {s.projectCode} · {s.ownerName}
          </Typography.Text>
        </div>
      </>
    ),
  },
  {
    title: '状态',
    dataIndex: 'stateName',
    width: 130,
    render: (v: string, s) => <Badge status={STATE_BADGE[s.state] ?? 'default'} text={v} />,
  },
  { title: '总预算', dataIndex: 'totalBudget', width: 160, render: (v: string) => formatYuan(v) },
  { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
  { title: '最近更新', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
];

const TEXT_FILTER = [{ name: 'q', label: '项目名称或编号', type: 'text' as const }];

/** The tab's badges: how many 待办 the user has in all and how many are overdue (one row fetched). */
const taskCounts = (signal: AbortSignal) => listTasks({ limit: 1 }, signal);

/** The 待办 tab: its filters and page in the URL under `todo.`, apart from the other tabs'. */
function TodoTab() {
  return <TaskTable list={useTaskList('todo')} compact />;
}

/**
 * 工作台 for business roles (issue 17): 待办 oldest first with arrival, time limit and overdue in red;
 * 已办; 我发起的 — each with its filter and paging in the URL.
 */
export function Workbench() {
  const [search, setSearch] = useSearchParams();
  const counts = useRequest(taskCounts);
  const tab = search.get('tab') ?? 'todo';
  const overdue = counts.data?.overdue ?? 0;
  return (
    <Card variant="borderless" data-testid="workbench">
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setSearch((s) => {
            const next = new URLSearchParams(s);
            if (key === 'todo') next.delete('tab');
            else next.set('tab', key);
            return next;
          })
        }
        items={[
          {
            key: 'todo',
            label: (
              <span>
                待办 <Badge count={counts.data?.total ?? 0} showZero color="#1677ff" />
                {overdue > 0 && <Badge count={`逾期 ${overdue}`} style={{ marginInlineStart: 4 }} />}
              </span>
            ),
            children: <TodoTab />,
          },
          {
            key: 'done',
            label: '已办',
            children: (
              <ListPage
                prefix="done"
                exportList="done"
                fetcher={listDone}
                fields={TEXT_FILTER}
                columns={doneColumns}
                rowKey="actionId"
                empty="暂无已办事项"
              />
            ),
          },
          {
            key: 'started',
            label: '我发起的',
            children: (
              <ListPage
                prefix="started"
                exportList="started"
                fetcher={listStarted}
                fields={TEXT_FILTER}
                columns={startedColumns}
                rowKey="projectId"
                empty="暂无我发起的申报"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
