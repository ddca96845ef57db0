import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { asApiError, type QueryValue } from '../../../api/client.ts';
import { type CatalogKind, downloadWorkbook, uploadWorkbook } from '../api.ts';
import { importSummary, rejectedUploadMessage } from '../logic.ts';

interface Props {
  kind: CatalogKind;
  /** The current filter: the export holds exactly what the table shows (all pages). */
  query: Record<string, QueryValue>;
  canImport: boolean;
  onImported: () => void;
}

/**
 * 下载模板 / 导入 / 导出. An upload is all or nothing: when a row is wrong nothing is written and the
 * workbook comes back with the bad rows marked, downloaded at once.
 */
export function TransferButtons({ kind, query, canImport, onImported }: Props) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'template' | 'import' | 'export' | null>(null);

  const download = async (what: 'template' | 'export') => {
    setBusy(what);
    try {
      const name = await downloadWorkbook(kind, what, what === 'export' ? query : {});
      message.success(what === 'export' ? `已导出：${name}（导出已记录）` : `已下载模板：${name}`);
    } catch (error) {
      message.error(asApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    setBusy('import');
    try {
      const outcome = await uploadWorkbook(kind, file);
      if (outcome.ok) {
        message.success(importSummary(outcome.result));
        onImported();
      } else {
        modal.error({
          title: rejectedUploadMessage(outcome.errorRows),
          content: `本次上传未写入任何数据。请打开“${outcome.fileName}”，按“错误说明”列和标红的单元格修改后重新上传。`,
        });
      }
    } catch (error) {
      message.error(asApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      {canImport && (
        <>
          <Button
            icon={<FileExcelOutlined />}
            loading={busy === 'template'}
            onClick={() => download('template')}
          >
            下载模板
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'import'}>
              导入
            </Button>
          </Upload>
        </>
      )}
      <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => download('export')}>
        导出
      </Button>
    </Space>
  );
}
