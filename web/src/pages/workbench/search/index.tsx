import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { type SearchResult, searchAll } from '../api.ts';

const COLORS: Record<string, string> = {
  project: 'blue',
  system: 'green',
  resource: 'cyan',
  document: 'purple',
};

/**
 * 搜索: one box across projects, systems, resources and document titles. The server returns only what
 * the user may see; a fragment matches anywhere in a name or code (证照 finds 电子证照库).
 */
export default function SearchPage() {
  const [search, setSearch] = useSearchParams();
  const q = (search.get('q') ?? '').trim();
  const fetcher = useCallback(
    (signal: AbortSignal): Promise<SearchResult | null> => (q ? searchAll(q, signal) : Promise.resolve(null)),
    [q],
  );
  const result = useRequest(fetcher);
  return (
    <>
      <PageHeader title="搜索" description="在您有权查看的项目、信息系统、信息资源和文件标题中查找。" />
      <Input.Search
        key={q}
        defaultValue={q}
        placeholder="输入名称或编号中的任意片段，如“证照”"
        enterButton="搜索"
        size="large"
        maxLength={50}
        allowClear
        style={{ maxWidth: 640, marginBottom: 16 }}
        onSearch={(v) => setSearch(v.trim() ? { q: v.trim() } : {})}
      />
      {result.error ? (
        <ApiErrorResult error={result.error} onRetry={result.reload} />
      ) : !q ? (
        <Empty description="请输入要查找的内容" />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="search-results">
          {(result.data?.groups ?? []).map((g) => (
            <Card
              key={g.kind}
              size="small"
              loading={result.loading}
              title={
                <>
                  {g.kindName} <Typography.Text type="secondary">（{g.total} 条）</Typography.Text>
                </>
              }
              extra={
                g.total > g.items.length && <span>仅显示前 {g.items.length} 条，请输入更具体的内容</span>
              }
            >
              <List
                size="small"
                dataSource={g.items}
                locale={{ emptyText: '无匹配' }}
                renderItem={(hit) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={COLORS[hit.kind]}>{g.kindName}</Tag>
                      <Link to={hit.path}>{hit.title}</Link>
                      {hit.code && <Typography.Text type="secondary">{hit.code}</Typography.Text>}
                      <Typography.Text type="secondary">{hit.subtitle}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
