import { Badge, Card, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { readListParams } from '../../../components/list/query.ts';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { formatYuan, STATE_BADGE } from '../../projects/logic.ts';
import { type DoneItem, listDone, listStarted, listTasks, type StartedItem, type TaskPage } from '../api.ts';
import { TaskTable, useTaskList } from '../tasks/TaskTable.tsx';

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

/** The tab's badges: how many 待办 the user has in all and how many of those are overdue. */
type TaskCounts = Pick<TaskPage, 'total' | 'overdue'>;

/** The badges asked for on their own (one row fetched with the counts). */
const taskCounts = (signal: AbortSignal): Promise<TaskCounts | undefined> => listTasks({ limit: 1 }, signal);
const noRequest = async (): Promise<TaskCounts | undefined> => undefined;

const TODO = 'todo';
const hasFilters = (search: URLSearchParams) => Object.keys(readListParams(search, TODO).filters).length > 0;

/**
 * The 待办 tab: its filters and page in the URL under `todo.`, apart from the other tabs'. A page
 * loaded with no filter counts all the user's 待办, so it hands its `total` and `overdue` to the
 * badges (undefined for a filtered page, whose counts are not the badges').
 */
function TodoTab({ onCounts }: { onCounts: (counts: TaskCounts | undefined) => void }) {
  const list = useTaskList(TODO);
  const filtered = Object.keys(list.params.filters).length > 0;
  const { data, loading } = list;
  useEffect(() => {
    if (loading) return;
    onCounts(data && !filtered ? { total: data.total, overdue: data.overdue } : undefined);
  }, [data, loading, filtered, onCounts]);
  return <TaskTable list={list} compact />;
}

/**
 * 工作台 for business roles (issue 17): 待办 oldest first with arrival, time limit and overdue in red;
 * 已办; 我发起的 — each with its filter and paging in the URL.
 */
export function Workbench() {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? TODO;
  // The badges count all the user's 待办. The 待办 tab open without filters fetches exactly that
  // page, so its counts serve (one request); otherwise the counts are asked for on their own.
  const [pageCounts, setPageCounts] = useState<TaskCounts>();
  const pageServes = pageCounts !== undefined || (tab === TODO && !hasFilters(search));
  const asked = useRequest(pageServes ? noRequest : taskCounts);
  // While the source switches (a filter set or cleared), the last counts stay rather than a 0.
  const shown = useRef<TaskCounts>(undefined);
  const counts = pageCounts ?? asked.data ?? shown.current;
  shown.current = counts;
  const overdue = counts?.overdue ?? 0;
  return (
    <Card variant="borderless" data-testid="workbench">
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setSearch((s) => {
            const next = new URLSearchParams(s);
            if (key === TODO) next.delete('tab');
            else next.set('tab', key);
            return next;
          })
        }
        items={[
          {
            key: TODO,
            label: (
              <span>
                待办 <Badge count={counts?.total ?? 0} showZero color="#1677ff" />
                {overdue > 0 && <Badge count={`逾期 ${overdue}`} style={{ marginInlineStart: 4 }} />}
              </span>
            ),
            children: <TodoTab onCounts={setPageCounts} />,
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
