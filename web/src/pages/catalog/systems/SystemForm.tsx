import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { numberRule } from '../../../components/numberRules.ts';
import { createSystem, updateSystem } from '../api.ts';
import { FormDrawer, useServerSave } from '../components/FormDrawer.tsx';
import { changes } from '../logic.ts';
import type { CatalogMeta, SystemDetail, SystemDraft, SystemItem } from '../types.ts';

interface Values extends Omit<SystemDraft, 'cloudMigrationDate'> {
  cloudMigrationDate?: Dayjs | null;
}

const FIELDS = [
  'ownerOrganisationId',
  'name',
  'purpose',
  'functions',
  'status',
  'deployment',
  'networks',
  'dedicatedNetworkApproval',
  'mlpsLevel',
  'projectRefs',
  'resourceCodes',
  'sharedOnPlatform',
  'sharedResourceCount',
  'cloudMigration',
  'cloudExemptionReason',
  'cloudMigrationDate',
  'remarks',
];

function draftOf(values: Values): SystemDraft {
  const { cloudMigrationDate, ...rest } = values;
  return { ...rest, cloudMigrationDate: cloudMigrationDate ? cloudMigrationDate.format('YYYY-MM-DD') : null };
}

function valuesOf(system: SystemItem): Values {
  return {
    ownerOrganisationId: system.ownerOrganisationId,
    name: system.name,
    purpose: system.purpose,
    functions: system.functions,
    status: system.status,
    deployment: system.deployment,
    networks: system.networks,
    dedicatedNetworkApproval: system.dedicatedNetworkApproval,
    mlpsLevel: system.mlpsLevel,
    projectRefs: system.projectRefs,
    resourceCodes: system.resourceCodes,
    sharedOnPlatform: system.sharedOnPlatform,
    sharedResourceCount: system.sharedResourceCount,
    cloudMigration: system.cloudMigration,
    cloudExemptionReason: system.cloudExemptionReason,
    cloudMigrationDate: system.cloudMigrationDate ? dayjs(system.cloudMigrationDate) : null,
    remarks: system.remarks,
  };
}

const NEW: Values = {
  status: 'in_operation',
  deployment: 'city_cloud',
  networks: ['extranet'],
  functions: [],
  projectRefs: [],
  resourceCodes: [],
  sharedOnPlatform: false,
  sharedResourceCount: 0,
  cloudMigration: 'migrated',
};

const options = (list: { code: string; label: string }[]) =>
  list.map((o) => ({ value: o.code, label: o.label }));

/** 登记 / 修改系统. The entry rules are the server's: its answer marks the fields (with the article). */
export function SystemForm({
  meta,
  system,
  open,
  onClose,
  onSaved,
}: {
  meta: CatalogMeta;
  /** The system to edit; absent to register a new one. */
  system?: SystemItem;
  open: boolean;
  onClose: () => void;
  onSaved: (detail: SystemDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, problems, run, clear } = useServerSave(form, FIELDS);
  const networks = Form.useWatch('networks', form) ?? [];
  const cloudMigration = Form.useWatch('cloudMigration', form);
  const shared = Form.useWatch('sharedOnPlatform', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      system
        ? valuesOf(system)
        : { ...NEW, ownerOrganisationId: meta.me.defaultOrganisationId ?? meta.me.organisations[0]?.id },
    );
    clear();
  }, [open, system, form, meta, clear]);

  const save = (values: Values) =>
    run(async () => {
      const draft = draftOf(values);
      const detail = system
        ? await updateSystem(system.id, changes(draftOf(valuesOf(system)), draft), system.version)
        : await createSystem(draft);
      onSaved(detail);
    });

  return (
    <FormDrawer
      title={system ? `修改系统：${system.name}` : '登记系统'}
      open={open}
      onClose={onClose}
      size={720}
      form={form}
      saving={saving}
      problems={problems}
    >
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        {meta.me.organisations.length > 1 && (
          <Form.Item
            name="ownerOrganisationId"
            label="责任部门"
            rules={[{ required: true, message: '请选择责任部门' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={meta.me.organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label="系统名称">
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="purpose" label="建设目的及主要功能">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="functions" label="功能清单" extra="每项一个功能，回车添加；用于查重比对">
          <Select
            mode="tags"
            open={false}
            tokenSeparators={['、', '；', ';']}
            placeholder="如：上门服务派单"
          />
        </Form.Item>
        <Form.Item name="status" label="系统状态" extra="报废或并入其他系统请用列表中的“报废/并入”">
          <Select options={options(meta.systemStatuses.filter((s) => s.code !== 'retired'))} />
        </Form.Item>
        <Form.Item
          name="deployment"
          label="部署方式"
          extra="部署在市级或区级政务云的系统，上云状态为“已上云”（XZ-30）"
        >
          <Select options={options(meta.deployments)} />
        </Form.Item>
        <Form.Item name="networks" label="网络类型">
          <Select mode="multiple" options={options(meta.networks)} />
        </Form.Item>
        {networks.includes('dedicated') && (
          <Form.Item
            name="dedicatedNetworkApproval"
            label="业务专网批准文号"
            extra="新建业务专网须有法律法规依据并经主管部门同意（DT-12d）"
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item
          name="mlpsLevel"
          label="等保级别"
          extra="1–5 级；尚未定级的留空"
          rules={[numberRule({ label: '等保级别', min: 1, max: 5, integer: true })]}
        >
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="cloudMigration" label="上云状态">
          <Select options={options(meta.cloudMigrationStatuses)} />
        </Form.Item>
        {cloudMigration === 'exempt' && (
          <Form.Item
            name="cloudExemptionReason"
            label="不上云理由"
            extra="上云为常态，不上云为例外：写明法律法规依据或特殊保密要求（XZ-28）"
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {cloudMigration !== 'exempt' && cloudMigration !== 'not_started' && (
          <Form.Item name="cloudMigrationDate" label="上云（计划）日期">
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="sharedOnPlatform" label="是否接入共享平台" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        {shared && (
          <Form.Item
            name="sharedResourceCount"
            label="共享资源数"
            rules={[numberRule({ label: '共享资源数', min: 0, integer: true })]}
          >
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="projectRefs" label="建设/改造项目编号">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车" />
        </Form.Item>
        <Form.Item name="resourceCodes" label="关联信息资源代码" extra="完整代码，如 301001001/000123">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车" />
        </Form.Item>
        <Form.Item name="remarks" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
