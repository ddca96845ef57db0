import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../../../auth/context.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { DedupPanel } from '../../dedup/components/DedupPanel.tsx';
import { listOrganisations } from '../../org/api.ts';
import { listLinkableEntries } from '../../plans/api.ts';
import { listProjects } from '../api.ts';
import { useProjectMeta } from '../meta.ts';
import { yuanRule } from './values.ts';

/** Projects the user may choose as 上级项目 (the server checks visibility again on save). */
const listParentCandidates = (signal: AbortSignal) => listProjects(signal, {});

/** Step 1 基本信息: name, type, category, funding mode, plan entry, co-builders, parent project. */
export function BasicStep({ projectId }: { projectId?: string }) {
  const form = Form.useFormInstance();
  const meta = useProjectMeta();
  const me = useMe();
  const watchedName = Form.useWatch('name', form);
  const watchedSummary = Form.useWatch('summary', form);
  const entries = useRequest(listLinkableEntries);
  const orgs = useRequest(listOrganisations);
  const parents = useRequest(listParentCandidates);
  const myJurisdictions = useMemo(() => new Set(me.roles.map((r) => r.jurisdictionId)), [me]);
  const myOrgs = useMemo(() => new Set(me.roles.map((r) => r.organisationId)), [me]);
  const departments = (orgs.data?.items ?? []).filter(
    (o) => o.kind === 'department' && myJurisdictions.has(o.jurisdictionId) && !myOrgs.has(o.id),
  );
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, min: 2, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="type" label="项目类型（DT-03a）" rules={[{ required: true }]}>
            <Select options={meta.types} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label="项目类别（DT-03b）" rules={[{ required: true }]}>
            <Select options={meta.categories} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="fundingMode" label="建设模式（DT-03c）" rules={[{ required: true }]}>
            <Select options={meta.fundingModes} />
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
                .filter((x) => x.id !== projectId)
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
    </>
  );
}
