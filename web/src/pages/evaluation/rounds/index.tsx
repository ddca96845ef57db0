import { App, Button, Card, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { evaluation, type Round } from '../api.ts';

/** 年度考核：考核年度列表；主管部门在年度预算结束后开启考核（DT-27、SC-22、XZ-22）。 */
export default function EvaluationRounds() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useRequest(evaluation.rounds);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ year: number; dueDate: string }>();
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  const manages = (data?.items ?? []).some((r) => r.manage);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const res = await evaluation.open(values);
      message.success(`已开启，向各部门下达 ${res.obligations} 项自评价义务`);
      setOpen(false);
      navigate(`/evaluation/rounds/${res.id}`);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <PageHeader
        title="年度考核"
        description="一年度一考核，一部门一报告，一汇编一公示：项目自评价、财政抽查、绩效考核评分、应用效能评估、整改与年度报告。"
        extra={
          <Button
            type="primary"
            onClick={() => setOpen(true)}
            disabled={!manages && (data?.items.length ?? 0) > 0}
          >
            开启年度考核
          </Button>
        }
      />
      <Card size="small">
        <Table<Round>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: '考核年度',
              render: (_, r) => <Link to={`/evaluation/rounds/${r.id}`}>{r.year} 年度</Link>,
            },
            { title: '辖区', dataIndex: 'jurisdictionName' },
            { title: '自评价报送截止', dataIndex: 'dueDate' },
            {
              title: '状态',
              render: (_, r) =>
                r.publishedAt ? (
                  <Tag color="green">已公示</Tag>
                ) : r.rolledUpAt ? (
                  <Tag color="blue">已汇总</Tag>
                ) : (
                  <Tag>进行中</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        title="开启年度考核"
        open={open}
        onOk={submit}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1 }}>
          <Form.Item name="year" label="考核年度（须为已结束的预算年度）" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label="自评价报告报送截止日期"
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
