import { Button, Descriptions, Drawer, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { type AssessmentSummary, LABELS, ops, type SecuritySystem, type SystemDetail } from '../api.ts';
import { ActionForm, type Field } from '../components/ActionForm.tsx';

const due = (a: AssessmentSummary | null) =>
  a ? (
    <Space size={4}>
      {a.assessedOn}
      {a.nextDue && <Tag color={a.overdue ? 'red' : 'default'}>下次 {a.nextDue}</Tag>}
    </Space>
  ) : (
    <Typography.Text type="secondary">未登记</Typography.Text>
  );

type Action = 'grading' | 'assessment' | 'product' | 'exemption' | 'handover' | 'retirement';

function actionFields(action: Action, detail: SystemDetail): { title: string; fields: Field[] } {
  switch (action) {
    case 'grading':
      return {
        title: '等保定级备案',
        fields: [
          { name: 'level', label: '安全保护等级', type: 'number', min: 1, max: 5, required: true },
          { name: 'filingNumber', label: '备案证明编号', type: 'text', required: true },
          { name: 'filingDate', label: '备案日期', type: 'date', required: true },
          { name: 'criticalInfrastructure', label: '关键信息基础设施', type: 'switch' },
        ],
      };
    case 'assessment':
      return {
        title: '登记测评、密评或风险评估报告（登记后不可修改）',
        fields: [
          {
            name: 'kind',
            label: '类别',
            type: 'select',
            required: true,
            options: Object.entries(LABELS.assessment).map(([value, label]) => ({ value, label })),
          },
          { name: 'assessedOn', label: '评估日期', type: 'date', required: true },
          {
            name: 'result',
            label: '结论',
            type: 'select',
            required: true,
            options: Object.entries(LABELS.result).map(([value, label]) => ({ value, label })),
          },
          { name: 'reportNumber', label: '报告编号', type: 'text', required: true },
          { name: 'assessor', label: '测评（评估）机构', type: 'text', required: true },
          {
            name: 'contractorOrganisationId',
            label: '共同评估的承建单位',
            type: 'organisation',
            kinds: ['contractor'],
            extra: detail.rules?.riskAssessmentJoint.contractorRequired
              ? `${detail.rules.riskAssessmentJoint.wording}（${detail.rules.riskAssessmentJoint.articles.join('、')}）`
              : undefined,
          },
          { name: 'findings', label: '主要问题', type: 'textarea' },
        ],
      };
    case 'product':
      return {
        title: '登记关键软硬件产品（自主可控）',
        fields: [
          {
            name: 'category',
            label: '类别',
            type: 'select',
            required: true,
            options: Object.entries(LABELS.product).map(([value, label]) => ({ value, label })),
          },
          { name: 'name', label: '产品', type: 'text', required: true },
          { name: 'vendor', label: '厂商', type: 'text', required: true },
          { name: 'productVersion', label: '版本', type: 'text' },
          { name: 'controllable', label: '自主可控', type: 'switch' },
        ],
      };
    case 'exemption':
      return {
        title: '申请不上云',
        fields: [
          {
            name: 'ground',
            label: '理由类别',
            type: 'select',
            required: true,
            options: Object.entries(LABELS.ground).map(([value, label]) => ({ value, label })),
          },
          { name: 'reason', label: '具体理由', type: 'textarea', required: true },
        ],
      };
    case 'handover':
      return {
        title: '登记运维移交（XZ-30）',
        fields: [
          { name: 'fromOrganisationId', label: '移交单位', type: 'organisation', required: true },
          { name: 'toOrganisationId', label: '接管单位', type: 'organisation', required: true },
          { name: 'handedOverOn', label: '移交日期', type: 'date', required: true },
          { name: 'note', label: '移交内容', type: 'textarea' },
        ],
      };
    case 'retirement':
      return {
        title: '申请停用报废',
        fields: [
          { name: 'reason', label: '原因', type: 'textarea', required: true },
          { name: 'retirementDate', label: '停用日期', type: 'date', required: true },
          {
            name: 'dataDisposition',
            label: '数据处置',
            type: 'select',
            required: true,
            options: Object.entries(LABELS.disposition).map(([value, label]) => ({ value, label })),
          },
          { name: 'dataDestination', label: '归档位置或迁移去向', type: 'text', required: true },
        ],
      };
  }
}

const ACTION_PATH: Record<Action, (id: string) => [method: 'put' | 'post', path: string]> = {
  grading: (id) => ['put', `/systems/${id}/grading`],
  assessment: (id) => ['post', `/systems/${id}/assessments`],
  product: (id) => ['post', `/systems/${id}/products`],
  exemption: (id) => ['post', `/systems/${id}/cloud-exemption`],
  handover: (id) => ['post', `/systems/${id}/om-handover`],
  retirement: (id) => ['post', `/systems/${id}/retirement`],
};

/** 系统安全档案：等保定级、测评、密评、风险评估、自主可控产品，上云申请与停用报废入口。 */
export default function SecuritySystems() {
  const [q, setQ] = useState('');
  const [pageNo, setPageNo] = useState(1);
  const fetcher = useCallback(
    (signal: AbortSignal) => ops.systems({ q: q || undefined, limit: 20, offset: (pageNo - 1) * 20 }, signal),
    [q, pageNo],
  );
  const { data, error, loading, reload } = useRequest(fetcher);
  const [detail, setDetail] = useState<SystemDetail | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const open = async (id: string) => setDetail(await ops.system(id));
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const form = detail && action ? actionFields(action, detail) : null;
  return (
    <>
      <PageHeader
        title="系统安全档案"
        description="等保定级备案、等保测评与密评（第三级每年）、安全风险评估、自主可控关键产品（DT-35、SC-28、XZ-31）。"
        extra={
          <Input.Search
            allowClear
            placeholder="系统名称或编码"
            onSearch={(v) => {
              setQ(v);
              setPageNo(1);
            }}
          />
        }
      />
      <Table<SecuritySystem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: pageNo, pageSize: 20, total: data?.total ?? 0, onChange: setPageNo }}
        columns={[
          {
            title: '系统',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => open(r.id)}>{`${r.name}（${r.code}）`}</Button>
            ),
          },
          { title: '责任单位', dataIndex: 'organisationName' },
          { title: '等级', render: (_, r) => (r.grading ? `第${r.grading.level}级` : '未定级') },
          { title: '等保测评', render: (_, r) => due(r.mlps) },
          { title: '密评', render: (_, r) => due(r.crypto) },
          { title: '风险评估', render: (_, r) => due(r.risk) },
          {
            title: '关键产品',
            render: (_, r) =>
              `${r.products} 项${r.uncontrollableProducts ? `（${r.uncontrollableProducts} 项非自主可控）` : ''}`,
          },
        ]}
      />
      <Drawer
        size="large"
        open={detail !== null}
        onClose={() => setDetail(null)}
        title={detail ? `${detail.system.name}（${detail.system.code}）` : ''}
      >
        {detail && (
          <>
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              {(['grading', 'assessment', 'product', 'exemption', 'handover', 'retirement'] as const).map(
                (a) => (
                  <Button key={a} onClick={() => setAction(a)}>
                    {actionFields(a, detail).title.replace(/（.*）/, '')}
                  </Button>
                ),
              )}
            </Flex>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="责任单位">{detail.system.organisationName}</Descriptions.Item>
              <Descriptions.Item label="部署">
                {detail.system.deployment}
                {detail.rules && !detail.rules.countsAsCloud && (
                  <Tag color="orange">未在本辖区认可的政务云上</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="等保等级">
                {detail.grading
                  ? `第${detail.grading.level}级（${detail.grading.filingNumber}，${detail.grading.filingDate}）`
                  : '未定级'}
              </Descriptions.Item>
              <Descriptions.Item label="关键信息基础设施">
                {detail.grading?.criticalInfrastructure ? '是' : '否'}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>测评与评估（登记后不可修改）</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={detail.assessments}
              columns={[
                { title: '类别', dataIndex: 'kind', render: (k: string) => LABELS.assessment[k] },
                { title: '日期', dataIndex: 'assessedOn' },
                { title: '结论', dataIndex: 'result', render: (r: string) => LABELS.result[r] },
                { title: '报告', dataIndex: 'reportNumber' },
                { title: '共同评估', dataIndex: 'contractorOrganisationName' },
                { title: '下次到期', dataIndex: 'nextDue' },
                { title: '依据', dataIndex: 'article' },
              ]}
            />
            <Typography.Title level={5}>关键产品</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={detail.products}
              columns={[
                { title: '类别', dataIndex: 'category', render: (c: string) => LABELS.product[c] },
                { title: '产品', dataIndex: 'name' },
                { title: '厂商', dataIndex: 'vendor' },
                {
                  title: '自主可控',
                  dataIndex: 'controllable',
                  render: (c: boolean) => (c ? <Tag color="green">是</Tag> : <Tag color="red">否</Tag>),
                },
                {
                  title: '',
                  render: (_, p) => (
                    <Popconfirm
                      title="删除该产品记录？"
                      onConfirm={async () => {
                        await ops.remove(`/systems/${detail.system.id}/products/${p.id}`);
                        await open(detail.system.id);
                      }}
                    >
                      <Button type="link" size="small">
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
            <Typography.Title level={5}>上云、运维移交与停用报废</Typography.Title>
            <ul>
              {detail.exemptions.map((e) => (
                <li key={e.id}>
                  不上云申请（{LABELS.ground[e.ground]}）：{e.reason} — {LABELS.request[e.status]}
                </li>
              ))}
              {detail.handovers.map((h) => (
                <li key={h.id}>
                  {h.handedOverOn} 运维由 {h.fromOrganisationName} 移交 {h.toOrganisationName}
                </li>
              ))}
              {detail.retirements.map((r) => (
                <li key={r.id}>
                  停用报废申请（{r.retirementDate}）：{r.reason} — {LABELS.request[r.status]}
                </li>
              ))}
            </ul>
          </>
        )}
      </Drawer>
      {detail && form && action && (
        <ActionForm
          open
          title={form.title}
          fields={form.fields}
          initial={action === 'product' ? { controllable: true } : undefined}
          onClose={() => setAction(null)}
          onSubmit={(values) => {
            const [method, path] = ACTION_PATH[action](detail.system.id);
            const body =
              action === 'grading'
                ? {
                    criticalInfrastructure: false,
                    ...values,
                    ...(detail.grading ? { version: detail.grading.version } : {}),
                  }
                : action === 'product'
                  ? { controllable: false, ...values }
                  : values;
            return method === 'put' ? ops.put(path, body) : ops.post(path, body);
          }}
          onDone={async () => {
            setAction(null);
            await open(detail.system.id);
            reload();
          }}
        />
      )}
    </>
  );
}
