import { Alert } from 'antd';
import type { NearDuplicate } from '../types.ts';

/** 查重: entries of other organisations of the jurisdiction with a near name. */
export function NearDuplicates({ items, noun }: { items: NearDuplicate[]; noun: string }) {
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`本辖区其他单位有名称相近的${noun}，请确认不是重复建设或重复登记`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {items.map((d) => (
            <li key={d.id}>
              {d.organisationName}《{d.name}》（{d.code}，相似度 {Math.round(d.score * 100)}%）
            </li>
          ))}
        </ul>
      }
    />
  );
}
