import { EyeOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { materialUrl } from '../api.ts';
import type { MaterialItem } from '../types.ts';

/** Kinds the browser shows itself (the server previews these in a sandbox; others download). */
export const PREVIEW_KINDS: ReadonlySet<string> = new Set(['pdf', 'png', 'jpeg']);

/** A material's name (downloads it) and, for PDFs and images, 预览 in a new tab (issue 17 item 11). */
export function MaterialLink({
  projectId,
  m,
}: {
  projectId: string;
  m: Pick<MaterialItem, 'id' | 'kind' | 'originalName'>;
}) {
  const url = materialUrl(projectId, m.id);
  return (
    <Space size={8} wrap>
      <a href={url}>{m.originalName}</a>
      {PREVIEW_KINDS.has(m.kind) && (
        <Typography.Link href={`${url}?inline=true`} target="_blank" rel="noopener noreferrer">
          <EyeOutlined /> 预览
        </Typography.Link>
      )}
    </Space>
  );
}
