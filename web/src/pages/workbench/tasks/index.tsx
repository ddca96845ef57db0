import { BellOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, List, Row } from 'antd';
import { Link } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listNotifications, readNotification } from '../../notifications/api.ts';
import { TaskTable, useTaskList } from './TaskTable.tsx';

/**
 * 待办: every step the rulebooks give the user now, with 催办 marks, a page at a time with its filters
 * in the URL; and the user's notices.
 */
export default function TasksPage() {
  const { message } = App.useApp();
  const tasks = useTaskList();
  const notes = useRequest(listNotifications);

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
        description="按各辖区规则集，当前等待您办理的申报、审核、审批环节和专家意见；最早到达的排在最前。"
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
        <Col xs={24} style={{ marginBottom: 16 }}>
          <Card title="待办事项">
            <TaskTable list={tasks} />
          </Card>
        </Col>
        <Col xs={24}>
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
