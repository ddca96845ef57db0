import {
  DeleteOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Steps,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { asApiError } from '../../../api/client.ts';
import { useMe } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { numberRule } from '../../../components/numberRules.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { DedupPanel } from '../../dedup/components/DedupPanel.tsx';
import {
  createProject,
  getProject,
  listCatalogResources,
  listCatalogSystems,
  listLinkableEntries,
  listOrganisations,
  listProjects,
  removeMaterial,
  submitProject,
  updateProject,
  uploadMaterial,
} from '../api.ts';
import { MaterialLink } from '../components/MaterialLink.tsx';
import {
  applicationBody,
  applicationFromProject,
  budgetProblem,
  DECLARATIONS,
  EMPTY_APPLICATION,
  FUNDING_MODES,
  formatSize,
  formatYuan,
  isYuan,
  PROJECT_CATEGORIES,
  PROJECT_TYPES,
  toFen,
  wanHint,
  yearsTotal,
} from '../logic.ts';
import type { ApplicationInput, ProjectDetail } from '../types.ts';

/** The form's shape: the application with declarations as a list of checked keys. */
type FormValues = Omit<ApplicationInput, 'declarations' | 'projectOwner'> & {
  declarations: string[];
  projectOwner: { name: string; title: string; phone: string };
};

const toForm = (a: ApplicationInput): FormValues => ({
  ...a,
  declarations: Object.entries(a.declarations)
    .filter(([, v]) => v)
    .map(([k]) => k),
  projectOwner: a.projectOwner ?? { name: '', title: '', phone: '' },
});

const fromForm = (v: FormValues): ApplicationInput => ({
  ...EMPTY_APPLICATION,
  ...v,
  budgetByYear: (v.budgetByYear ?? []).map((y) => ({ year: Number(y.year), amount: String(y.amount ?? '') })),
  systems: (v.systems ?? []).map((s) => ({
    systemId: s.systemId ?? null,
    name: s.systemId ? null : (s.name ?? null),
    relation: s.relation,
  })),
  declarations: Object.fromEntries(
    DECLARATIONS.map((d) => [d.value, (v.declarations ?? []).includes(d.value)]),
  ),
  projectOwner: v.projectOwner?.name ? v.projectOwner : null,
});

/** Projects the user may choose as 上级项目 (the server checks visibility again on save). */
const listParentCandidates = (signal: AbortSignal) => listProjects(signal, {});

const STEPS = ['基本信息', '预算与绩效', '系统、资源与网络', '材料与提交'];
/** The fields each step validates before moving on (the other steps' fields stay mounted, hidden). */
const STEP_FIELDS: (string | string[])[][] = [
  ['name', 'type', 'category', 'fundingMode', 'parentProjectId', 'shareOfParent'],
  ['totalBudget', 'budgetByYear', 'performanceTargets', ['projectOwner', 'name']],
  ['systems', 'resources', 'cloudServices', 'dedicatedNetworkBasis'],
];
const yuanRule = {
  validator: (_: unknown, v: string) =>
    !v || isYuan(String(v))
      ? Promise.resolve()
      : Promise.reject(new Error('请填写以元为单位、至多两位小数的金额')),
};

/** 项目申报: a multi-step application form that saves drafts, uploads the rulebook's materials and submits. */
export default function ProjectFormPage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const watchedName = Form.useWatch('name', form);
  const watchedSummary = Form.useWatch('summary', form);
  const [step, setStep] = useState(Number(search.get('step') ?? 0) || 0);
  const [saving, setSaving] = useState(false);
  const [project, setProject] = useState<ProjectDetail | null>(null);

  const loadProject = useCallback(
    (signal: AbortSignal) => (id ? getProject(id, signal) : Promise.resolve(null)),
    [id],
  );
  const loaded = useRequest(loadProject);
  const entries = useRequest(listLinkableEntries);
  const orgs = useRequest(listOrganisations);
  const systems = useRequest(listCatalogSystems);
  const resources = useRequest(listCatalogResources);
  const parents = useRequest(listParentCandidates);
  const totalBudget = Form.useWatch('totalBudget', form);
  const budgetYears = Form.useWatch('budgetByYear', form) as { year: number; amount: string }[] | undefined;
  // The yearly sum is checked against the total: a changed total re-checks a list already in error.
  useEffect(() => {
    if (totalBudget !== undefined && form.getFieldError('budgetByYear').length > 0)
      void form.validateFields([['budgetByYear']]).catch(() => undefined);
  }, [totalBudget, form]);

  useEffect(() => {
    if (loaded.data) {
      setProject(loaded.data);
      form.setFieldsValue(toForm(applicationFromProject(loaded.data)));
    } else if (!id) {
      form.setFieldsValue(toForm(EMPTY_APPLICATION));
    }
  }, [loaded.data, id, form]);

  const myJurisdictions = useMemo(() => new Set(me.roles.map((r) => r.jurisdictionId)), [me]);
  const myOrgs = useMemo(() => new Set(me.roles.map((r) => r.organisationId)), [me]);
  const departments = (orgs.data?.items ?? []).filter(
    (o) => o.kind === 'department' && myJurisdictions.has(o.jurisdictionId) && !myOrgs.has(o.id),
  );

  const save = async (): Promise<ProjectDetail | null> => {
    const values = fromForm(form.getFieldsValue(true) as FormValues);
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
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2, max: 100 }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="type" label="项目类型（DT-03a）" rules={[{ required: true }]}>
                  <Select options={PROJECT_TYPES} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="category" label="项目类别（DT-03b）" rules={[{ required: true }]}>
                  <Select options={PROJECT_CATEGORIES} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="fundingMode" label="建设模式（DT-03c）" rules={[{ required: true }]}>
                  <Select options={FUNDING_MODES} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="planEntryId"
              label="规划（年度计划）条目"
              extra="未纳入已批准规划或年度计划的项目，须先经前置审查并报政府批准（DT-12b、SC-11b、XZ-10b）。"
            >
              <Select
                allowClear
                placeholder="计划外项目"
                options={(entries.data?.items ?? []).map((e) => ({
                  value: e.id,
                  label: `${e.planTitle} · ${e.projectName}（${e.year} 年，估算 ${e.estimatedBudget} 元）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="coBuilderIds" label="共建部门（跨部门项目由牵头部门会同编制整体方案，DT-09a）">
              <Select
                mode="multiple"
                allowClear
                options={departments.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="parentProjectId" label="上级项目（市县分级立项时选择，DT-06）">
                  <Select
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    placeholder="按名称或编码查找您可见的项目"
                    options={(parents.data?.items ?? [])
                      .filter((x) => x.id !== project?.id)
                      .map((x) => ({ value: x.id, label: `${x.name}（${x.code} · ${x.ownerName}）` }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="shareOfParent" label="承担上级项目金额（元，DT-16）" rules={[yuanRule]}>
                  <Input allowClear />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="summary" label="建设内容">
              <Input.TextArea rows={5} maxLength={5000} showCount />
            </Form.Item>
            <DedupPanel name={watchedName} summary={watchedSummary} />
          </div>

          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <Form.Item
              name="totalBudget"
              label="项目总预算（元）"
              extra={wanHint(totalBudget) ?? '以元为单位，至多两位小数'}
              rules={[
                { required: true, message: '请填写项目总预算' },
                yuanRule,
                {
                  validator: (_, v: string) =>
                    !v || !isYuan(String(v)) || (toFen(String(v)) ?? 0n) > 0n
                      ? Promise.resolve()
                      : Promise.reject(new Error('项目总预算须大于 0 元')),
                },
              ]}
            >
              <Input style={{ maxWidth: 300 }} addonAfter="元" />
            </Form.Item>
            <Typography.Title level={5}>
              分年度预算（分年度实施的项目，各年之和须等于总预算）
            </Typography.Title>
            <Form.List
              name="budgetByYear"
              rules={[
                {
                  // Checked here, on the budget step, not as a pop-up when saving (issue 17 item 4).
                  validator: async (_, years: { year: number; amount: string }[] | undefined) => {
                    const problem = budgetProblem(
                      String(form.getFieldValue('totalBudget') ?? ''),
                      years ?? [],
                    );
                    if (problem) throw new Error(problem);
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item
                        name={[f.name, 'year']}
                        rules={[
                          { required: true, message: '请填写年度' },
                          numberRule({ label: '年度', min: 2000, max: 2100, integer: true }),
                        ]}
                      >
                        <InputNumber placeholder="年度" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'amount']}
                        rules={[{ required: true, message: '请填写金额' }, yuanRule]}
                        extra={wanHint(budgetYears?.[f.name]?.amount)}
                      >
                        <Input placeholder="金额（元）" addonAfter="元" />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ year: new Date().getFullYear(), amount: '' })}
                  >
                    增加年度
                  </Button>
                  {fields.length > 0 && (
                    <Typography.Paragraph
                      type="secondary"
                      style={{ marginTop: 8 }}
                      data-testid="budget-running-total"
                    >
                      各年合计 {formatYuan(yearsTotal(budgetYears))}（{wanHint(yearsTotal(budgetYears))}）
                      {totalBudget &&
                        isYuan(String(totalBudget)) &&
                        ` / 总预算 ${formatYuan(String(totalBudget))}`}
                    </Typography.Paragraph>
                  )}
                  <Form.Item style={{ marginBottom: 0 }}>
                    <Form.ErrorList errors={errors} />
                  </Form.Item>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              绩效目标
            </Typography.Title>
            <Form.List name="performanceTargets">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'indicator']} rules={[{ required: true }]}>
                        <Input placeholder="指标" style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'target']} rules={[{ required: true }]}>
                        <Input placeholder="目标值" style={{ width: 200 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ indicator: '', target: '' })}
                  >
                    增加绩效目标
                  </Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              项目责任人（SC-15、JC-05-4）
            </Typography.Title>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['projectOwner', 'name']}
                  label="姓名"
                  rules={[{ required: true, whitespace: true, message: '提交前须确定项目责任人' }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['projectOwner', 'title']} label="职务">
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['projectOwner', 'phone']}
                  label="联系电话"
                  extra={
                    project?.projectOwner?.phone
                      ? `已保存：${project.projectOwner.phone}（留空不修改）`
                      : '加密保存'
                  }
                >
                  <Input maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
          </div>

          <div style={{ display: step === 2 ? 'block' : 'none' }}>
            <Typography.Title level={5}>
              涉及信息系统（须已列入政务信息系统目录：DT-11、SC-10、XZ-08a）
            </Typography.Title>
            <Form.List name="systems">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'systemId']}>
                        <Select
                          allowClear
                          showSearch
                          optionFilterProp="label"
                          placeholder="选择目录中的系统"
                          style={{ width: 320 }}
                          options={(systems.data?.items ?? []).map((s) => ({
                            value: s.id,
                            label: `${s.name}（${s.code}）`,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[
                          {
                            warningOnly: true,
                            validator: (_, v: string | null) =>
                              v?.trim() && !form.getFieldValue(['systems', f.name, 'systemId'])
                                ? Promise.reject(
                                    new Error(
                                      '未列入系统目录：可保存草稿，但提交时将被拒绝，请先在系统目录登记',
                                    ),
                                  )
                                : Promise.resolve(),
                          },
                        ]}
                      >
                        <Input placeholder="或：尚未列入目录的系统名称" style={{ width: 240 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'relation']} initialValue="changes">
                        <Select
                          style={{ width: 100 }}
                          options={[
                            { value: 'builds', label: '新建' },
                            { value: 'changes', label: '改造' },
                          ]}
                        />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ systemId: null, name: null, relation: 'changes' })}
                  >
                    增加系统
                  </Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              产生或使用的信息资源（DT-10）
            </Typography.Title>
            <Form.List name="resources">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item
                        name={[f.name, 'resourceId']}
                        rules={[{ required: true, message: '选择资源' }]}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          placeholder="选择资源目录中的信息资源"
                          style={{ width: 420 }}
                          options={(resources.data?.items ?? []).map((r) => ({
                            value: r.id,
                            label: `${r.name}（${r.code} · ${r.providerName}）`,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'relation']} initialValue="produces">
                        <Select
                          style={{ width: 100 }}
                          options={[
                            { value: 'produces', label: '产生' },
                            { value: 'uses', label: '使用' },
                          ]}
                        />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ relation: 'produces' })}>
                    增加信息资源
                  </Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              拟使用的政务云服务
            </Typography.Title>
            <Form.List name="cloudServices">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                        <Input placeholder="服务名称，如 云主机 8核16G" style={{ width: 320 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ serviceId: null, name: '' })}
                  >
                    增加云服务
                  </Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              网络
            </Typography.Title>
            <Form.Item
              name="dedicatedNetwork"
              label="拟新建业务专网（DT-12d、SC-11c、XZ-10b）"
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            <Form.Item
              name="classified"
              label="涉密项目"
              valuePropName="checked"
              extra="朔城区（第二条）、城区（三）、忻州市交通运输局（第三条）的办法只适用于非涉密项目：涉密项目不在本平台申报"
            >
              <Switch />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.dedicatedNetwork !== b.dedicatedNetwork}>
              {({ getFieldValue }) =>
                getFieldValue('dedicatedNetwork') && (
                  <Form.Item
                    name="dedicatedNetworkBasis"
                    label="新建业务专网的法律、法规或国家规定依据"
                    rules={[{ required: true }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item name="declarations" label="申报声明（规则集据此判断适用的环节和闸口）">
              <Checkbox.Group options={DECLARATIONS} style={{ display: 'grid', gap: 8 }} />
            </Form.Item>
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

/** The rulebook's materials for this project: what is required, what is uploaded. */
function MaterialsStep({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<void> }) {
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
