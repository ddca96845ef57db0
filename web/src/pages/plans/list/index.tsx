import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { useMe } from '../../../auth/context.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { numberRule } from '../../../components/numberRules.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PLAN_STATUS_BADGE } from '../../projects/logic.ts';
import { useProjectMeta } from '../../projects/meta.ts';
import { createPlan, listPlans } from '../api.ts';
import type { Plan } from '../types.ts';

const COMPILERS = ['authority_reviewer', 'authority_leader', 'dept_staff'];

/**
 * 规划与年度计划 (DT-08, SC-07, XZ-06): the authority compiles the jurisdiction's plans for the
 * leadership body's approval; departments file their own plans with the authority.
 */
export default function PlansPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  // 按名称 (q), 类别 (kind) and 状态 (status) in the URL; filtered, paged and counted on the server.
  const list = useListQuery(listPlans);
  const reload = list.reload;
  const [creating, setCreating] = useState(false);
  const meta = useProjectMeta();
  const [form] = Form.useForm<{
    kind: string;
    title: string;
    year: number;
    endYear?: number;
    summary: string;
  }>();
  const fields: FilterField[] = [
    { name: 'q', label: '按名称搜索', type: 'text' },
    { name: 'kind', label: '类别', type: 'select', width: 160, options: meta.planKinds },
    { name: 'status', label: '状态', type: 'select', width: 140, options: meta.planStatuses },
  ];
  const canCompile = me.roles.some((r) => COMPILERS.includes(r.role));

  const columns: TableColumnsType<Plan> = [
    {
      title: '名称',
      dataIndex: 'title',
      render: (t: string, p) => <Link to={`/projects/plans/${p.id}`}>{t}</Link>,
    },
    { title: '类别', dataIndex: 'kindName', width: 140 },
    {
      title: '编制单位',
      dataIndex: 'organisationName',
      render: (n: string, p) => (
        <>
          {n} <Tag>{p.scope === 'jurisdiction' ? '本级规划' : '部门规划'}</Tag>
        </>
      ),
    },
    { title: '年度', width: 120, render: (_, p) => (p.endYear > p.year ? `${p.year}—${p.endYear}` : p.year) },
    { title: '条目', width: 80, render: (_, p) => p.entries.length },
    {
      title: '状态',
      dataIndex: 'statusName',
      width: 110,
      render: (s: string, p) => <Badge status={PLAN_STATUS_BADGE[p.status] ?? 'default'} text={s} />,
    },
  ];

  const create = async () => {
    const values = await form.validateFields();
    try {
      const plan = await createPlan({ ...values, summary: values.summary ?? '' });
      setCreating(false);
      form.resetFields();
      navigate(`/projects/plans/${plan.id}`);
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };

  return (
    <>
      <PageHeader
        title="规划与年度计划"
        description="主管部门编制本级政务信息化规划和年度计划，报政府批准（局党组同意）；部门、县区规划报主管部门备案。"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
            {canCompile && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                编制规划
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <ListView<Plan> list={list} fields={fields} columns={columns} rowKey="id" />
      </Card>
      <Modal
        title="编制规划或年度计划"
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'annual', year: new Date().getFullYear() }}
        >
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={meta.planKinds} />
          </Form.Item>
          <Form.Item name="title" label="名称" rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item
              name="year"
              label="起始年度"
              rules={[
                { required: true },
                numberRule({ label: '起始年度', min: 2000, max: 2100, integer: true }),
              ]}
            >
              <InputNumber />
            </Form.Item>
            <Form.Item
              name="endYear"
              label="终止年度（规划）"
              rules={[numberRule({ label: '终止年度', min: 2000, max: 2100, integer: true })]}
            >
              <InputNumber />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label="说明">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
