import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Divider, Flex, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { numberRule } from '../../../components/numberRules.ts';
import { createResource, updateResource } from '../api.ts';
import { FormDrawer, useServerSave } from '../components/FormDrawer.tsx';
import { changes } from '../logic.ts';
import type { CatalogMeta, ResourceDetail, ResourceDraft, ResourceItem } from '../types.ts';

interface Values extends Omit<ResourceDraft, 'publishedDate'> {
  publishedDate?: Dayjs | null;
}

const FIELDS = [
  'providerOrganisationId',
  'code',
  'category',
  'name',
  'providerCode',
  'summary',
  'formatClass',
  'formatType',
  'dataItems',
  'sharing',
  'sharingConditions',
  'sharingMethods',
  'openness',
  'openConditions',
  'updateCycle',
  'publishedDate',
  'relatedCodes',
  'sourceSystem',
  'classified',
];

function draftOf(values: Values): ResourceDraft {
  const { publishedDate, ...rest } = values;
  return {
    ...rest,
    dataItems: (rest.dataItems ?? []).map((d) => ({
      name: d.name,
      dataType: d.dataType,
      length: d.length ?? null,
    })),
    publishedDate: publishedDate ? publishedDate.format('YYYY-MM-DD') : null,
  };
}

function valuesOf(r: ResourceItem): Values {
  return {
    providerOrganisationId: r.providerOrganisationId,
    code: r.code,
    category: r.category,
    name: r.name,
    providerCode: r.providerCode,
    summary: r.summary,
    formatClass: r.formatClass,
    formatType: r.formatType,
    dataItems: r.dataItems,
    sharing: r.sharing,
    sharingConditions: r.sharingConditions,
    sharingMethods: r.sharingMethods,
    openness: r.openness,
    openConditions: r.openConditions,
    updateCycle: r.updateCycle,
    publishedDate: r.publishedDate ? dayjs(r.publishedDate) : null,
    relatedCodes: r.relatedCodes,
    sourceSystem: r.sourceSystem,
    classified: r.classified,
  };
}

const NEW: Values = {
  category: 'department',
  formatClass: 'database',
  dataItems: [{ name: '', dataType: 'string', length: null }],
  sharing: 'conditional',
  sharingMethods: ['interface'],
  openness: 'none',
  updateCycle: 'monthly',
  relatedCodes: [],
  classified: false,
};

const options = (list: { code: string; label: string }[]) =>
  list.map((o) => ({ value: o.code, label: o.label }));

/**
 * 注册 / 修改资源 (DT-10, SC-09b): source, format, update cycle, sharing and open attributes, and
 * the data items. The quality rules are checked by the server at entry; its problems land on the
 * fields, with the article.
 */
export function ResourceForm({
  meta,
  resource,
  open,
  onClose,
  onSaved,
}: {
  meta: CatalogMeta;
  resource?: ResourceItem;
  open: boolean;
  onClose: () => void;
  onSaved: (detail: ResourceDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, problems, run, clear } = useServerSave(form, FIELDS);
  const formatClass = Form.useWatch('formatClass', form);
  const sharing = Form.useWatch('sharing', form);
  const openness = Form.useWatch('openness', form);
  const format = meta.formatClasses.find((f) => f.code === formatClass);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      resource
        ? valuesOf(resource)
        : { ...NEW, providerOrganisationId: meta.me.defaultOrganisationId ?? meta.me.organisations[0]?.id },
    );
    clear();
  }, [open, resource, form, meta, clear]);

  const save = (values: Values) =>
    run(async () => {
      const draft = draftOf(values);
      const detail = resource
        ? await updateResource(resource.id, changes(draftOf(valuesOf(resource)), draft), resource.version)
        : await createResource(draft);
      onSaved(detail);
    });

  return (
    <FormDrawer
      title={resource ? `修改资源：${resource.name}` : '注册资源'}
      open={open}
      onClose={onClose}
      size={820}
      form={form}
      saving={saving}
      problems={problems}
    >
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        {!resource && meta.me.organisations.length > 1 && (
          <Form.Item name="providerOrganisationId" label="资源提供方">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={meta.me.organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="category" label="资源分类" style={{ width: 200 }}>
            <Select options={options(meta.resourceCategories)} />
          </Form.Item>
          <Form.Item
            name="code"
            label="资源代码"
            style={{ flex: 1, minWidth: 280 }}
            extra="新资源可只填 9 位前段码（如 301001001），由平台分配顺序码；首位 1 基础、2 主题、3 部门"
          >
            <Input maxLength={20} placeholder="301001001 或 301001001/000123" />
          </Form.Item>
        </Flex>
        <Form.Item name="name" label="资源名称">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="providerCode" label="提供方统一社会信用代码" extra="不填时使用本单位已登记的代码">
          <Input maxLength={18} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="summary" label="资源摘要">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="formatClass" label="格式分类" style={{ width: 200 }}>
            <Select options={options(meta.formatClasses)} />
          </Form.Item>
          <Form.Item
            name="formatType"
            label="格式类型"
            style={{ width: 200 }}
            extra={format?.formatRequired ? '必填' : undefined}
          >
            {format && format.formats.length > 0 ? (
              <Select allowClear options={format.formats.map((f) => ({ value: f, label: f }))} />
            ) : (
              <Input maxLength={50} placeholder="如 达梦、MySQL" />
            )}
          </Form.Item>
          <Form.Item name="updateCycle" label="更新周期" style={{ width: 160 }}>
            <Select options={options(meta.updateCycles)} />
          </Form.Item>
          <Form.Item name="publishedDate" label="发布日期">
            <DatePicker />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">共享与开放（SC-09b）</Divider>
        <Form.Item name="sharing" label="共享属性">
          <Radio.Group options={options(meta.sharingTypes)} />
        </Form.Item>
        {sharing !== 'unconditional' && (
          <Form.Item
            name="sharingConditions"
            label={sharing === 'none' ? '不予共享的依据' : '共享条件'}
            extra={sharing === 'none' ? '写明不予共享的法律、行政法规或政策依据' : undefined}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {sharing !== 'none' && (
          <Form.Item
            name="sharingMethods"
            label="共享方式"
            extra={
              format
                ? `${format.label}可用：${format.sharingMethods.map((m) => meta.sharingMethods.find((o) => o.code === m)?.label ?? m).join('、')}`
                : undefined
            }
          >
            <Select mode="multiple" options={options(meta.sharingMethods)} />
          </Form.Item>
        )}
        <Form.Item name="openness" label="开放属性" extra="不予共享或涉密的资源不得向社会开放">
          <Radio.Group options={options(meta.opennessTypes)} />
        </Form.Item>
        {openness === 'conditional' && (
          <Form.Item name="openConditions" label="开放条件">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item name="classified" label="涉密属性" valuePropName="checked">
          <Switch checkedChildren="涉密" unCheckedChildren="非涉密" />
        </Form.Item>
        <Form.Item
          name="relatedCodes"
          label="关联资源代码"
          extra="该资源在基础或主题资源目录中的完整代码，用于一数一源比对（SC-26）"
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            placeholder="如 101001001/000001，输入后回车"
          />
        </Form.Item>
        <Form.Item name="sourceSystem" label="来源系统">
          <Input maxLength={100} placeholder="系统编码或名称" />
        </Form.Item>
        <Divider titlePlacement="start">信息项（DT-10）</Divider>
        <Form.List name="dataItems">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'name']} style={{ flex: 1 }}>
                    <Input placeholder="信息项名称" maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dataType']} style={{ width: 140 }}>
                    <Select options={options(meta.dataItemTypes)} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'length']}
                    style={{ width: 120 }}
                    rules={[numberRule({ label: '长度', min: 1, integer: true })]}
                  >
                    <InputNumber placeholder="长度" style={{ width: '100%' }} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label="删除信息项"
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', dataType: 'string' })}
                block
              >
                添加信息项
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
