import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RulebookDetail } from '../../../../api/types.ts';
import { dash, formatDate, formatDateTime } from '../../../../format.ts';

/** The regulation the rulebook encodes, and where this version comes from. */
export function RulebookHeader({ rulebook: rb }: { rulebook: RulebookDetail }) {
  const items: DescriptionsProps['items'] = [
    { key: 'title', label: '依据文件', span: 2, children: `《${rb.regulation.title}》` },
    { key: 'issuer', label: '发文机关', children: rb.regulation.issuer },
    { key: 'date', label: '印发日期', children: formatDate(rb.regulation.date) },
    { key: 'docNumber', label: '文号', children: dash(rb.regulation.docNumber) },
    {
      key: 'jurisdiction',
      label: '适用辖区',
      children: (
        <>
          {rb.jurisdictionName}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {rb.jurisdictionCode}
          </Typography.Text>
        </>
      ),
    },
    { key: 'version', label: '版本', children: `第 ${rb.version} 版` },
    { key: 'effectiveFrom', label: '生效日期', children: formatDate(rb.effectiveFrom) },
    {
      key: 'origin',
      label: '来源',
      children: rb.derivedFrom ? (
        // One span: the description cell is a flex box and would drop the spaces between parts.
        <span>
          派生自{' '}
          <Link
            to={`/rulebooks/${encodeURIComponent(rb.derivedFrom.code)}?version=${rb.derivedFrom.version}`}
          >
            {rb.derivedFrom.code} 第 {rb.derivedFrom.version} 版
          </Link>
          {rb.createdByName && (
            <Typography.Text type="secondary">
              （{rb.createdByName}，{formatDateTime(rb.createdAt)}）
            </Typography.Text>
          )}
        </span>
      ) : (
        '平台内置'
      ),
    },
  ];
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {rb.notes.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {rb.notes.map((note) => (
            <div key={note}>{note}</div>
          ))}
        </Typography.Paragraph>
      )}
    </>
  );
}
