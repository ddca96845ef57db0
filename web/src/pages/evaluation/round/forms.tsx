import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import {
  EFFICACY_DIMENSIONS,
  type Indicator,
  PHASES,
  type RectificationSource,
  type RoundProject,
  SOURCES,
} from '../api.ts';

/** A modal form: `onSubmit` gets the validated values; errors stay in the modal. */
function FormModal<T extends object>({
  title,
  open,
  onClose,
  onSubmit,
  children,
  initialValues,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: T) => Promise<void>;
  children: React.ReactNode;
  initialValues?: Partial<T>;
}) {
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const ok = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(values);
      form.resetFields();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onOk={ok}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

const required = [{ required: true, message: '必填' }];
const score = (label: string, name: (string | number)[], need = true) => (
  <Form.Item key={name.join('.')} name={name} label={label} rules={need ? required : []}>
    <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} placeholder="0–100" />
  </Form.Item>
);

export interface SelfEvaluationValues {
  indicator: string;
  target: string;
  achieved: string;
  fundsUsed: string;
  outputs: string;
  effects: string;
  problems?: string;
}

/** 项目自评价：绩效目标与完成情况、资金使用、产出、效果、存在问题。 */
export function SelfEvaluationForm(props: {
  project: RoundProject | null;
  onClose: () => void;
  onSubmit: (v: SelfEvaluationValues) => Promise<void>;
}) {
  return (
    <FormModal<SelfEvaluationValues>
      title={`报送自评价报告：${props.project?.name ?? ''}`}
      open={props.project !== null}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Form.Item name="indicator" label="绩效指标" rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="target" label="年度目标" rules={required}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="achieved" label="实际完成" rules={required}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="fundsUsed"
        label="资金使用（元）"
        rules={[...required, { pattern: /^\d{1,13}(\.\d{1,2})?$/, message: '最多两位小数' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="outputs" label="项目产出" rules={required}>
        <Input.TextArea maxLength={4000} rows={2} />
      </Form.Item>
      <Form.Item name="effects" label="项目效果" rules={required}>
        <Input.TextArea maxLength={4000} rows={2} />
      </Form.Item>
      <Form.Item name="problems" label="存在问题">
        <Input.TextArea maxLength={4000} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

export function SpotCheckForm(props: {
  open: boolean;
  financeName: string;
  onClose: () => void;
  onSubmit: (v: {
    conclusion: 'consistent' | 'issues';
    keyProject: boolean;
    findings: string;
  }) => Promise<void>;
}) {
  return (
    <FormModal
      title={`${props.financeName}抽查自评价`}
      open={props.open}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
      initialValues={{ conclusion: 'consistent', keyProject: false }}
    >
      <Form.Item name="conclusion" label="抽查结论" rules={required}>
        <Select
          options={[
            { value: 'consistent', label: '自评情况属实' },
            { value: 'issues', label: '发现问题' },
          ]}
        />
      </Form.Item>
      <Form.Item name="keyProject" label="列为重点项目开展绩效评价" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="findings" label="抽查意见" rules={required}>
        <Input.TextArea maxLength={4000} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** 绩效考核评分：按本年度指标体系，对项目所处阶段适用的每项指标打分。 */
export function ScoreForm(props: {
  project: RoundProject | null;
  indicators: Indicator[];
  onClose: () => void;
  onSubmit: (v: {
    phase: 'construction' | 'operation';
    comment?: string;
    scores: Record<string, number>;
  }) => Promise<void>;
}) {
  const [phase, setPhase] = useState<'construction' | 'operation'>(
    props.project?.score?.phase ?? 'operation',
  );
  const initialScores = Object.fromEntries(
    (props.project?.score?.scores ?? []).map((s) => [s.code, s.score]),
  );
  return (
    <FormModal<{ phase: 'construction' | 'operation'; comment?: string; scores: Record<string, number> }>
      title={`绩效考核评分：${props.project?.name ?? ''}`}
      open={props.project !== null}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
      initialValues={{ phase, scores: initialScores }}
    >
      <Form.Item name="phase" label="项目阶段" rules={required}>
        <Select
          onChange={(v) => setPhase(v)}
          options={Object.entries(PHASES).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      {props.indicators
        .filter((i) => i.phases.includes(phase))
        .map((i) => score(`${i.name}（权重 ${i.weight}）`, ['scores', i.code]))}
      <Form.Item name="comment" label="评价意见">
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

export interface EfficacyValues {
  systemId: string;
  documentReview: Record<string, number | undefined>;
  thirdParty: Record<string, number | undefined>;
  evaluatorOrganisationId: string;
  satisfaction?: number;
}

/** 应用效能评估：资料审查、第三方评估与公众问卷满意度，五个方面。 */
export function EfficacyForm(props: {
  open: boolean;
  systems: { id: string; name: string }[];
  evaluators: { id: string; name: string }[];
  onClose: () => void;
  onSubmit: (v: EfficacyValues) => Promise<void>;
}) {
  return (
    <FormModal<EfficacyValues>
      title="应用效能评估"
      open={props.open}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      <Form.Item name="systemId" label="运行中的系统" rules={required}>
        <Select
          options={props.systems.map((s) => ({ value: s.id, label: s.name }))}
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      {EFFICACY_DIMENSIONS.map((d) => score(`资料审查：${d.name}`, ['documentReview', d.code], false))}
      <Form.Item name="evaluatorOrganisationId" label="第三方评估机构" rules={required}>
        <Select options={props.evaluators.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      {EFFICACY_DIMENSIONS.map((d) => score(`第三方评估：${d.name}`, ['thirdParty', d.code], true))}
      {score('公众问卷满意度（留空则取问卷结果）', ['satisfaction'], false)}
    </FormModal>
  );
}

export interface RectificationValues {
  target: string;
  source: RectificationSource;
  finding: string;
  opinion: string;
  deadline: string;
}

export function RectificationForm(props: {
  open: boolean;
  projects: RoundProject[];
  onClose: () => void;
  onSubmit: (v: RectificationValues) => Promise<void>;
}) {
  return (
    <FormModal<RectificationValues>
      title="提出整改意见"
      open={props.open}
      onClose={props.onClose}
      onSubmit={props.onSubmit}
      initialValues={{ source: 'assessment' }}
    >
      <Form.Item name="target" label="项目" rules={required}>
        <Select
          options={props.projects.map((p) => ({ value: p.id, label: `${p.organisationName} · ${p.name}` }))}
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="source" label="问题来源" rules={required}>
        <Select options={Object.entries(SOURCES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="finding" label="发现的问题" rules={required}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Form.Item name="opinion" label="整改意见" rules={required}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Form.Item name="deadline" label="整改期限" rules={required}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
