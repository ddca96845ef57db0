import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import type { QueryValue } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { CatalogKind } from '../api.ts';
import type { CatalogMeta } from '../types.ts';
import { useCatalogMeta } from '../useCatalogMeta.ts';
import { TransferButtons } from './TransferButtons.tsx';

/** A catalog page once its options and the caller's rights (GET /api/catalog/meta) are loaded. */
export function WithCatalogMeta({ children }: { children: (meta: CatalogMeta) => ReactNode }) {
  const { data, error, reload } = useCatalogMeta();
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!data) return <PageSpin />;
  return <>{children(data)}</>;
}

/** The header of a catalog list: Excel template, import and export of the filtered list, and 新增. */
export function CatalogHeader({
  title,
  description,
  kind,
  query,
  canEdit,
  onImported,
  addLabel,
  onAdd,
}: {
  title: string;
  description: string;
  kind: CatalogKind;
  query: Record<string, QueryValue>;
  canEdit: boolean;
  onImported: () => void;
  addLabel: string;
  onAdd: () => void;
}) {
  return (
    <PageHeader
      title={title}
      description={description}
      extra={
        <Space wrap>
          <TransferButtons kind={kind} query={query} canImport={canEdit} onImported={onImported} />
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
              {addLabel}
            </Button>
          )}
        </Space>
      }
    />
  );
}
