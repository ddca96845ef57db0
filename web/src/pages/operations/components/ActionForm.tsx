import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { useOrganisations } from './useOrganisations.ts';

export type Field =
  | { name: string; label: string; type: 'text' | 'textarea'; required?: boolean; extra?: ReactNode }
  | { name: string; label: string; type: 'date' | 'datetime'; required?: boolean; extra?: ReactNode }
  | { name: string; label: string; type: 'number'; required?: boolean; min?: number; max?: number }
  | { name: string; label: string; type: 'switch'; extra?: ReactNode }
  | {
      name: string;
      label: string;
      type: 'select';
      options: { value: string; label: string }[];
      required?: boolean;
      multiple?: boolean;
      extra?: ReactNode;
    }
  | {
      name: string;
      label: string;
      type: 'organisation';
      kinds?: string[];
      required?: boolean;
      extra?: ReactNode;
    };

/**
 * A modal form for one command: required fields checked here, everything else by the server, whose
 * refusal is shown at its field (or above the form with its article).
 */
export function ActionForm({
  open,
  title,
  fields,
  initial,
  notice,
  onSubmit,
  onClose,
  onDone,
}: {
  open: boolean;
  title: string;
  fields: Field[];
  initial?: Record<string, unknown>;
  notice?: ReactNode;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const organisations = useOrganisations();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial ?? {});
      setError(null);
    }
  }, [open, form, initial]);

  const submit = async (raw: Record<string, unknown>) => {
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const value = raw[field.name];
      if (value === undefined || value === null || value === '') continue;
      if (field.type === 'date') values[field.name] = (value as Dayjs).format('YYYY-MM-DD');
      else if (field.type === 'datetime') values[field.name] = (value as Dayjs).toISOString();
      else values[field.name] = value;
    }
    setSaving(true);
    try {
      await onSubmit(values);
      onDone();
    } catch (thrown) {
      const e = asApiError(thrown);
      const message = e.article ? `${e.message}（依据 ${e.article}）` : e.message;
      if (e.field && fields.some((f) => f.name === e.field)) {
        form.setFields([{ name: e.field, errors: [message] }]);
        setError(null);
      } else setError(message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      {notice}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {fields.map((field) => {
          const rules =
            'required' in field && field.required
              ? [{ required: true, message: `请填写${field.label}` }]
              : [];
          const extra = 'extra' in field ? field.extra : undefined;
          let input: ReactNode;
          switch (field.type) {
            case 'text':
              input = <Input maxLength={200} />;
              break;
            case 'textarea':
              input = <Input.TextArea rows={3} maxLength={4000} />;
              break;
            case 'date':
              input = <DatePicker />;
              break;
            case 'datetime':
              input = <DatePicker showTime />;
              break;
            case 'number':
              input = <InputNumber min={field.min} max={field.max} />;
              break;
            case 'switch':
              return (
                <Form.Item
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  valuePropName="checked"
                  extra={extra}
                >
                  <Switch />
                </Form.Item>
              );
            case 'select':
              input = (
                <Select allowClear mode={field.multiple ? 'multiple' : undefined} options={field.options} />
              );
              break;
            case 'organisation':
              input = (
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={organisations
                    .filter((o) => !field.kinds || field.kinds.includes(o.kind))
                    .map((o) => ({ value: o.id, label: `${o.name}（${o.jurisdictionName}）` }))}
                />
              );
              break;
          }
          return (
            <Form.Item key={field.name} name={field.name} label={field.label} rules={rules} extra={extra}>
              {input}
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}
