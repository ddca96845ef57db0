import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditQuery } from '../../../../api/types.ts';
import { ACTION_OPTIONS } from '../labels.ts';

type Range = [Dayjs | null, Dayjs | null] | null;

interface Values {
  range?: Range;
  actor?: string;
  action?: string;
}

export type AuditFilter = Pick<AuditQuery, 'from' | 'to' | 'actor' | 'action'>;

function toFilter(values: Values): AuditFilter {
  const [from, to] = values.range ?? [null, null];
  return {
    from: from?.toISOString(),
    to: to?.toISOString(),
    actor: values.actor?.trim() || undefined,
    action: values.action?.trim() || undefined,
  };
}

const presets = () => [
  { label: '最近 24 小时', value: [dayjs().subtract(1, 'day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '最近 7 天', value: [dayjs().subtract(7, 'day').startOf('day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '最近 30 天', value: [dayjs().subtract(30, 'day').startOf('day'), dayjs()] as [Dayjs, Dayjs] },
];

/** The query form. Queries run only on 查询, never per keystroke: each one is an audited event. */
export function AuditFilters({
  onSearch,
  loading,
}: {
  onSearch: (filter: AuditFilter) => void;
  loading: boolean;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={(values) => onSearch(toFilter(values))}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item label="时间范围" name="range">
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} presets={presets()} />
      </Form.Item>
      <Form.Item label="操作人" name="actor">
        <Input allowClear placeholder="姓名或用户名" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="操作类型" name="action">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="输入中文查找，如“登录”"
          options={ACTION_OPTIONS}
          style={{ width: 260 }}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading}>
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
