import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { asApiError } from '../api/client.ts';
import {
  latestNotifications,
  markAllRead,
  markRead,
  type NotificationItem,
  unreadCount,
} from '../api/notifications.ts';
import { formatDateTime } from '../format.ts';

/** How often the unread count is refreshed while the page is open. */
const POLL_MS = 60_000;

/** 页头铃铛: unread count, the latest notices, open one (marks it read) or mark all read. */
export function NotificationBell() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);

  const refreshCount = useCallback((signal?: AbortSignal) => {
    unreadCount(signal).then(
      (r) => setUnread(r.unread),
      () => undefined,
    );
  }, []);

  // Refresh on every page change and on an interval.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => {
    const controller = new AbortController();
    refreshCount(controller.signal);
    const timer = setInterval(() => refreshCount(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [refreshCount, pathname]);

  const load = useCallback(() => {
    latestNotifications().then(
      (r) => {
        setItems(r.items);
        setUnread(r.unread);
      },
      (e: unknown) => message.error(asApiError(e).message),
    );
  }, [message]);

  const openItem = async (n: NotificationItem) => {
    try {
      if (!n.read) await markRead(n.id);
    } catch (e) {
      message.error(asApiError(e).message);
    }
    setOpen(false);
    refreshCount();
    if (n.link) navigate(n.link);
    else if (n.projectId) navigate(`/projects/${n.projectId}`);
  };

  const readAll = async () => {
    try {
      await markAllRead();
      load();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };

  const content = (
    <div style={{ width: 360 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>通知</Typography.Text>
        <Button size="small" type="link" onClick={readAll} disabled={unread === 0}>
          全部标为已读
        </Button>
      </Flex>
      {items === null ? null : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 400, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: n.read ? 0.6 : 1 }}
              onClick={() => openItem(n)}
              aria-label={n.message}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.read} style={{ whiteSpace: 'normal' }}>
                    {n.message}
                  </Typography.Text>
                }
                description={formatDateTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          navigate('/projects/tasks');
        }}
      >
        查看全部待办与通知
      </Button>
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          navigate('/account/notifications');
        }}
      >
        通知设置（邮件、群机器人）
      </Button>
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) load();
      }}
      placement="bottomRight"
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          aria-label={`通知，${unread} 条未读`}
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        />
      </Badge>
    </Popover>
  );
}
