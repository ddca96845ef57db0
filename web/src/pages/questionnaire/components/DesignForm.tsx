import type { FormInstance } from 'antd';
import { Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import { type DesignInput, KIND_LABELS, type QuestionKind } from '../types.ts';

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as QuestionKind[]).map((k) => ({
  value: k,
  label: KIND_LABELS[k],
}));

/** Title, introduction and the questions (single/multiple choice with options, rating 1–5, text). */
export function DesignFields({ form }: { form: FormInstance }) {
  return (
    <>
      <Form.Item name="title" label="问卷标题" rules={[{ required: true, message: '请填写问卷标题' }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="intro" label="说明（显示在问卷开头）">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={`第 ${index + 1} 题`}
                style={{ marginBottom: 8 }}
                extra={
                  <Space>
                    <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)}>
                      上移
                    </Button>
                    <Button size="small" danger onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  </Space>
                }
              >
                <Space wrap align="start">
                  <Form.Item name={[field.name, 'kind']} label="题型" rules={[{ required: true }]}>
                    <Select options={KIND_OPTIONS} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} label="必答" valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Space>
                <Form.Item
                  name={[field.name, 'prompt']}
                  label="题目"
                  rules={[{ required: true, message: '请填写题目' }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item noStyle dependencies={[['questions', field.name, 'kind']]}>
                  {() => {
                    const kind = form.getFieldValue(['questions', field.name, 'kind']) as QuestionKind;
                    if (kind !== 'single' && kind !== 'multiple') return null;
                    return (
                      <Form.Item
                        name={[field.name, 'options']}
                        label="选项（输入后回车，至少两个）"
                        rules={[{ required: true, type: 'array', min: 2, message: '至少需要两个选项' }]}
                      >
                        <Select
                          mode="tags"
                          open={false}
                          maxCount={20}
                          placeholder="如：满意 回车 不满意 回车"
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            <Button
              block
              type="dashed"
              disabled={fields.length >= 50}
              onClick={() => add({ kind: 'rating', required: true, prompt: '' })}
            >
              添加问题
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The form's values as the API's design (options only for choice questions). */
export function toDesign(values: DesignInput): DesignInput {
  return {
    title: values.title,
    intro: values.intro ?? '',
    questions: (values.questions ?? []).map((q) => ({
      kind: q.kind,
      prompt: q.prompt,
      required: Boolean(q.required),
      ...(q.kind === 'single' || q.kind === 'multiple' ? { options: q.options ?? [] } : {}),
    })),
  };
}

export const DEFAULT_DESIGN: DesignInput = {
  title: '政务信息系统满意度调查',
  intro: '本问卷匿名填写，不收集个人信息，约需 1 分钟。',
  questions: [
    { kind: 'rating', prompt: '您对本系统的总体满意度', required: true },
    { kind: 'rating', prompt: '办理业务是否便捷', required: true },
    {
      kind: 'single',
      prompt: '您使用本系统的频率',
      required: false,
      options: ['每天', '每周', '每月', '偶尔'],
    },
    { kind: 'text', prompt: '您的意见和建议', required: false },
  ],
};
