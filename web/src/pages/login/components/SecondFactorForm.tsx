import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import type { MfaPendingResponse } from '../../../api/types.ts';
import { useSession } from '../../../auth/context.ts';

interface Values {
  code?: string;
  recoveryCode?: string;
}

/**
 * 登录第二步: the 6-digit code from the authenticator app (动态口令), or one of the ten recovery
 * codes. `onRestart` returns to the password step (the pending login expired or was refused).
 */
export function SecondFactorForm({
  pending,
  username,
  onRestart,
}: {
  pending: MfaPendingResponse;
  username: string;
  onRestart: (message?: string) => void;
}) {
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await session.completeSignIn(
        useRecovery
          ? { mfaToken: pending.mfaToken, recoveryCode: values.recoveryCode?.trim() }
          : { mfaToken: pending.mfaToken, code: values.code?.replace(/\s/g, '') },
      );
      // The session turns authenticated and the login page redirects.
    } catch (e) {
      const apiError = asApiError(e);
      if (apiError.code === 'MFA_CHALLENGE_INVALID') {
        onRestart(apiError.message);
        return;
      }
      setError(apiError.message);
      form.resetFields();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        账号 <Typography.Text code>{username}</Typography.Text> 已开启双因素认证。
        {useRecovery
          ? '请输入一个未使用过的恢复码（每个只能使用一次）。'
          : '请输入手机验证器应用中显示的 6 位动态口令。'}
      </Typography.Paragraph>
      {error && (
        <Alert
          showIcon
          type="error"
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="mfa-error"
          role="alert"
        />
      )}
      <Form<Values> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        {useRecovery ? (
          <Form.Item
            label="恢复码"
            name="recoveryCode"
            rules={[{ required: true, whitespace: true, message: '请输入恢复码' }]}
          >
            <Input
              name="recoveryCode"
              prefix={<KeyOutlined />}
              autoComplete="off"
              autoFocus
              placeholder="XXXX-XXXX-XXXX"
              maxLength={32}
            />
          </Form.Item>
        ) : (
          <Form.Item
            label="动态口令"
            name="code"
            rules={[
              { required: true, message: '请输入动态口令' },
              { pattern: /^\s*\d{3}\s*\d{3}\s*$/, message: '动态口令为 6 位数字' },
            ]}
          >
            <Input
              name="code"
              prefix={<SafetyOutlined />}
              autoComplete="one-time-code"
              inputMode="numeric"
              autoFocus
              placeholder="6 位数字"
              maxLength={8}
            />
          </Form.Item>
        )}
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            验证并登录
          </Button>
        </Form.Item>
      </Form>
      <Flex justify="space-between">
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => {
            setUseRecovery((v) => !v);
            setError(null);
            form.resetFields();
          }}
        >
          {useRecovery ? '使用动态口令' : '手机不在身边？使用恢复码'}
        </Button>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onRestart()}>
          返回重新输入密码
        </Button>
      </Flex>
    </>
  );
}
