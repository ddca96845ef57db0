import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { asApiError } from '../../../../api/client.ts';
import type { RulebookDetail } from '../../../../api/types.ts';
import { deriveRulebook } from '../../api.ts';
import { CHANGE_OPS, type ChangeValues, type DeriveValues, toDeriveRequest, UNIT_LABELS } from '../derive.ts';

type FormValues = Omit<DeriveValues, 'effectiveFrom'> & { effectiveFrom?: Dayjs };

const CODE_RULE = {
  pattern: /^[A-Z][A-Z0-9-]{1,15}$/,
  message: '2–16 位大写字母、数字或连字符，以字母开头，如 DT-YG',
};
const TOP_FIELDS = new Set(['name', 'jurisdictionCode', 'jurisdictionName', 'effectiveFrom']);

/** The fields of one change, by its kind. */
function ChangeFields({
  name,
  rulebook,
  op,
}: {
  name: number;
  rulebook: RulebookDetail;
  op?: ChangeValues['op'];
}) {
  const form = Form.useFormInstance<FormValues>();
  const steps = useMemo(() => rulebook.workflow.stages.flatMap((s) => s.steps), [rulebook]);
  const stepOptions = steps.map((s) => ({ value: s.id, label: s.name }));
  const stepId = Form.useWatch(['changes', name, 'stepId'], form);
  switch (op) {
    case 'set_deadline':
      return (
        <Flex gap={8} wrap>
          <Form.Item
            name={[name, 'deadlineId']}
            rules={[{ required: true, message: '请选择期限' }]}
            style={{ minWidth: 220, flex: 1 }}
          >
            <Select
              placeholder="期限"
              options={rulebook.deadlines.map((d) => ({
                value: d.id,
                label: `${d.name}（现为 ${d.amount === 0 ? '当日' : `${d.amount}${d.unitName}`}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name={[name, 'amount']} rules={[{ required: true, message: '请填写时限' }]}>
            <InputNumber min={1} max={3650} precision={0} placeholder="时限" aria-label="时限" />
          </Form.Item>
          <Form.Item name={[name, 'unit']} rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              style={{ width: 110 }}
              placeholder="单位"
              options={Object.entries(UNIT_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Flex>
      );
    case 'rename_organisation':
      return (
        <Flex gap={8} wrap>
          <Form.Item
            name={[name, 'key']}
            rules={[{ required: true, message: '请选择机构' }]}
            style={{ minWidth: 220, flex: 1 }}
          >
            <Select
              placeholder="机构"
              options={rulebook.organisations.map((o) => ({ value: o.key, label: o.name }))}
            />
          </Form.Item>
          <Form.Item
            name={[name, 'name']}
            rules={[{ required: true, whitespace: true, message: '请填写新名称' }]}
            style={{ minWidth: 220, flex: 1 }}
          >
            <Input placeholder="新名称，如 县数字政府服务中心" maxLength={50} />
          </Form.Item>
        </Flex>
      );
    case 'add_material':
      return (
        <Flex vertical>
          <Form.Item name={[name, 'stepId']} rules={[{ required: true, message: '请选择办理环节' }]}>
            <Select placeholder="办理环节" options={stepOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item
              name={[name, 'materialName']}
              rules={[{ required: true, whitespace: true, message: '请填写材料名称' }]}
              style={{ minWidth: 200, flex: 1 }}
            >
              <Input placeholder="材料名称" maxLength={50} />
            </Form.Item>
            <Form.Item
              name={[name, 'code']}
              rules={[
                { required: true, message: '请填写材料代码' },
                { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '小写字母、数字、下划线，如 county_form' },
              ]}
            >
              <Input placeholder="材料代码" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name={[name, 'requirement']} initialValue="required">
              <Select
                style={{ width: 100 }}
                options={[
                  { value: 'required', label: '必备' },
                  { value: 'optional', label: '可选' },
                ]}
              />
            </Form.Item>
            <Form.Item name={[name, 'article']} rules={[{ required: true, message: '请选择依据条款' }]}>
              <Select
                style={{ width: 160 }}
                placeholder="依据条款"
                showSearch={{ optionFilterProp: 'label' }}
                options={rulebook.articles.map((a) => ({ value: a.id, label: `${a.id} ${a.label}` }))}
              />
            </Form.Item>
          </Flex>
        </Flex>
      );
    case 'remove_material':
      return (
        <Flex gap={8} wrap>
          <Form.Item
            name={[name, 'stepId']}
            rules={[{ required: true, message: '请选择办理环节' }]}
            style={{ minWidth: 220, flex: 1 }}
          >
            <Select
              placeholder="办理环节"
              options={stepOptions.filter((o) => steps.find((s) => s.id === o.value)?.materials.length)}
              onChange={() => form.setFieldValue(['changes', name, 'code'], undefined)}
            />
          </Form.Item>
          <Form.Item
            name={[name, 'code']}
            rules={[{ required: true, message: '请选择材料' }]}
            style={{ minWidth: 200, flex: 1 }}
          >
            <Select
              placeholder="材料"
              options={(steps.find((s) => s.id === stepId)?.materials ?? []).map((m) => ({
                value: m.code,
                label: m.name,
              }))}
            />
          </Form.Item>
        </Flex>
      );
    default:
      return null;
  }
}

/**
 * 派生新版本 (sys_admin): a county's rules, or a new version of these, as this rulebook plus a list
 * of changes. The server derives, validates and stores it (DT-37) and lists every problem on a 400.
 */
export function DeriveDrawer({
  rulebook,
  open,
  onClose,
}: {
  rulebook: RulebookDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ message: string; list: string[] } | null>(null);

  const onFinish = async (values: FormValues) => {
    setProblems(null);
    const request = toDeriveRequest(rulebook, {
      ...values,
      effectiveFrom: values.effectiveFrom?.format('YYYY-MM-DD') ?? '',
    });
    if (request.changes.length === 0) {
      setProblems({ message: '请至少填写一项变更', list: [] });
      return;
    }
    setSaving(true);
    try {
      const created = await deriveRulebook(values.targetCode.trim(), request);
      message.success(`已保存 ${created.code} 第 ${created.version} 版`);
      onClose();
      form.resetFields();
      navigate(`/rulebooks/${encodeURIComponent(created.code)}?version=${created.version}`);
    } catch (error) {
      const e = asApiError(error);
      if (e.field && TOP_FIELDS.has(e.field))
        form.setFields([{ name: e.field as 'name', errors: [e.message] }]);
      else if (e.field === 'jurisdiction') form.setFields([{ name: 'targetCode', errors: [e.message] }]);
      else
        setProblems({
          message: e.message,
          list: (e.problems ?? []).filter((p): p is string => typeof p === 'string'),
        });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={`派生新版本：以 ${rulebook.code} 第 ${rulebook.version} 版为基础`}
      open={open}
      onClose={onClose}
      size={720}
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          保存新版本
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        县（区）依据市级办法制定本地规则时（DT-37），在此记录与基础规则集的差异；保存前服务器会校验派生结果，
        基础规则集保持不变。
      </Typography.Paragraph>
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problems.message}
          description={
            problems.list.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.list.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          targetCode: rulebook.code,
          name: rulebook.name,
          jurisdictionCode: rulebook.jurisdictionCode,
          jurisdictionName: rulebook.jurisdictionName,
          changes: [{ op: 'set_deadline' }],
        }}
      >
        <Flex gap={16} wrap>
          <Form.Item
            label="规则集代码"
            name="targetCode"
            tooltip="与当前代码相同则为本规则集的新版本；填写新代码（如 DT-YG）则为县（区）派生规则集"
            rules={[{ required: true, message: '请填写规则集代码' }, CODE_RULE]}
            style={{ width: 200 }}
          >
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item
            label="规则集名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
            style={{ flex: 1, minWidth: 260 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item
            label="适用辖区"
            name="jurisdictionName"
            rules={[{ required: true, whitespace: true, message: '请填写辖区名称' }]}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input maxLength={50} placeholder="如 阳高县" />
          </Form.Item>
          <Form.Item
            label="行政区划代码"
            name="jurisdictionCode"
            rules={[
              { required: true, message: '请填写行政区划代码' },
              { pattern: /^[0-9]{6}$/, message: '6 位数字（GB/T 2260），如 140221' },
            ]}
            style={{ width: 160 }}
          >
            <Input maxLength={6} />
          </Form.Item>
          <Form.Item
            label="生效日期"
            name="effectiveFrom"
            rules={[{ required: true, message: '请选择生效日期' }]}
            style={{ width: 180 }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item label="本地文件名称（可选）" name="regulationTitle" style={{ flex: 2, minWidth: 240 }}>
            <Input maxLength={200} placeholder="不填则沿用基础规则集的依据文件" />
          </Form.Item>
          <Form.Item label="发文机关" name="regulationIssuer" style={{ flex: 1, minWidth: 160 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="文号" name="regulationDocNumber" style={{ width: 160 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>

        <Typography.Title level={5}>变更</Typography.Title>
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`变更 ${index + 1}`}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={`删除变更 ${index + 1}`}
                    />
                  }
                >
                  <Form.Item
                    name={[field.name, 'op']}
                    rules={[{ required: true, message: '请选择变更类型' }]}
                  >
                    <Select
                      placeholder="变更类型"
                      options={Object.entries(CHANGE_OPS).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['changes', field.name, 'op']]}>
                    {({ getFieldValue }) => (
                      <ChangeFields
                        name={field.name}
                        rulebook={rulebook}
                        op={getFieldValue(['changes', field.name, 'op'])}
                      />
                    )}
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                添加变更
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
