import { BellOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  List,
  Row,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listNotifications, listTasks, readNotification } from '../api.ts';
import type { TaskItem } from '../types.ts';

/** Where a task is done: the application (edit/submit), the expert page, or the step's 办理 page. */
export function taskLink(t: TaskItem): string {
  if (t.kind === 'application') return `/projects/${t.projectId}`;
  if (t.kind === 'expert_opinion') return `/projects/${t.projectId}/expert`;
  if (t.kind === 'construction_record' || t.kind === 'construction_step') {
    return `/projects/${t.projectId}/construction`;
  }
  return `/projects/${t.projectId}/steps/${t.stepId}`;
}

const KIND = {
  application: { text: '申报', color: 'blue' },
  step: { text: '办理', color: 'geekblue' },
  expert_opinion: { text: '专家意见', color: 'purple' },
  construction_record: { text: '建设登记', color: 'cyan' },
  construction_step: { text: '建设验收', color: 'green' },
} as const;

/** 待办: every step the rulebooks give the user now, with 催办 marks, and the user's notices. */
export default function TasksPage() {
  const { message } = App.useApp();
  const tasks = useRequest(listTasks);
  const notes = useRequest(listNotifications);

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
    { title: '阶段', dataIndex: 'stageName', width: 100 },
    {
      title: '环节',
      dataIndex: 'stepName',
      render: (name: string, t) => (
        <>
          <Link to={taskLink(t)}>{name}</Link>
          {t.urged > 0 && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              催办 {t.urged}
            </Tag>
          )}
        </>
      ),
    },
    { title: '到达时间', dataIndex: 'since', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '',
      width: 90,
      render: (_, t) => (
        <Link to={taskLink(t)}>
          <Button type="primary" size="small">
            去办理
          </Button>
        </Link>
      ),
    },
  ];

  const markRead = async (id: string) => {
    try {
      await readNotification(id);
      notes.reload();
    } catch (error) {
      message.error(asApiError(error).message);
    }
  };

  return (
    <>
      <PageHeader
        title="待办"
        description="按各辖区规则集，当前等待您办理的申报、审核、审批环节和专家意见。"
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              tasks.reload();
              notes.reload();
            }}
          >
            刷新
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title="待办事项">
            {tasks.error ? (
              <ApiErrorResult error={tasks.error} onRetry={tasks.reload} />
            ) : (
              <Table
                rowKey={(t) => `${t.projectId}:${t.kind}:${t.stepId}`}
                loading={tasks.loading}
                columns={columns}
                dataSource={tasks.data?.items ?? []}
                pagination={false}
                locale={{ emptyText: <Empty description="暂无待办" /> }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title={
              <>
                <BellOutlined /> 通知{' '}
                {notes.data && notes.data.unread > 0 && (
                  <Badge count={notes.data.unread} style={{ marginInlineStart: 4 }} />
                )}
              </>
            }
          >
            <List
              loading={notes.loading}
              dataSource={notes.data?.items ?? []}
              locale={{ emptyText: '暂无通知' }}
              renderItem={(n) => (
                <List.Item
                  actions={
                    n.read
                      ? []
                      : [
                          <Button key="read" type="link" size="small" onClick={() => void markRead(n.id)}>
                            标为已读
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      n.projectId ? (
                        <Link to={`/projects/${n.projectId}`}>{n.read ? n.message : <b>{n.message}</b>}</Link>
                      ) : (
                        n.message
                      )
                    }
                    description={formatDateTime(n.createdAt)}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
