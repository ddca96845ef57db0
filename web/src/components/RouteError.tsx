import { Button, Flex, Result } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router-dom';

/** A page failed to load or render. A failed chunk usually means a new release: reloading fixes it. */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const chunkFailed =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script/i.test(error.message);

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title="页面不存在"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回工作台
          </Button>
        }
      />
    );
  }
  return (
    <Flex align="center" justify="center" style={{ minHeight: 360 }}>
      <Result
        status={chunkFailed ? 'warning' : '500'}
        title={chunkFailed ? '页面资源加载失败' : '页面出错了'}
        subTitle={
          chunkFailed
            ? '平台可能刚刚完成升级，请刷新页面后重试。'
            : '请刷新页面后重试；如问题持续，请联系系统管理员。'
        }
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>,
          <Button key="home" onClick={() => navigate('/')}>
            返回工作台
          </Button>,
        ]}
      />
    </Flex>
  );
}
