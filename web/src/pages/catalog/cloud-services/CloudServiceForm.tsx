import { Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { numberRule } from '../../../components/numberRules.ts';
import { createCloudService, updateCloudService } from '../api.ts';
import { FormDrawer, useServerSave } from '../components/FormDrawer.tsx';
import { changes } from '../logic.ts';
import type { CatalogMeta, CloudServiceDraft, CloudServiceItem } from '../types.ts';

const FIELDS = ['name', 'category', 'spec', 'unit', 'unitPrice', 'provider', 'remarks'];

const valuesOf = (item: CloudServiceItem): CloudServiceDraft => ({
  name: item.name,
  category: item.category,
  spec: item.spec,
  unit: item.unit,
  unitPrice: item.unitPrice,
  provider: item.provider,
  remarks: item.remarks,
});

/** 新增 / 修改云服务目录条目 (DT-13): a draft until approved. */
export function CloudServiceForm({
  meta,
  item,
  open,
  onClose,
  onSaved,
}: {
  meta: CatalogMeta;
  item?: CloudServiceItem;
  open: boolean;
  onClose: () => void;
  onSaved: (item: CloudServiceItem) => void;
}) {
  const [form] = Form.useForm<CloudServiceDraft>();
  const { saving, problems, run, clear } = useServerSave(form, FIELDS);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(item ? valuesOf(item) : { category: 'iaas' });
    clear();
  }, [open, item, form, clear]);

  const save = (values: CloudServiceDraft) =>
    run(async () => {
      onSaved(
        item
          ? await updateCloudService(item.id, changes(valuesOf(item), values), item.version)
          : await createCloudService(values),
      );
    });

  return (
    <FormDrawer
      title={item ? `修改条目：${item.name} ${item.spec}` : '新增云服务目录条目'}
      open={open}
      onClose={onClose}
      size={560}
      form={form}
      saving={saving}
      problems={problems}
    >
      <Form<CloudServiceDraft> form={form} layout="vertical" onFinish={save}>
        <Form.Item name="category" label="服务类别">
          <Select options={meta.cloudServiceCategories.map((c) => ({ value: c.code, label: c.label }))} />
        </Form.Item>
        <Form.Item name="name" label="服务名称">
          <Input maxLength={100} placeholder="如 云主机、对象存储" />
        </Form.Item>
        <Form.Item name="spec" label="规格">
          <Input maxLength={200} placeholder="如 4核8G" />
        </Form.Item>
        <Form.Item name="unit" label="计量单位">
          <Input maxLength={20} placeholder="如 台·年" />
        </Form.Item>
        <Form.Item
          name="unitPrice"
          label="单价（元）"
          extra="不小于 0，最多 2 位小数"
          rules={[numberRule({ label: '单价', min: 0, decimals: 2 })]}
        >
          <InputNumber step={0.01} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="provider" label="服务商">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="remarks" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
