import { App, Button, Drawer, Form, InputNumber, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listCatalogSystems } from '../../catalog/api.ts';
import { createQuestionnaire, listQuestionnaires } from '../api.ts';
import { DEFAULT_DESIGN, DesignFields, toDesign } from '../components/DesignForm.tsx';
import { type DesignInput, PHASE_COLORS, PHASE_LABELS, type QuestionnaireSummary } from '../types.ts';

function CreateDrawer({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const systems = useRequest(listCatalogSystems);
  const submit = async (values: DesignInput & { systemId: string; year: number }) => {
    setSaving(true);
    try {
      const { id } = await createQuestionnaire({
        systemId: values.systemId,
        year: values.year,
        ...toDesign(values),
      });
      message.success('问卷草稿已保存');
      navigate(`/questionnaires/${id}`);
    } catch (e) {
      const err = asApiError(e);
      if (err.field)
        form.setFields([{ name: err.field.replace(/\[(\d+)\]/g, '.$1').split('.'), errors: [err.message] }]);
      message.error(err.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer open width={720} title="设计满意度问卷" onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), ...DEFAULT_DESIGN }}
        onFinish={submit}
      >
        <Form.Item name="systemId" label="运行中的系统" rules={[{ required: true, message: '请选择系统' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={systems.loading}
            options={(systems.data?.items ?? [])
              .filter((s) => s.status === 'in_operation')
              .map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="year" label="评价年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <DesignFields form={form} />
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
          保存草稿
        </Button>
      </Form>
    </Drawer>
  );
}

const FIELDS: FilterField[] = [{ name: 'year', label: '年度', type: 'text', width: 120 }];

const columns: TableColumnsType<QuestionnaireSummary> = [
  {
    title: '问卷',
    dataIndex: 'title',
    render: (t: string, r) => <Link to={`/questionnaires/${r.id}`}>{t}</Link>,
  },
  { title: '系统', dataIndex: 'systemName' },
  { title: '年度', dataIndex: 'year', width: 80 },
  {
    title: '状态',
    dataIndex: 'phase',
    width: 100,
    render: (p: QuestionnaireSummary['phase']) => <Tag color={PHASE_COLORS[p]}>{PHASE_LABELS[p]}</Tag>,
  },
  {
    title: '开放时间',
    render: (_, r) => (r.startsOn ? `${r.startsOn} 至 ${r.endsOn}` : '—'),
  },
  { title: '答卷数', dataIndex: 'responses', width: 90 },
];

/** The authority's questionnaires (DT-30, SC-24, XZ-26): design, publish, results. */
export default function QuestionnairesPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="满意度问卷"
        description="成效评价的公众满意度：设计问卷、发布链接和二维码、查看统计（DT-30、SC-24、XZ-26）"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新建问卷
          </Button>
        }
      />
      <ListPage<QuestionnaireSummary>
        fetcher={listQuestionnaires}
        fields={FIELDS}
        columns={columns}
        rowKey="id"
        empty="还没有问卷"
      />
      {creating && <CreateDrawer onClose={() => setCreating(false)} />}
    </>
  );
}
