import { PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type ApiResponse, api } from '../../../api/client.ts';
import { useSession } from '../../../auth/context.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { formatYuan, STATE_BADGE } from '../logic.ts';
import { useProjectMeta } from '../meta.ts';
import type { ProjectListItem } from '../types.ts';

const fetchProjects = (query: Record<string, string | number>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/projects', 'get'>>('/api/projects', { query, signal });

/**
 * 我的项目: the projects the user may see — own department, jurisdiction, or assigned. Filters and
 * the page live in the URL (the cockpit's charts drill down here with `state` and `organisationId`).
 */
export default function ProjectListPage() {
  const { access } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const organisationId = search.get('organisationId');
  const meta = useProjectMeta();
  const fields: FilterField[] = [
    { name: 'q', label: '项目名称或编码', type: 'text' },
    { name: 'state', label: '全部状态', type: 'select', options: meta.states },
  ];

  const columns: TableColumnsType<ProjectListItem> = [
    {
      title: '项目编码',
      dataIndex: 'code',
      width: 150,
      render: (code: string, p) => <Link to={`/projects/${p.id}`}>{code}</Link>,
    },
    {
      title: '项目名称',
      dataIndex: 'name',
      width: 280,
      render: (name: string, p) => (
        <Space direction="vertical" size={0}>
          <Link to={`/projects/${p.id}`}>{name}</Link>
          <Typography.Text type="secondary">
            {p.ownerName} · {p.jurisdictionName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'typeName', width: 100 },
    {
      title: '总预算',
      dataIndex: 'totalBudget',
      width: 160,
      align: 'right',
      render: (v: string) => formatYuan(v),
    },
    {
      title: '规划',
      dataIndex: 'planned',
      width: 90,
      render: (planned: boolean) => (planned ? <Tag color="green">计划内</Tag> : <Tag>计划外</Tag>),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 120,
      render: (_: string, p) => <Badge status={STATE_BADGE[p.state] ?? 'default'} text={p.stateName} />,
    },
    {
      title: '当前环节',
      dataIndex: 'openSteps',
      width: 220,
      render: (steps: ProjectListItem['openSteps']) =>
        steps.length === 0 ? '—' : steps.map((s) => <Tag key={s.stepId}>{s.name}</Tag>),
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title="我的项目"
        description="本单位申报或共建的项目、本级管辖的项目，以及指派给我评审的项目。"
        extra={
          access.canApplyProjects && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>
              项目申报
            </Button>
          )
        }
      />
      <Card>
        {organisationId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="已按申报部门筛选（来自驾驶舱）"
            action={
              <Button
                size="small"
                onClick={() =>
                  setSearch((s) => {
                    const next = new URLSearchParams(s);
                    next.delete('organisationId');
                    next.delete('page');
                    return next;
                  })
                }
              >
                查看全部部门
              </Button>
            }
          />
        )}
        <ListPage<ProjectListItem>
          fetcher={fetchProjects}
          exportList="projects"
          fields={fields}
          columns={columns}
          rowKey="id"
          empty="没有符合条件的项目"
        />
      </Card>
    </>
  );
}
