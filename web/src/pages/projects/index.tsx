import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/context.ts';
import { ApiErrorResult } from '../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { listProjects } from './api.ts';
import { formatYuan, STATE_BADGE } from './logic.ts';
import type { ProjectListItem } from './types.ts';

const STATES = [
  { value: 'draft', label: '草稿' },
  { value: 'returned', label: '已退回' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'in_review', label: '审核中' },
  { value: 'in_approval', label: '立项审批中' },
  { value: 'established', label: '已立项' },
  { value: 'recorded', label: '已记录在案' },
  { value: 'refused', label: '未通过' },
];

/** 我的项目: the projects the user may see — own department, jurisdiction, or assigned. */
export default function ProjectListPage() {
  const { access } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<string | undefined>();
  const [keyword, setKeyword] = useState('');
  const fetcher = useCallback((signal: AbortSignal) => listProjects(signal, { state }), [state]);
  const { data, error, loading, reload } = useRequest(fetcher);

  const shown = useMemo(() => {
    const k = keyword.trim();
    const items = data?.items ?? [];
    return k
      ? items.filter((p) => p.name.includes(k) || p.code.includes(k) || p.ownerName.includes(k))
      : items;
  }, [data, keyword]);

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
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="项目名称、编码或申报单位"
            style={{ width: 280 }}
            onSearch={setKeyword}
            onChange={(e) => setKeyword(e.target.value)}
          />
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            options={STATES}
            value={state}
            onChange={setState}
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
        </Flex>
        {error ? (
          <ApiErrorResult error={error} onRetry={reload} />
        ) : (
          <Table
            rowKey="id"
            loading={loading}
            columns={columns}
            dataSource={shown}
            pagination={{ pageSize: 20 }}
          />
        )}
      </Card>
    </>
  );
}
