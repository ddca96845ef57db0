import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  type TableColumnsType,
  Tag,
} from 'antd';
import { asApiError } from '../../../api/client.ts';
import { useMe } from '../../../auth/context.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListView } from '../../../components/list/ListPage.tsx';
import { useListQuery } from '../../../components/list/useListQuery.ts';
import { numberRule } from '../../../components/numberRules.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listOrganisations } from '../../org/api.ts';
import { useProjectMeta } from '../../projects/meta.ts';
import { listAssessments, pageExperts, recordAssessment, registerExpert } from '../api.ts';
import type { AssessmentItem, ExpertPool } from '../types.ts';

type Expert = ExpertPool['items'][number];

const ASSESSMENT_FIELDS: FilterField[] = [
  { name: 'q', label: '按部门搜索', type: 'text', width: 180 },
  // A choice of years, not free text: the server refuses a year that is not a number.
  {
    name: 'year',
    label: '年度',
    type: 'select',
    width: 120,
    options: Array.from({ length: 8 }, (_, i) => {
      const year = String(new Date().getFullYear() - i);
      return { value: year, label: `${year}年` };
    }),
  },
];

const expertColumns: TableColumnsType<Expert> = [
  { title: '专家', dataIndex: 'name', render: (n: string, e) => `${n} ${e.title}` },
  {
    title: '领域',
    dataIndex: 'fieldNames',
    render: (f: string[]) => f.map((x) => <Tag key={x}>{x}</Tag>),
  },
  { title: '工作单位', dataIndex: 'employerName', render: (n: string | null) => n ?? '—' },
];

const assessmentColumns: TableColumnsType<AssessmentItem> = [
  { title: '部门', dataIndex: 'organisationName' },
  { title: '年度', dataIndex: 'year', width: 80 },
  { title: '得分', dataIndex: 'score', width: 70 },
  { title: '等级', dataIndex: 'gradeName', width: 80 },
  { title: '摘要', dataIndex: 'summary' },
];

/**
 * 专家库与年度考核: experts by field with their employer (for 回避, DT-09d), and the departments'
 * yearly assessment (DT-07) that next year's reviewer sees (DT-31).
 */
export default function ExpertsPage() {
  const { message } = App.useApp();
  const me = useMe();
  const meta = useProjectMeta();
  const orgs = useRequest(listOrganisations);
  // Both lists filter, page and count on the server (issue 11); the library's page carries the candidates.
  const experts = useListQuery(pageExperts, { prefix: 'experts', pageSize: 10 });
  const assessed = useListQuery(listAssessments, { prefix: 'assessments', pageSize: 10 });
  const candidates = (experts.data as Pick<ExpertPool, 'candidates'> | undefined)?.candidates ?? [];
  const expertFields: FilterField[] = [
    { name: 'q', label: '按姓名搜索', type: 'text', width: 160 },
    { name: 'field', label: '领域', type: 'select', width: 140, options: meta.expertFields },
  ];
  const [expertForm] = Form.useForm<{
    userId: string;
    fields: string[];
    employerOrganisationId?: string;
    title?: string;
  }>();
  const [assessmentForm] = Form.useForm<{
    organisationId: string;
    year: number;
    score: number;
    grade: string;
    summary?: string;
  }>();
  const myJurisdictions = new Set(me.roles.map((r) => r.jurisdictionId));
  const departments = (orgs.data?.items ?? []).filter(
    (o) => o.kind === 'department' && myJurisdictions.has(o.jurisdictionId),
  );

  const addExpert = async () => {
    const v = await expertForm.validateFields();
    try {
      await registerExpert({
        userId: v.userId,
        fields: v.fields,
        employerOrganisationId: v.employerOrganisationId ?? null,
        title: v.title ?? '',
      });
      message.success('已入库');
      expertForm.resetFields();
      experts.reload();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };
  const addAssessment = async () => {
    const v = await assessmentForm.validateFields();
    try {
      await recordAssessment({ ...v, summary: v.summary ?? '' });
      message.success('已录入');
      assessmentForm.resetFields();
      assessed.reload();
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };

  return (
    <>
      <PageHeader
        title="专家库与年度考核"
        description="评审专家按领域入库，指派时自动回避其工作单位；部门年度考核结果供下一年度审核参考。"
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="专家库（DT-09d）" style={{ marginBottom: 16 }}>
            <ListView<Expert>
              list={experts}
              fields={expertFields}
              columns={expertColumns}
              rowKey="userId"
              table={{ size: 'small' }}
            />
            <Form form={expertForm} layout="vertical" style={{ marginTop: 16 }}>
              <Form.Item name="userId" label="专家账号" rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={candidates
                    .filter((c) => c.role === 'expert')
                    .map((c) => ({ value: c.userId, label: `${c.name}（${c.username}）` }))}
                />
              </Form.Item>
              <Form.Item name="fields" label="领域" rules={[{ required: true }]}>
                <Select mode="multiple" options={meta.expertFields} />
              </Form.Item>
              <Form.Item name="employerOrganisationId" label="工作单位（用于回避）">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
              <Form.Item name="title" label="职称">
                <Input maxLength={50} />
              </Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => void addExpert()}>
                入库
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="部门年度考核（DT-07、DT-31）">
            <ListView<AssessmentItem>
              list={assessed}
              fields={ASSESSMENT_FIELDS}
              columns={assessmentColumns}
              rowKey="id"
              table={{ size: 'small' }}
            />
            <Form
              form={assessmentForm}
              layout="vertical"
              style={{ marginTop: 16 }}
              initialValues={{ year: new Date().getFullYear() - 1, grade: 'good' }}
            >
              <Form.Item name="organisationId" label="部门" rules={[{ required: true }]}>
                <Select options={departments.map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item
                    name="year"
                    label="年度"
                    rules={[
                      { required: true },
                      numberRule({ label: '年度', min: 2000, max: 2100, integer: true }),
                    ]}
                  >
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="score"
                    label="得分"
                    rules={[{ required: true }, numberRule({ label: '得分', min: 0, max: 100 })]}
                  >
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="grade" label="等级" rules={[{ required: true }]}>
                    <Select options={meta.assessmentGrades} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="summary" label="摘要">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => void addAssessment()}>
                录入
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
