import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';

export interface FilterField {
  name: string;
  label: string;
  /** Free text (searched on Enter) or a choice. */
  type: 'text' | 'select';
  options?: { value: string; label: string }[];
  width?: number;
  /** A choice among many: type to narrow the options. */
  searchable?: boolean;
}

/** Options as the meta routes give them (code and Chinese label) for a select filter. */
export const codeOptions = (list: readonly { code: string; label: string }[]) =>
  list.map((o) => ({ value: o.code, label: o.label }));

/** The row of filters above a list; values come from and go to the URL (useListQuery). */
export function FilterBar({
  fields,
  values,
  onChange,
  extra,
}: {
  fields: FilterField[];
  values: Record<string, string>;
  onChange: (filters: Record<string, string | undefined>) => void;
  extra?: React.ReactNode;
}) {
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      {fields.map((f) =>
        f.type === 'text' ? (
          <TextFilter key={f.name} field={f} value={values[f.name] ?? ''} onChange={onChange} />
        ) : (
          <Select
            key={f.name}
            allowClear
            placeholder={f.label}
            aria-label={f.label}
            style={{ width: f.width ?? 160 }}
            value={values[f.name]}
            showSearch={f.searchable ? { optionFilterProp: 'label' } : undefined}
            options={f.options}
            onChange={(v: string | undefined) => onChange({ [f.name]: v })}
          />
        ),
      )}
      {fields.some((f) => values[f.name]) && (
        <Button
          type="link"
          onClick={() => onChange(Object.fromEntries(fields.map((f) => [f.name, undefined])))}
        >
          清除筛选
        </Button>
      )}
      <div style={{ flex: 1 }} />
      {extra}
    </Flex>
  );
}

function TextFilter({
  field,
  value,
  onChange,
}: {
  field: FilterField;
  value: string;
  onChange: (filters: Record<string, string | undefined>) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Input.Search
      allowClear
      placeholder={field.label}
      aria-label={field.label}
      style={{ width: field.width ?? 240 }}
      value={text}
      maxLength={50}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onChange({ [field.name]: v.trim() || undefined })}
    />
  );
}
