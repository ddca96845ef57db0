import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { useMe } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../format.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { createEntry, listEntries, updateEntry } from '../api.ts';
import type { ListCode, ListEntry, ListEntryDraft } from '../types.ts';

const TEXT: Record<ListCode, { title: string; description: string; example: string }> = {
  unified: {
    title: '统建清单',
    description:
      '由主管部门统一建设、各部门必须使用的系统和能力；申报内容完整包含条目关键词即命中，命中须复用统建能力。',
    example: '如：统一身份认证、电子印章、视频会议',
  },
  negative: {
    title: '负面清单',
    description:
      '任何部门不得自行建设的内容（自建机房、政务云可提供的自购服务器、无依据的业务专网等）；命中即为疑似重复建设。',
    example: '如：机房、服务器、专网',
  },
};

/** 统建清单 / 负面清单 maintenance: read by every business role of the jurisdiction, kept by its authority. */
export default function DedupListsPage() {
  const list: ListCode = useLocation().pathname.endsWith('/negative') ? 'negative' : 'unified';
  const me = useMe();
  const { message } = App.useApp();
  const keeperJurisdictions = new Set(
    me.roles
      .filter((r) => r.role === 'authority_reviewer' || r.role === 'authority_leader')
      .map((r) => r.jurisdictionId),
  );
  const fetchEntries = useCallback(() => listEntries(list), [list]);
  const loaded = useRequest(fetchEntries);
  const [editing, setEditing] = useState<ListEntry | 'new' | null>(null);
  const [form] = Form.useForm<ListEntryDraft>();
  const [saving, setSaving] = useState(false);

  const open = (entry: ListEntry | 'new') => {
    setEditing(entry);
    form.setFieldsValue(
      entry === 'new'
        ? { code: '', name: '', description: '', phrases: [], basis: '', active: true }
        : {
            code: entry.code,
            name: entry.name,
            description: entry.description,
            phrases: entry.phrases,
            basis: entry.basis,
            active: entry.active,
          },
    );
  };

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (editing === 'new') await createEntry(list, values);
      else if (editing) await updateEntry(editing.id, { ...values, version: editing.version });
      message.success('已保存');
      setEditing(null);
      loaded.reload();
    } catch (e) {
      const err = asApiError(e);
      if (err.field) form.setFields([{ name: err.field as keyof ListEntryDraft, errors: [err.message] }]);
      else message.error(err.message);
    } finally {
      setSaving(false);
    }
  };

  if (loaded.error) return <ApiErrorResult error={loaded.error} onRetry={loaded.reload} />;
  return (
    <>
      <PageHeader title={TEXT[list].title} description={TEXT[list].description} />
      <Card
        extra={
          keeperJurisdictions.size > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              新增条目
            </Button>
          )
        }
      >
        <Table
          rowKey="id"
          loading={loaded.loading}
          dataSource={loaded.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '编号', dataIndex: 'code', width: 110 },
            { title: '名称', dataIndex: 'name' },
            {
              title: '关键词',
              dataIndex: 'phrases',
              render: (p: string[]) => p.map((x) => <Tag key={x}>{x}</Tag>),
            },
            { title: '依据', dataIndex: 'basis' },
            { title: '辖区', dataIndex: 'jurisdictionName', width: 110 },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (a: boolean) => (a ? <Tag color="green">有效</Tag> : <Tag>停用</Tag>),
            },
            {
              title: '更新时间',
              dataIndex: 'updatedAt',
              width: 170,
              render: (t: string) => formatDateTime(t),
            },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, entry: ListEntry) =>
                keeperJurisdictions.has(entry.jurisdictionId) && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => open(entry)}>
                    修改
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? `新增${TEXT[list].title}条目` : `修改${TEXT[list].title}条目`}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={saving}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="code" label="条目编号" rules={[{ required: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="phrases"
            label="关键词"
            extra={`申报内容完整包含其中任一关键词即命中；${TEXT[list].example}`}
            rules={[{ required: true, message: '请至少填写一个关键词' }]}
          >
            <Select mode="tags" open={false} tokenSeparators={['、', '；', ';']} />
          </Form.Item>
          <Form.Item name="basis" label="依据（条款或文件）">
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="active" label="有效" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
