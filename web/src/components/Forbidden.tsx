import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** Shown when the signed-in user's roles do not open the page (the server would answer 403 anyway). */
export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问此页面"
      subTitle="您当前的角色无权查看该页面。如需访问，请联系安全管理员分配相应角色。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
