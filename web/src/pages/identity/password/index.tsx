import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { useMe, useSession } from '../../../auth/context.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { changePassword } from './api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS: ReadonlySet<string> = new Set(['currentPassword', 'newPassword', 'confirmPassword']);
const isField = (field: string | undefined): field is keyof Values =>
  field !== undefined && FIELDS.has(field);

/** The server's policy (SECURITY.md 1–2, 等保 8.1.4.1a); it alone decides, this only explains it. */
const POLICY =
  '至少 8 位（建议 12 位以上），包含大写字母、小写字母、数字、特殊符号中的至少三类；不得包含用户名，不得使用常见弱密码，不得与最近 5 次使用过的密码相同。';

/** 修改密码: from the avatar menu, or forced when the password is new or expired (mustChangePassword). */
export default function ChangePasswordPage() {
  const me = useMe();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forced = me.user.mustChangePassword || me.user.passwordExpired;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (e) {
      const apiError = asApiError(e);
      if (isField(apiError.field)) form.setFields([{ name: apiError.field, errors: [apiError.message] }]);
      else setError(apiError.message);
      setSubmitting(false);
      return;
    }
    // The server may keep this session (new token, mustChangePassword cleared) or end it.
    try {
      const next = await session.refresh('passwordChanged');
      if (next) {
        message.success('密码已修改');
        navigate('/', { replace: true });
      }
    } catch {
      message.success('密码已修改');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageHeader title="修改密码" />
      <Card variant="borderless">
        <div style={{ maxWidth: 480 }}>
          {forced && (
            <Alert
              showIcon
              type="warning"
              title="请先修改密码"
              description="您的密码为初始密码或已超过有效期，修改后方可继续使用平台。"
              style={{ marginBottom: 24 }}
            />
          )}
          {error && <Alert showIcon type="error" title={error} style={{ marginBottom: 24 }} role="alert" />}
          <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item label="用户名">
              <Typography.Text code>{me.user.username}</Typography.Text>
            </Form.Item>
            <Form.Item
              label="当前密码"
              name="currentPassword"
              rules={[{ required: true, message: '请输入当前密码' }]}
            >
              <Input.Password name="currentPassword" autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label="新密码"
              name="newPassword"
              extra={POLICY}
              dependencies={['currentPassword']}
              rules={[
                { required: true, message: '请输入新密码' },
                { min: 8, message: '新密码至少 8 位' },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    value && value === getFieldValue('currentPassword')
                      ? Promise.reject(new Error('新密码不能与当前密码相同'))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input.Password name="newPassword" autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认新密码"
              name="confirmPassword"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error('两次输入的新密码不一致')),
                }),
              ]}
            >
              <Input.Password name="confirmPassword" autoComplete="new-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Space>
                <Button type="primary" htmlType="submit" loading={submitting}>
                  确认修改
                </Button>
                {!forced && <Button onClick={() => navigate(-1)}>取消</Button>}
              </Space>
            </Form.Item>
          </Form>
        </div>
      </Card>
    </>
  );
}
