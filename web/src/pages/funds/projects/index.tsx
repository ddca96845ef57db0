import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { type ApiResponse, api } from '../../../api/client.ts';
import type { FilterField } from '../../../components/list/FilterBar.tsx';
import { ListPage } from '../../../components/list/ListPage.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { ProjectListItem } from '../../projects/types.ts';

const fetchEstablished = (query: Record<string, string | number>, signal: AbortSignal) =>
  api.get<ApiResponse<'/api/projects', 'get'>>('/api/projects', {
    signal,
    query: { ...query, state: 'established' },
  });

const FIELDS: FilterField[] = [{ name: 'q', label: '项目名称或编码', type: 'text' }];

const columns: TableColumnsType<ProjectListItem> = [
  {
    title: '项目编号',
    dataIndex: 'code',
    render: (code: string, p) => <Link to={`/funds/projects/${p.id}`}>{code}</Link>,
  },
  { title: '项目名称', dataIndex: 'name' },
  { title: '建设单位', dataIndex: 'ownerName' },
  { title: '辖区', dataIndex: 'jurisdictionName' },
  { title: '申报总预算（元）', dataIndex: 'totalBudget' },
];

/** Established projects the caller sees, each linking to its budget review, ledger and disbursements. */
export default function FundsProjectsPage() {
  return (
    <>
      <PageHeader
        title="项目资金"
        description="已立项项目的预算评审（DT-14、SC-13、XZ-11）、资金台账与拨付申请"
      />
      <ListPage<ProjectListItem>
        fetcher={fetchEstablished}
        fields={FIELDS}
        columns={columns}
        rowKey="id"
        table={{ scroll: { x: 700 } }}
      />
    </>
  );
}
