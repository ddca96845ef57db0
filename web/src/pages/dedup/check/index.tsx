import { Card, Form, Input } from 'antd';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { DedupPanel } from '../components/DedupPanel.tsx';

/** 查重 without a project: for anyone planning a proposal. */
export default function DedupCheckPage() {
  const [form] = Form.useForm<{ name: string; summary: string }>();
  const name = Form.useWatch('name', form);
  const summary = Form.useWatch('summary', form);
  return (
    <>
      <PageHeader
        title="查重"
        description="拟建项目与已有系统、项目、信息资源及统建清单、负面清单比对，无需先建项目（DT-01、DT-12a、SC-12、SC-26）"
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="拟建项目（系统）名称">
            <Input maxLength={200} aria-label="拟建项目名称" />
          </Form.Item>
          <Form.Item name="summary" label="建设内容">
            <Input.TextArea rows={4} maxLength={4000} aria-label="建设内容" />
          </Form.Item>
        </Form>
      </Card>
      <DedupPanel name={name} summary={summary} />
    </>
  );
}
