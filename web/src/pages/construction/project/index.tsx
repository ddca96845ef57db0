import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isAuthorityRole } from '../../../access.ts';
import { listObligations, type ObligationItem } from '../../../api/obligations.ts';
import { useMe } from '../../../auth/context.ts';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { obligationStatusColumns } from '../../../components/obligationColumns.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useAction } from '../../../hooks/useAction.ts';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listTasks } from '../../workbench/api.ts';
import { constructionTasks } from '../../workbench/tasks/logic.ts';
import { decideStep } from '../../workflow/api.ts';
import {
  type Contract,
  DELIVERABLE_OPTIONS,
  decideRectification,
  fileContract,
  listContracts,
  listRectifications,
  markDelivered,
  orderRectification,
  RECTIFICATION_STATES,
  type Rectification,
  reportRectification,
  type SignContractBody,
  signContract,
} from './api.ts';
import { ConstructionDialogFields, type Dialog } from './dialogs.tsx';
import { AcceptanceExtensionsCard } from './extensions.tsx';

/** 建设与整改: contracts and deliverables, the project's deadlines, problems and rectification orders. */
export default function ConstructionPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const isDepartment = me.roles.some((r) => r.role === 'dept_staff');
  // The overseeing bodies that order and judge rectification (src/construction/access.ts OVERSEERS).
  const isOverseer = me.roles.some((r) => isAuthorityRole(r.role) || r.role === 'leadership_body');

  const contracts = useRequest(useCallback((s: AbortSignal) => listContracts(id, s), [id]));
  const rect = useRequest(useCallback((s: AbortSignal) => listRectifications(id, s), [id]));
  const duties = useRequest(
    useCallback((s: AbortSignal) => listObligations({ projectId: id, limit: 100 }, s), [id]),
  );
  // This project's 待办 only (a few rows; the most a page holds), its construction kinds kept here.
  const tasks = useRequest(
    useCallback((s: AbortSignal) => listTasks({ projectId: id, limit: 200 }, s), [id]),
  );
  const myTasks = constructionTasks(tasks.data?.items ?? []);
  const reload = () => {
    tasks.reload();
    contracts.reload();
    rect.reload();
    duties.reload();
  };

  const run = useAction(() => {
    setDialog(null);
    form.resetFields();
    reload();
  });

  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'sign') {
      const kinds: SignContractBody['deliverables'][number]['kind'][] = v.deliverables ?? [];
      await run('合同已登记，备案期限开始计算', () =>
        signContract(id, {
          number: v.number,
          procurementMethod: v.procurementMethod,
          procurementResult: v.procurementResult,
          contractorName: v.contractorName,
          amount: String(v.amount),
          signedOn: (v.signedOn as Dayjs).format('YYYY-MM-DD'),
          ownershipClause: v.ownershipClause ?? false,
          deliverables: kinds.map((k) => ({
            kind: k,
            name: DELIVERABLE_OPTIONS.find((o) => o.value === k)?.label ?? k,
          })),
        }),
      );
    } else if (dialog?.kind === 'order') {
      await run('已责令限期整改', () => orderRectification(id, v));
    } else if (dialog?.kind === 'report') {
      await run('已报送整改情况', () =>
        reportRectification(id, dialog.item.id, { report: v.report, version: dialog.item.version }),
      );
    } else if (dialog?.kind === 'step') {
      await run('已办理', () =>
        decideStep(id, dialog.task.stepId ?? '', { outcome: v.outcome, opinion: v.opinion ?? '' }),
      );
    } else if (dialog?.kind === 'decide') {
      await run('已认定', () =>
        decideRectification(id, dialog.item.id, {
          outcome: v.outcome,
          note: v.note ?? '',
          version: dialog.item.version,
        }),
      );
    }
  };

  const dutyColumns: TableColumnsType<ObligationItem> = [
    { title: '义务', dataIndex: 'title', render: (t: string, o) => `${t}${o.ref ? `（${o.ref}）` : ''}` },
    { title: '依据', dataIndex: 'articles', width: 100, render: (a: string[]) => a.join('、') },
    { title: '到期日', dataIndex: 'dueDate', width: 110, render: (d: string | null) => d ?? '日历未知' },
    ...obligationStatusColumns,
  ];

  const contractColumns: TableColumnsType<Contract> = [
    { title: '合同编号', dataIndex: 'number' },
    { title: '承建单位', dataIndex: 'contractorName' },
    { title: '采购方式', dataIndex: 'procurementMethodName', width: 110 },
    { title: '金额（元）', dataIndex: 'amount', width: 120 },
    { title: '签订日期', dataIndex: 'signedOn', width: 110 },
    {
      title: '备案',
      width: 140,
      render: (_: unknown, c) =>
        c.filedOn ? (
          `已于 ${c.filedOn} 备案`
        ) : isDepartment ? (
          <Button size="small" onClick={() => run('合同已报备案', () => fileContract(id, c.id, c.version))}>
            报备案
          </Button>
        ) : (
          '未备案'
        ),
    },
    {
      title: '交付成果',
      render: (_: unknown, c) => (
        <Space wrap>
          {c.deliverables.map((d) =>
            d.deliveredOn ? (
              <Tag key={d.id} color="green">
                {d.name} · {d.deliveredOn}
              </Tag>
            ) : (
              <Tag
                key={d.id}
                style={{ cursor: isDepartment ? 'pointer' : undefined }}
                onClick={() => isDepartment && run('已登记交付', () => markDelivered(id, c.id, d.id))}
              >
                {d.name} · 未交付
              </Tag>
            ),
          )}
        </Space>
      ),
    },
  ];

  const rectColumns: TableColumnsType<Rectification> = [
    { title: '问题', dataIndex: 'problemKindName', width: 140 },
    { title: '情况', dataIndex: 'description' },
    { title: '责令日期', dataIndex: 'orderedOn', width: 110 },
    { title: '整改期限', dataIndex: 'workingDays', width: 100, render: (n: number) => `${n} 个工作日` },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (s: Rectification['state']) => (
        <Tag color={RECTIFICATION_STATES[s].color}>{RECTIFICATION_STATES[s].text}</Tag>
      ),
    },
    {
      title: '操作',
      width: 150,
      render: (_: unknown, r) => (
        <Space>
          {isDepartment && r.state === 'ordered' && (
            <Button size="small" onClick={() => setDialog({ kind: 'report', item: r })}>
              报送整改
            </Button>
          )}
          {isOverseer && (r.state === 'ordered' || r.state === 'reported') && (
            <Button size="small" onClick={() => setDialog({ kind: 'decide', item: r })}>
              认定
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const blocked = (rect.data?.fundsGates ?? []).filter((g) => !g.passed);
  return (
    <>
      <PageHeader
        title="建设与整改"
        description="合同备案、成果交付、法定期限（按工作日计算）和限期整改；拒不整改或整改不合格将暂停拨付资金。"
        extra={
          <Space>
            <Link to={`/projects/${id}`}>
              <Button>返回项目</Button>
            </Link>
            <Link to={`/projects/supervision?projectId=${id}`}>
              <Button>督办看板</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
          </Space>
        }
      />
      {blocked.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="资金拨付已暂停"
          description={blocked.map((g) => `${g.reason}（${g.article}）`).join('；')}
        />
      )}
      {myTasks.length > 0 && (
        <Card size="small" title="待我办理" style={{ marginBottom: 16 }}>
          <Space direction="vertical">
            {myTasks.map((t) => (
              <Space key={t.stepId}>
                <Tag color={t.kind === 'construction_record' ? 'cyan' : 'green'}>{t.stageName}</Tag>
                {t.stepName}
                {t.kind === 'construction_step' ? (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'step', task: t })}>
                    办理
                  </Button>
                ) : (
                  <Typography.Text type="secondary">请在下方登记</Typography.Text>
                )}
              </Space>
            ))}
          </Space>
        </Card>
      )}
      <Card size="small" title="期限义务" style={{ marginBottom: 16 }}>
        {duties.error ? (
          <ApiErrorResult error={duties.error} onRetry={duties.reload} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            loading={duties.loading}
            dataSource={duties.data?.items ?? []}
            columns={dutyColumns}
            pagination={false}
          />
        )}
      </Card>
      <AcceptanceExtensionsCard
        projectId={id}
        isDepartment={isDepartment}
        isAuthority={me.roles.some((r) => isAuthorityRole(r.role))}
        onChanged={duties.reload}
      />
      <Card
        size="small"
        title="建设合同"
        style={{ marginBottom: 16 }}
        extra={
          isDepartment && (
            <Button type="primary" size="small" onClick={() => setDialog({ kind: 'sign' })}>
              登记合同
            </Button>
          )
        }
      >
        {contracts.error ? (
          <ApiErrorResult error={contracts.error} onRetry={contracts.reload} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            loading={contracts.loading}
            dataSource={contracts.data?.items ?? []}
            columns={contractColumns}
            pagination={false}
          />
        )}
      </Card>
      <Card
        size="small"
        title="问题与整改"
        extra={
          isOverseer && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'order' })}>
              责令整改
            </Button>
          )
        }
      >
        {rect.error ? (
          <ApiErrorResult error={rect.error} onRetry={rect.reload} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            loading={rect.loading}
            dataSource={rect.data?.items ?? []}
            columns={rectColumns}
            pagination={false}
          />
        )}
      </Card>
      <FormModal
        open={dialog !== null}
        title={
          dialog?.kind === 'sign'
            ? '登记建设合同'
            : dialog?.kind === 'order'
              ? '责令限期整改'
              : dialog?.kind === 'report'
                ? '报送整改情况'
                : dialog?.kind === 'step'
                  ? dialog.task.stepName
                  : '认定整改结果'
        }
        form={form}
        onOk={submit}
        onClose={() => setDialog(null)}
      >
        <ConstructionDialogFields dialog={dialog} />
      </FormModal>
    </>
  );
}
