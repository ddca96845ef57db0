import { Button, Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { type AccessKey, isAllowed } from '../access.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useSession } from './context.ts';
import { loginPath } from './redirect.ts';

export const PASSWORD_PATH = '/account/password';
export const MFA_PATH = '/account/mfa';

/**
 * The signed-in area: waits for /api/auth/me, sends visitors to the login page (remembering where
 * they were going), keeps a user whose password must change (initial or expired) on the password
 * page, and then one who must bind a second factor on the enrolment page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();

  switch (state.status) {
    case 'loading':
      return <FullPageSpin />;
    case 'unavailable':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Result
            status="warning"
            title="暂时无法连接平台服务"
            subTitle={state.error.message}
            extra={
              <Button type="primary" onClick={() => refresh('initial').catch(() => undefined)}>
                重试
              </Button>
            }
          />
        </Flex>
      );
    case 'anonymous': {
      const keepTarget = state.reason === 'initial' || state.reason === 'expired';
      const target = keepTarget ? loginPath(location.pathname + location.search + location.hash) : '/login';
      return <Navigate to={target} replace />;
    }
    case 'authenticated': {
      const { user } = state.me;
      const mustChange = user.mustChangePassword || user.passwordExpired;
      if (mustChange && location.pathname !== PASSWORD_PATH && location.pathname !== MFA_PATH) {
        return <Navigate to={PASSWORD_PATH} replace />;
      }
      if (!mustChange && user.mfaEnrolmentRequired && location.pathname !== MFA_PATH) {
        return <Navigate to={MFA_PATH} replace />;
      }
      return children;
    }
  }
}

/** One page of the route table: rendered only when the user holds its access key. */
export function RequireAccess({ access, children }: { access: AccessKey | undefined; children: ReactNode }) {
  const session = useSession();
  return isAllowed(session.access, access) ? children : <Forbidden />;
}
