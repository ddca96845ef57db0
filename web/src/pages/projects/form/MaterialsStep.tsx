import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../api/client.ts';
import { removeMaterial, uploadMaterial } from '../api.ts';
import { MaterialLink } from '../components/MaterialLink.tsx';
import { formatSize } from '../logic.ts';
import type { ProjectDetail } from '../types.ts';

/** The rulebook's materials for this project: what is required, what is uploaded. */
export function MaterialsStep({
  project,
  onChanged,
}: {
  project: ProjectDetail;
  onChanged: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const upload = async (code: string, file: File) => {
    setBusy(code);
    try {
      await uploadMaterial(project.id, code, file);
      message.success(`已上传：${file.name}`);
      await onChanged();
    } catch (error) {
      message.error(asApiError(error).message);
    } finally {
      setBusy(null);
    }
  };
  const remove = async (materialId: string) => {
    try {
      await removeMaterial(project.id, materialId);
      await onChanged();
    } catch (error) {
      message.error(asApiError(error).message);
    }
  };
  const uploaded = project.materials.filter((m) => m.stepId === null);
  return (
    <>
      <Typography.Paragraph type="secondary">
        适用《{project.rulebook.title}》。文件类型限
        PDF、OFD、Word、Excel、WPS、图片与文本；上传时核验文件内容，加密保存。
      </Typography.Paragraph>
      <Table
        rowKey="code"
        pagination={false}
        size="small"
        dataSource={project.applicationMaterials}
        columns={[
          {
            title: '材料',
            dataIndex: 'name',
            render: (name: string, m) => (
              <>
                {name} {m.required && <Tag color="red">必需{m.article ? ` · ${m.article}` : ''}</Tag>}
              </>
            ),
          },
          {
            title: '已上传',
            render: (_, m) => {
              const files = uploaded.filter((u) => u.materialCode === m.code);
              if (files.length === 0)
                return m.required ? <Typography.Text type="danger">缺</Typography.Text> : '—';
              return files.map((f) => (
                <div key={f.id}>
                  <MaterialLink projectId={project.id} m={f} />{' '}
                  <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>{' '}
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => void remove(f.id)}
                  />
                </div>
              ));
            },
          },
          {
            title: '',
            width: 120,
            render: (_, m) => (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(m.code, file);
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} loading={busy === m.code}>
                  上传
                </Button>
              </Upload>
            ),
          },
        ]}
      />
    </>
  );
}
