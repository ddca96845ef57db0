import { Button, Card, Flex, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OpenStep } from '../../projects/types.ts';

/** An opinion is required for any result other than the normal one (refusals, 不同意 …). */
export function opinionRequired(chosen: OpenStep['outcomes'][number] | undefined): boolean {
  return chosen !== undefined && (chosen.refuses || !chosen.normal);
}

export function decisionProblems(
  chosen: OpenStep['outcomes'][number] | undefined,
  opinion: string,
  reasons: string,
): { opinion?: string; reasons?: string } {
  const out: { opinion?: string; reasons?: string } = {};
  if (opinionRequired(chosen) && opinion.trim().length < 2)
    out.opinion = `“${chosen?.name}”须填写办理意见（至少 2 个字）`;
  if (chosen?.refuses && reasons.trim() === '') out.reasons = `“${chosen.name}”须逐条说明理由`;
  return out;
}

/** What the confirmation says will happen, in the user's words. */
export function consequenceOf(chosen: OpenStep['outcomes'][number], stepName: string): string {
  if (chosen.refuses)
    return `“${stepName}”将以“${chosen.name}”办结，流程随即结束，项目不再进入后续环节；申报单位将看到您的意见和理由。`;
  if (chosen.normal)
    return `“${stepName}”将以“${chosen.name}”办结，项目进入下一环节。结果签名存档；下一环节办理前，您可以撤回。`;
  return `“${stepName}”将以“${chosen.name}”办结，项目按规则集转入相应环节；您的意见将记入项目历史。`;
}

export function ReturnModal({
  open,
  onCancel,
  onOk,
}: {
  open: boolean;
  onCancel: () => void;
  onOk: (to: 'previous' | 'applicant', reason: string) => void;
}) {
  const [to, setTo] = useState<'previous' | 'applicant'>('applicant');
  const [reason, setReason] = useState('');
  return (
    <Modal
      title="退回"
      open={open}
      onCancel={onCancel}
      onOk={() => onOk(to, reason.trim())}
      okText="确认退回"
      okButtonProps={{ disabled: reason.trim().length < 2, danger: true }}
    >
      <Radio.Group value={to} onChange={(e) => setTo(e.target.value)} style={{ marginBottom: 12 }}>
        <Radio value="applicant">退回申报单位</Radio>
        <Radio value="previous">退回上一环节</Radio>
      </Radio.Group>
      <Typography.Paragraph type="secondary">
        {to === 'applicant'
          ? '申报单位将看到退回理由，修改后重新提交；重新提交后项目回到本环节。'
          : '上一环节的办理结果作废，由其重新办理；重新办理后项目回到本环节。'}
      </Typography.Paragraph>
      <Form.Item
        label="退回理由（必填，申报单位据此修改）"
        required
        validateStatus={reason.length > 0 && reason.trim().length < 2 ? 'error' : undefined}
        help={reason.trim().length < 2 ? '请说明退回原因和需要修改的内容（至少 2 个字）' : undefined}
      >
        <Input.TextArea
          rows={3}
          placeholder="退回理由"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Form.Item>
    </Modal>
  );
}

export function ReassignForm({
  colleagues,
  onSubmit,
}: {
  colleagues: { userId: string; name: string }[];
  onSubmit: (userId: string, note: string) => void;
}) {
  const [userId, setUserId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  return (
    <Flex vertical gap={12}>
      <Select
        placeholder="本单位同一角色的同事"
        value={userId}
        onChange={setUserId}
        options={colleagues.map((c) => ({ value: c.userId, label: c.name }))}
      />
      <Input.TextArea rows={2} placeholder="说明" value={note} onChange={(e) => setNote(e.target.value)} />
      <Button type="primary" disabled={!userId} onClick={() => userId && onSubmit(userId, note.trim())}>
        转办
      </Button>
    </Flex>
  );
}

/**
 * 认定: the facts this step may establish (晋城城区 五.1、五.2: the 立项备案 body finds a conflict with
 * the sharing policy, disguised packaging, a standalone big-data project, a project outside the
 * budget, or overrules "一般不予立项"), each with a reason; a finding overrides the applicant's
 * declaration, and withdrawing it restores the declaration.
 */
export function FindingsCard({
  step,
  busy,
  onSave,
}: {
  step: OpenStep;
  busy: boolean;
  onSave: (fact: string, value: boolean | null, reason: string) => Promise<void>;
}) {
  const [choice, setChoice] = useState<Record<string, 'yes' | 'no' | 'withdraw'>>({});
  const [reason, setReason] = useState<Record<string, string>>({});
  return (
    <Card title="认定（覆盖申报单位的声明，须说明理由）" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={step.findings}
        renderItem={(f) => {
          const picked = choice[f.fact];
          const text = (reason[f.fact] ?? '').trim();
          return (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Space wrap>
                  <span>{f.label}</span>
                  {f.value === null ? (
                    <Tag>未声明</Tag>
                  ) : (
                    <Tag color={f.value ? 'blue' : 'default'}>{f.value ? '是' : '否'}</Tag>
                  )}
                  {f.found && <Tag color="purple">已认定：{f.reason}</Tag>}
                </Space>
                <Space wrap>
                  <Radio.Group
                    size="small"
                    value={picked}
                    onChange={(e) => setChoice({ ...choice, [f.fact]: e.target.value })}
                    options={[
                      { value: 'yes', label: '认定为是' },
                      { value: 'no', label: '认定为否' },
                      ...(f.found ? [{ value: 'withdraw', label: '撤销认定' }] : []),
                    ]}
                  />
                  <Input
                    size="small"
                    style={{ width: 260 }}
                    placeholder="理由（必填）"
                    maxLength={2000}
                    value={reason[f.fact] ?? ''}
                    onChange={(e) => setReason({ ...reason, [f.fact]: e.target.value })}
                  />
                  <Button
                    size="small"
                    loading={busy}
                    disabled={!picked || text.length < 2}
                    onClick={() =>
                      void onSave(f.fact, picked === 'withdraw' ? null : picked === 'yes', text).then(() => {
                        const { [f.fact]: _done, ...rest } = choice;
                        setChoice(rest);
                        setReason({ ...reason, [f.fact]: '' });
                      })
                    }
                  >
                    保存认定
                  </Button>
                </Space>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
