import { Card, ConfigProvider, Empty, Layout, Table, Tag, Typography } from 'antd';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { evaluation } from '../api.ts';

const GRADE_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

/** 一公示（DT-07）：已公示的各部门年度考核结果，无需登录。 */
export default function PublicEvaluationResults() {
  const { data, error, loading, reload } = useRequest(evaluation.publicResults);
  return (
    <ConfigProvider>
      <Layout style={{ minHeight: '100vh', padding: '16px', maxWidth: 960, margin: '0 auto' }}>
        <Typography.Title level={3}>政务信息化项目年度考核结果公示</Typography.Title>
        <Typography.Paragraph type="secondary">
          按年度对各部门建设中和运行中的政务信息化项目开展监督评估和绩效考核，结果予以公示。
        </Typography.Paragraph>
        {error && <ApiErrorResult error={error} onRetry={reload} />}
        {!loading && data?.items.length === 0 && <Empty description="暂无公示的考核结果" />}
        {(data?.items ?? []).map((r) => (
          <Card
            key={r.id}
            title={`${r.jurisdictionName} ${r.year} 年度考核结果`}
            size="small"
            style={{ marginBottom: 16 }}
          >
            <Table
              rowKey="organisationName"
              size="small"
              pagination={false}
              dataSource={r.departments}
              columns={[
                { title: '部门', dataIndex: 'organisationName' },
                { title: '得分', dataIndex: 'score', width: 80 },
                {
                  title: '等次',
                  width: 90,
                  render: (_, d) => <Tag color={GRADE_COLORS[d.grade]}>{d.gradeName}</Tag>,
                },
              ]}
            />
            <Typography.Text type="secondary">公示时间：{r.publishedAt.slice(0, 10)}</Typography.Text>
          </Card>
        ))}
      </Layout>
    </ConfigProvider>
  );
}
