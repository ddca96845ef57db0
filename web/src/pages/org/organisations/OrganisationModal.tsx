import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { asApiError } from '../../../api/client.ts';
import type { Organisation } from '../../../api/types.ts';
import { createOrganisation, updateOrganisation } from './api.ts';

interface Values {
  name: string;
  kind: string;
  jurisdictionId: string;
  parentId: string | null;
}

/** 新增 or 修改 an organisation (sys_admin, issue 17 item 8); refusals land at their field. */
export function OrganisationModal({
  organisation,
  open,
  kinds,
  jurisdictions,
  organisations,
  onClose,
  onDone,
}: {
  organisation: (Organisation & { version?: number }) | null;
  open: boolean;
  kinds: { value: string; label: string }[];
  jurisdictions: { value: string; label: string }[];
  organisations: Organisation[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const jurisdictionId = Form.useWatch('jurisdictionId', form);
  useEffect(() => {
    if (open)
      form.setFieldsValue(
        organisation
          ? {
              name: organisation.name,
              kind: organisation.kind,
              jurisdictionId: organisation.jurisdictionId,
              parentId: organisation.parentId,
            }
          : { name: '', parentId: null },
      );
  }, [open, organisation, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (organisation)
        await updateOrganisation(organisation.id, {
          name: v.name.trim(),
          kind: v.kind,
          version: organisation.version ?? 1,
        });
      else
        await createOrganisation({
          name: v.name.trim(),
          kind: v.kind,
          jurisdictionId: v.jurisdictionId,
          parentId: v.parentId ?? null,
        });
      message.success(organisation ? '已保存' : '已新增');
      onDone();
    } catch (e) {
      const err = asApiError(e);
      const field = err.field?.split(/[./]/)[0];
      if (field && ['name', 'kind', 'jurisdictionId', 'parentId'].includes(field))
        form.setFields([{ name: field as keyof Values, errors: [err.message] }]);
      else message.error(err.message);
    }
  };

  return (
    <Modal
      title={organisation ? `修改单位：${organisation.name}` : '新增单位'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={organisation ? '保存' : '新增'}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label="单位名称"
          rules={[{ required: true, min: 2, max: 100, message: '2–100 个字' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={kinds} />
        </Form.Item>
        <Form.Item name="jurisdictionId" label="所属辖区" rules={[{ required: true, message: '请选择辖区' }]}>
          <Select options={jurisdictions} disabled={organisation !== null} />
        </Form.Item>
        {!organisation && (
          <Form.Item name="parentId" label="上级单位（可选）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={organisations
                .filter((o) => o.jurisdictionId === jurisdictionId)
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
