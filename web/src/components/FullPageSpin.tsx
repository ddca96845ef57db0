import { Flex, Spin } from 'antd';

export function FullPageSpin({ description = '加载中…' }: { description?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={description} />
    </Flex>
  );
}

export function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin />
    </Flex>
  );
}
