import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Image, Input, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import type { MfaEnrolmentStartResponse } from '../../../api/types.ts';
import { useMe, useSession } from '../../../auth/context.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { confirmEnrolment, startEnrolment } from './api.ts';
import { RecoveryCodes } from './components/RecoveryCodes.tsx';

const APPS =
  '腾讯身份验证器、Microsoft Authenticator、Google Authenticator、FreeOTP 等支持 TOTP 的验证器应用';

/** Groups a base32 secret in fours for manual entry. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * 绑定动态口令 (SECURITY.md 4): scan the QR code with an authenticator app, confirm with one code, keep
 * the ten recovery codes. Forced after login while the platform requires a second factor.
 */
export default function MfaEnrolmentPage() {
  const me = useMe();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<MfaEnrolmentStartResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string }>();
  const forced = me.user.mfaEnrolmentRequired;

  if (me.user.mfaEnrolled && !codes) {
    return (
      <>
        <PageHeader title="动态口令" />
        <Card variant="borderless">
          <Result
            status="success"
            icon={<SafetyCertificateOutlined />}
            title="已绑定动态口令"
            subTitle="登录时除密码外还需输入验证器中的 6 位动态口令。如手机丢失或更换，请联系安全管理员重置后重新绑定。"
          />
        </Card>
      </>
    );
  }

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await startEnrolment());
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await confirmEnrolment(code.replace(/\s/g, ''));
      setCodes(answer.recoveryCodes);
    } catch (e) {
      const apiError = asApiError(e);
      form.setFields([{ name: 'code', errors: [apiError.message] }]);
    } finally {
      setBusy(false);
    }
  };

  const done = async () => {
    // The server issued a new session at enrolment: read it (and its CSRF token) before moving on.
    const next = await session.refresh('expired').catch(() => null);
    if (next) {
      message.success('动态口令已绑定');
      navigate('/', { replace: true });
    }
  };

  const current = codes ? 2 : enrolment ? 1 : 0;

  return (
    <>
      <PageHeader
        title="绑定动态口令"
        description="双因素认证：登录时需同时提供密码和手机验证器生成的动态口令。"
      />
      <Card variant="borderless">
        {forced && !codes && (
          <Alert
            showIcon
            type="warning"
            title="请先绑定动态口令"
            description="平台要求所有账号启用双因素认证（等保三级），绑定后方可继续使用。"
            style={{ marginBottom: 24 }}
          />
        )}
        {error && <Alert showIcon type="error" title={error} style={{ marginBottom: 24 }} role="alert" />}
        <Steps
          current={current}
          style={{ maxWidth: 720, marginBottom: 32 }}
          items={[{ title: '生成二维码' }, { title: '扫码并验证' }, { title: '保存恢复码' }]}
        />
        {current === 0 && (
          <Flex vertical gap={16} style={{ maxWidth: 560 }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              请在手机上安装{APPS}，然后点击下方按钮生成本账号的二维码。二维码只显示这一次，请勿截图外传。
            </Typography.Paragraph>
            <div>
              <Button type="primary" onClick={start} loading={busy}>
                生成二维码
              </Button>
            </div>
          </Flex>
        )}
        {current === 1 && enrolment && (
          <Flex gap={32} wrap>
            <Flex vertical align="center" gap={8}>
              <Image
                src={enrolment.qrDataUrl}
                alt="动态口令二维码"
                width={200}
                height={200}
                preview={false}
              />
              <Typography.Text type="secondary">用验证器应用扫描</Typography.Text>
            </Flex>
            <Flex vertical gap={12} style={{ maxWidth: 420 }}>
              <Typography.Paragraph style={{ margin: 0 }}>
                无法扫码时，可在验证器中手工添加账号{' '}
                <Typography.Text code>{me.user.username}</Typography.Text>，类型选“基于时间”，密钥：
              </Typography.Paragraph>
              <span data-testid="totp-secret">
                <Typography.Text code copyable={{ text: enrolment.secret }} style={{ fontSize: 15 }}>
                  {grouped(enrolment.secret)}
                </Typography.Text>
              </span>
              <Form
                form={form}
                layout="vertical"
                onFinish={confirm}
                requiredMark={false}
                style={{ marginTop: 8 }}
              >
                <Form.Item
                  label={`输入验证器中显示的 ${enrolment.digits} 位动态口令`}
                  name="code"
                  rules={[
                    { required: true, message: '请输入动态口令' },
                    { pattern: /^\s*\d{3}\s*\d{3}\s*$/, message: '动态口令为 6 位数字' },
                  ]}
                >
                  <Input
                    name="code"
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    maxLength={8}
                    style={{ maxWidth: 200 }}
                    autoFocus
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  验证并绑定
                </Button>
              </Form>
            </Flex>
          </Flex>
        )}
        {current === 2 && codes && <RecoveryCodes codes={codes} username={me.user.username} onDone={done} />}
      </Card>
    </>
  );
}
