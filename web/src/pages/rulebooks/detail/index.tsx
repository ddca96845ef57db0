import { BranchesOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { getRulebook } from '../api.ts';
import { DeadlinesTab } from './components/DeadlinesTab.tsx';
import { DeriveDrawer } from './components/DeriveDrawer.tsx';
import { GatesTab } from './components/GatesTab.tsx';
import { MaterialsTab } from './components/MaterialsTab.tsx';
import { RolesTab } from './components/RolesTab.tsx';
import { RulebookHeader } from './components/RulebookHeader.tsx';
import { WorkflowTab } from './components/WorkflowTab.tsx';
import { describeChange } from './derive.ts';

function parseVersion(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** 规则集详情: one rulebook version in Chinese, every item with its article and citation. */
export default function RulebookDetailPage() {
  const { code = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const version = parseVersion(search.get('version'));
  const { access } = useSession();
  const [deriving, setDeriving] = useState(false);

  const fetcher = useCallback((signal: AbortSignal) => getRulebook(code, version, signal), [code, version]);
  const { data: rb, error, loading, reload } = useRequest(fetcher);

  const tabs = rb
    ? [
        { key: 'roles', label: '角色', children: <RolesTab rulebook={rb} /> },
        { key: 'workflow', label: '流程', children: <WorkflowTab rulebook={rb} /> },
        {
          key: 'materials',
          label: `材料（${rb.materials.length}）`,
          children: <MaterialsTab rulebook={rb} />,
        },
        {
          key: 'deadlines',
          label: `期限（${rb.deadlines.length}）`,
          children: <DeadlinesTab rulebook={rb} />,
        },
        { key: 'gates', label: `闸口（${rb.gates.length}）`, children: <GatesTab rulebook={rb} /> },
        ...(rb.changes.length > 0
          ? [
              {
                key: 'changes',
                label: `派生变更（${rb.changes.length}）`,
                children: (
                  <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                    {rb.changes.map((c, i) => (
                      // Changes are an ordered list that never changes in place.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <li key={i}>{describeChange(c, rb)}</li>
                    ))}
                  </ol>
                ),
              },
            ]
          : []),
      ]
    : [];

  return (
    <>
      <PageHeader
        title={
          rb ? (
            <Space wrap>
              {rb.name}
              <Tag color="blue">{rb.code}</Tag>
              <Tag>第 {rb.version} 版</Tag>
            </Space>
          ) : (
            `规则集 ${code}`
          )
        }
        description={rb ? `《${rb.regulation.title}》· ${rb.regulation.issuer}` : undefined}
        extra={
          <Flex gap={8} wrap>
            {rb && rb.versions.length > 1 && (
              <Select
                aria-label="版本"
                value={rb.version}
                style={{ width: 200 }}
                onChange={(v: number) => setSearch({ version: String(v) })}
                options={rb.versions.map((v) => ({
                  value: v.version,
                  label: `第 ${v.version} 版（${v.effectiveFrom} 起）`,
                }))}
              />
            )}
            {rb && access.canDeriveRulebooks && (
              <Button type="primary" icon={<BranchesOutlined />} onClick={() => setDeriving(true)}>
                派生新版本
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
          </Flex>
        }
      />
      {error ? (
        <Card variant="borderless">
          <ApiErrorResult
            error={error}
            onRetry={reload}
            notFound={{ title: '规则集不存在', subTitle: `没有代码为 ${code} 的规则集或该版本。` }}
          />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Card variant="borderless" loading={loading && !rb}>
            {rb && <RulebookHeader rulebook={rb} />}
          </Card>
          <Card variant="borderless" loading={loading && !rb}>
            {rb && (
              <>
                <Typography.Paragraph type="secondary">
                  每条规则后的标签为条款编号，鼠标悬停可查看完整出处。
                </Typography.Paragraph>
                <Tabs items={tabs} />
              </>
            )}
          </Card>
        </Flex>
      )}
      {rb && access.canDeriveRulebooks && (
        <DeriveDrawer rulebook={rb} open={deriving} onClose={() => setDeriving(false)} />
      )}
    </>
  );
}
