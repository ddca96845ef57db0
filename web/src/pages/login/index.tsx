import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { asApiError } from '../../api/client.ts';
import type { DemoAccount, LoginInfoResponse, MfaPendingResponse } from '../../api/types.ts';
import { useSession } from '../../auth/context.ts';
import { safeRedirect } from '../../auth/redirect.ts';
import { PLATFORM_NAME } from '../../platform.ts';
import { fetchLoginInfo } from './api.ts';
import { DemoAccounts } from './components/DemoAccounts.tsx';
import { SecondFactorForm } from './components/SecondFactorForm.tsx';

interface LoginForm {
  username: string;
  password: string;
}

const NOTICES = {
  expired: { type: 'info', title: '登录已失效，请重新登录。' },
  passwordChanged: { type: 'success', title: '密码已修改，请使用新密码登录。' },
  signedOut: null,
  initial: null,
} as const;

export default function LoginPage() {
  const session = useSession();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<LoginInfoResponse | null>(null);
  /** Set after a right password when the account has a second factor (登录第二步). */
  const [pending, setPending] = useState<{ answer: MfaPendingResponse; username: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchLoginInfo(controller.signal).then(setInfo, () => {
      // The login form works without it; the demo list simply stays hidden.
    });
    return () => controller.abort();
  }, []);

  const onPick = useCallback(
    (account: DemoAccount) => {
      form.setFieldsValue({ username: account.username, password: account.password });
      setError(null);
      message.info(`已填入 ${account.displayName} 的账号，请点击登录`);
    },
    [form, message],
  );

  if (session.state.status === 'authenticated') {
    return <Navigate to={safeRedirect(params.get('redirect'))} replace />;
  }

  const onFinish = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const answer = await session.signIn(username.trim(), password);
      if ('mfaRequired' in answer) setPending({ answer, username: username.trim() });
      // Otherwise the session turns authenticated and this page redirects (the guard takes over
      // mustChangePassword, an expired password and a second factor still to bind).
      form.setFieldValue('password', '');
    } catch (e) {
      setError(asApiError(e).message);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const notice = session.state.status === 'anonymous' ? NOTICES[session.state.reason] : null;
  const demo = info?.demo && info.demoAccounts.length > 0 ? info.demoAccounts : null;
  const platformName = info?.platformName || PLATFORM_NAME;

  const loginCard = (
    <Card variant="borderless" style={{ boxShadow: '0 6px 24px rgba(0, 58, 140, 0.12)' }}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24, textAlign: 'center' }}>
        {pending ? '双因素认证' : '账号登录'}
      </Typography.Title>
      {notice && <Alert showIcon type={notice.type} title={notice.title} style={{ marginBottom: 16 }} />}
      {error && (
        <Alert
          showIcon
          type="error"
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
          role="alert"
        />
      )}
      {pending ? (
        <SecondFactorForm
          pending={pending.answer}
          username={pending.username}
          onRestart={(reason) => {
            setPending(null);
            setError(reason ?? null);
          }}
        />
      ) : (
        <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input
              name="username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              placeholder="请输入用户名"
            />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              name="password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              placeholder="请输入密码"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12, textAlign: 'center' }}>
        忘记密码或账号被锁定，请联系本单位系统管理员；手机验证器丢失请联系安全管理员重置。
      </Typography.Paragraph>
    </Card>
  );

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '48px 16px',
        background: 'linear-gradient(180deg, #003a8c 0, #1677ff 280px, #f0f2f5 280px)',
      }}
    >
      <Typography.Title
        level={2}
        style={{ color: '#fff', marginTop: 16, marginBottom: 8, textAlign: 'center' }}
      >
        {platformName}
      </Typography.Title>
      <Typography.Paragraph
        style={{ color: 'rgba(255,255,255,0.85)', marginBottom: 32, textAlign: 'center' }}
      >
        政务信息化项目规划、审核、建设、验收与绩效评价全流程管理
      </Typography.Paragraph>
      <Row gutter={[24, 24]} justify="center" style={{ width: '100%', maxWidth: demo ? 1280 : 440 }}>
        <Col xs={24} lg={demo ? 9 : 24}>
          {loginCard}
        </Col>
        {demo && (
          <Col xs={24} lg={15}>
            <DemoAccounts accounts={demo} onPick={onPick} />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
