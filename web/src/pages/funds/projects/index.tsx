import { Table } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorResult } from '../../../components/ApiErrorResult.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listProjects } from '../../projects/api.ts';

/** Established projects the caller sees, each linking to its budget review, ledger and disbursements. */
export default function FundsProjectsPage() {
  const fetcher = useCallback((signal: AbortSignal) => listProjects(signal, { state: 'established' }), []);
  const { data, error, loading, reload } = useRequest(fetcher);
  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="项目资金"
        description="已立项项目的预算评审（DT-14、SC-13、XZ-11）、资金台账与拨付申请"
      />
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 700 }}
        columns={[
          {
            title: '项目编号',
            dataIndex: 'code',
            render: (code: string, p) => <Link to={`/funds/projects/${p.id}`}>{code}</Link>,
          },
          { title: '项目名称', dataIndex: 'name' },
          { title: '建设单位', dataIndex: 'ownerName' },
          { title: '辖区', dataIndex: 'jurisdictionName' },
          { title: '申报总预算（元）', dataIndex: 'totalBudget' },
        ]}
      />
    </>
  );
}
