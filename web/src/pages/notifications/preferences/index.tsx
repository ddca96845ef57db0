import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getPreferences, type NotificationPreferences, savePreferences } from './api.ts';

interface Values {
  email: string;
  emailEnabled: boolean;
  webhookEnabled: boolean;
  /** The kinds that DO go out on e-mail / the bot (the complement of the stored mutedKinds). */
  sentKinds: string[];
}

const toValues = (p: NotificationPreferences): Values => ({
  email: p.email ?? '',
  emailEnabled: p.emailEnabled,
  webhookEnabled: p.webhookEnabled,
  sentKinds: p.kinds.map((k) => k.code).filter((k) => !p.mutedKinds.includes(k)),
});

/**
 * 通知设置: the in-app centre (站内通知) is always on; the user chooses e-mail (to their own address) and the group bot,
 * and which kinds of notice go out on them. Only channels the platform configured can be switched on.
 */
export default function NotificationSettingsPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useRequest(getPreferences);
  const [saved, setSaved] = useState<NotificationPreferences | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const prefs = saved ?? data;
  const emailEnabled = Form.useWatch('emailEnabled', form);
  const email = Form.useWatch('email', form);

  useEffect(() => {
    if (prefs) form.setFieldsValue(toValues(prefs));
  }, [prefs, form]);

  if (error) return <ApiErrorResult error={error} onRetry={reload} />;

  const submit = async (v: Values) => {
    if (!prefs) return;
    setBusy(true);
    try {
      const next = await savePreferences({
        version: prefs.version,
        email: v.email.trim() === '' ? null : v.email.trim(),
        emailEnabled: v.emailEnabled,
        webhookEnabled: v.webhookEnabled,
        mutedKinds: prefs.kinds.map((k) => k.code).filter((k) => !v.sentKinds.includes(k)),
      });
      setSaved(next);
      message.success('通知设置已保存');
    } catch (e) {
      const err = asApiError(e);
      if (err.field === 'email' || err.field === 'webhookEnabled') {
        form.setFields([{ name: err.field, errors: [err.message] }]);
      } else if (err.field === 'mutedKinds') {
        form.setFields([{ name: 'sentKinds', errors: [err.message] }]);
      } else message.error(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="通知设置"
        description="站内通知（页头铃铛）始终开启；邮件和群机器人按本人选择发送。只影响本人的通知。"
      />
      <Card loading={!prefs} style={{ maxWidth: 760 }}>
        {prefs && (
          <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="notification-settings">
            <Form.Item label="站内通知">
              <Space>
                <Switch checked disabled aria-label="站内通知" />
                <Typography.Text type="secondary">始终开启，不能关闭</Typography.Text>
              </Space>
            </Form.Item>
            <Form.Item
              name="email"
              label="接收通知的邮箱"
              extra="本人的工作邮箱，如 zhangsan@example.gov.cn"
              rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}
            >
              <Input maxLength={254} autoComplete="email" placeholder="未填写" />
            </Form.Item>
            <Form.Item name="emailEnabled" label="邮件通知" valuePropName="checked">
              <Switch aria-label="邮件通知" />
            </Form.Item>
            {!prefs.available.smtp && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="平台尚未配置邮件服务器：配置后按此设置发送邮件。"
              />
            )}
            {prefs.available.smtp && emailEnabled && !email?.trim() && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message="已开启邮件通知但未填写邮箱，邮件不会发送。"
              />
            )}
            <Form.Item
              name="webhookEnabled"
              label="群机器人（钉钉、企业微信群，消息中注明本人）"
              valuePropName="checked"
              extra={prefs.available.webhook ? undefined : '平台未配置群机器人，不能开启'}
            >
              <Switch
                aria-label="群机器人通知"
                disabled={!prefs.available.webhook && !prefs.webhookEnabled}
              />
            </Form.Item>
            <Form.Item
              name="sentKinds"
              label="通过邮件、群机器人发送的通知类型"
              extra="未勾选的类型只在站内通知中显示"
            >
              <Checkbox.Group
                options={prefs.kinds.map((k) => ({ label: k.name, value: k.code }))}
                style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存
              </Button>
              {prefs.updatedAt && (
                <Typography.Text type="secondary">
                  上次保存：{formatDateTime(prefs.updatedAt)}
                </Typography.Text>
              )}
            </Space>
          </Form>
        )}
      </Card>
    </>
  );
}
