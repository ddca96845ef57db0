import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Space, Steps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { createProject, getProject, submitProject, updateProject } from '../api.ts';
import { applicationBody, applicationFromProject, budgetProblem, EMPTY_APPLICATION } from '../logic.ts';
import { useProjectMeta } from '../meta.ts';
import type { ProjectDetail } from '../types.ts';
import { BasicStep } from './BasicStep.tsx';
import { BudgetStep } from './BudgetStep.tsx';
import { MaterialsStep } from './MaterialsStep.tsx';
import { ScopeStep } from './ScopeStep.tsx';
import { type FormValues, fromForm, STEP_FIELDS, STEPS, toForm } from './values.ts';

/** 项目申报: a multi-step application form that saves drafts, uploads the rulebook's materials and submits. */
export default function ProjectFormPage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { declarations } = useProjectMeta();
  const [step, setStep] = useState(Number(search.get('step') ?? 0) || 0);
  const [saving, setSaving] = useState(false);
  const [project, setProject] = useState<ProjectDetail | null>(null);

  const loadProject = useCallback(
    (signal: AbortSignal) => (id ? getProject(id, signal) : Promise.resolve(null)),
    [id],
  );
  const loaded = useRequest(loadProject);

  useEffect(() => {
    if (loaded.data) {
      setProject(loaded.data);
      form.setFieldsValue(toForm(applicationFromProject(loaded.data)));
    } else if (!id) {
      form.setFieldsValue(toForm(EMPTY_APPLICATION));
    }
  }, [loaded.data, id, form]);

  const save = async (): Promise<ProjectDetail | null> => {
    const values = fromForm(
      form.getFieldsValue(true) as FormValues,
      declarations.map((d) => d.value),
    );
    const problem = budgetProblem(values.totalBudget, values.budgetByYear);
    if (problem) {
      message.error(problem);
      return null;
    }
    setSaving(true);
    try {
      const saved = project
        ? await updateProject(project.id, { ...applicationBody(values, true), version: project.version })
        : await createProject(applicationBody(values, false));
      setProject(saved);
      message.success(project ? '已保存' : `草稿已保存：${saved.code}`);
      if (!project) navigate(`/projects/${saved.id}/edit?step=${step}`, { replace: true });
      return saved;
    } catch (error) {
      const e = asApiError(error);
      message.error(e.article ? `${e.message}（依据 ${e.article}）` : e.message);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const go = async (next: number) => {
    if (next > step) {
      try {
        await form.validateFields(STEP_FIELDS[step] ?? [], { recursive: true });
      } catch {
        return;
      }
    }
    if (next === 3 && !project && !(await save())) return;
    setStep(next);
    setSearch({ step: String(next) }, { replace: true });
  };

  const reload = async () => {
    if (!project) return;
    setProject(await getProject(project.id));
  };

  const submit = async () => {
    if (!project) return;
    const saved = await save();
    if (!saved) return;
    try {
      const done = await submitProject(saved.id);
      message.success(`已提交：${done.stateName}`);
      navigate(`/projects/${done.id}`);
    } catch (error) {
      const e = asApiError(error);
      message.error(e.article ? `${e.message}（依据 ${e.article}）` : e.message, 8);
    }
  };

  if (loaded.error) return <ApiErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (project && !project.permissions.canEdit) {
    return (
      <Alert
        type="info"
        showIcon
        message="该项目已提交审核，退回或撤回后才能修改"
        action={<Button onClick={() => navigate(`/projects/${project.id}`)}>查看项目</Button>}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={project ? `修改申报：${project.name}` : '项目申报'}
        description={
          project
            ? `${project.code} · 适用《${project.rulebook.title}》（${project.rulebook.code} 第 ${project.rulebook.version} 版）`
            : '按本辖区规则集填写建设申请；草稿可随时保存，提交前上传规则集要求的材料。'
        }
      />
      <Card>
        <Steps
          current={step}
          items={STEPS.map((title) => ({ title }))}
          style={{ marginBottom: 24 }}
          onChange={(n) => void go(n)}
        />
        <Form form={form} layout="vertical" preserve disabled={saving}>
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <BasicStep projectId={project?.id} />
          </div>
          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <BudgetStep savedPhone={project?.projectOwner?.phone} />
          </div>
          <div style={{ display: step === 2 ? 'block' : 'none' }}>
            <ScopeStep />
          </div>
        </Form>

        {step === 3 && project && <MaterialsStep project={project} onChanged={reload} />}

        <Flex justify="space-between" style={{ marginTop: 24 }}>
          <Button disabled={step === 0} onClick={() => void go(step - 1)}>
            上一步
          </Button>
          <Space>
            <Button icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
              保存草稿
            </Button>
            {step < 3 ? (
              <Button type="primary" onClick={() => void go(step + 1)}>
                下一步
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!project?.permissions.canSubmit}
                onClick={() => void submit()}
              >
                提交申请
              </Button>
            )}
          </Space>
        </Flex>
        {step === 3 && project && !project.permissions.canSubmit && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            message="本辖区规则集规定的申报单位才能提交（例如忻州市交通运输局由市交通运输数据中心提交）；您可以保存草稿并上传材料。"
          />
        )}
      </Card>
    </>
  );
}
