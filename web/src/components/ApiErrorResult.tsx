import { Button, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type ApiError, NETWORK_ERROR } from '../api/client.ts';

interface Props {
  error: ApiError;
  onRetry?: () => void;
  /** What to say when the endpoint answers 404 (e.g. a feature whose API arrives in a later release). */
  notFound?: { title: string; subTitle: ReactNode };
}

/** A failed load, in the server's own Chinese words, with the request id the help desk asks for. */
export function ApiErrorResult({ error, onRetry, notFound }: Props) {
  if (error.status === 404 && notFound) {
    return <Result status="info" title={notFound.title} subTitle={notFound.subTitle} />;
  }

  const retry = onRetry && (
    <Button type="primary" onClick={onRetry}>
      重试
    </Button>
  );
  const details = (
    <>
      {error.message}
      {error.article && <div>依据：{error.article}</div>}
      {error.requestId && (
        <div>
          <Typography.Text type="secondary" copyable={{ text: error.requestId }}>
            请求编号：{error.requestId}
          </Typography.Text>
        </div>
      )}
    </>
  );

  if (error.status === 403) return <Result status="403" title="无权查看" subTitle={details} />;
  if (error.code === NETWORK_ERROR) {
    return <Result status="warning" title="无法连接服务器" subTitle={details} extra={retry} />;
  }
  if (error.status >= 500)
    return <Result status="500" title="服务暂时不可用" subTitle={details} extra={retry} />;
  return <Result status="error" title="加载失败" subTitle={details} extra={retry} />;
}
