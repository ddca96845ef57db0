import { DeleteOutlined, PlusOutlined, SaveOutlined, SortAscendingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { asApiError } from '../../../../api/client.ts';
import type { CalendarYearDetail, HolidayKind, HolidayProblem } from '../../../../api/types.ts';
import { ApiErrorResult } from '../../../../components/ApiErrorResult.tsx';
import { useRequest } from '../../../../hooks/useRequest.ts';
import { getCalendarYear, saveCalendarYear } from '../api.ts';
import {
  type EditRow,
  HOLIDAY_NAMES,
  isWeekend,
  KIND_LABELS,
  matchProblems,
  newKey,
  type RowMessages,
  sortRows,
  toEditRows,
  weekdayOf,
} from '../rows.ts';

const NAME_OPTIONS = HOLIDAY_NAMES.map((value) => ({ value }));
const KIND_OPTIONS = (Object.keys(KIND_LABELS) as HolidayKind[]).map((value) => ({
  value,
  label: KIND_LABELS[value],
}));

function FieldMessages({ messages }: { messages?: { severity: 'error' | 'warning'; text: string }[] }) {
  if (!messages?.length) return null;
  return (
    <>
      {messages.map((m) => (
        <div key={m.text}>
          <Typography.Text type={m.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
            {m.text}
          </Typography.Text>
        </div>
      ))}
    </>
  );
}

const statusOf = (messages?: { severity: 'error' | 'warning' }[]) =>
  messages?.some((m) => m.severity === 'error') ? 'error' : messages?.length ? 'warning' : undefined;

/**
 * The year editor: the State Council's arrangement for one year as rows (date, 放假/调休上班, name),
 * saved all at once with its 发布文号. Problems come back from the server per field, in Chinese.
 */
export function YearEditor({ year, onSaved }: { year: number; onSaved: () => void }) {
  const { message } = App.useApp();
  const fetcher = useCallback((signal: AbortSignal) => getCalendarYear(year, signal), [year]);
  const { data, error, loading, reload } = useRequest(fetcher);

  const [current, setCurrent] = useState<CalendarYearDetail | null>(null);
  const [rows, setRows] = useState<EditRow[]>([]);
  const [publishedRef, setPublishedRef] = useState('');
  const [messages, setMessages] = useState<RowMessages>({ byRow: new Map(), general: [] });
  const [saveError, setSaveError] = useState<{ text: string; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!data) return;
    setCurrent(data);
    setRows(toEditRows(data.rows));
    setPublishedRef(data.publishedRef ?? '');
    setMessages({ byRow: new Map(), general: [] });
    setSaveError(null);
  }, [data]);

  const update = (key: string, patch: Partial<EditRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = async () => {
    if (!current) return;
    const submitted = rows.map((r) => r.key);
    setSaving(true);
    setSaveError(null);
    try {
      const res = await saveCalendarYear(year, {
        rows: rows.map(({ date, kind, name }) => ({ date, kind, name })),
        publishedRef,
        updatedAt: current.updatedAt,
      });
      setCurrent(res.year);
      setMessages(matchProblems(res.warnings, submitted));
      message.success(
        res.warnings.length > 0
          ? `${year} 年放假安排已保存（${res.warnings.length} 条提示，请核对）`
          : `${year} 年放假安排已保存`,
      );
      onSaved();
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 400 && err.problems) {
        setMessages(matchProblems(err.problems as HolidayProblem[], submitted));
      } else {
        setMessages({ byRow: new Map(), general: [] });
        setSaveError({ text: err.message, conflict: err.status === 409 });
      }
    } finally {
      setSaving(false);
    }
  };

  if (error) return <ApiErrorResult error={error} onRetry={reload} />;
  if (!current) return <Skeleton active />;

  const refProblems = messages.general.filter((p) => p.field === 'publishedRef');
  const yearProblems = messages.general.filter((p) => p.field !== 'publishedRef');
  const errorCount =
    messages.general.filter((p) => p.severity === 'error').length +
    [...messages.byRow.values()]
      .flatMap((m) => Object.values(m).flat())
      .filter((m) => m?.severity === 'error').length;

  const columns: TableColumnsType<EditRow> = [
    {
      title: '日期',
      dataIndex: 'date',
      width: 210,
      render: (_, r) => {
        const m = messages.byRow.get(r.key)?.date;
        return (
          <>
            <DatePicker
              value={r.date ? dayjs(r.date) : null}
              onChange={(d) => update(r.key, { date: d ? d.format('YYYY-MM-DD') : '' })}
              status={statusOf(m)}
              aria-label="日期"
              style={{ width: 140 }}
            />
            {r.date && (
              <Typography.Text
                type={isWeekend(r.date) ? 'warning' : 'secondary'}
                style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }}
              >
                {weekdayOf(r.date)}
              </Typography.Text>
            )}
            <FieldMessages messages={m} />
          </>
        );
      },
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 130,
      render: (_, r) => {
        const m = messages.byRow.get(r.key)?.kind;
        return (
          <>
            <Select
              value={r.kind}
              options={KIND_OPTIONS}
              onChange={(kind: HolidayKind) => update(r.key, { kind })}
              status={statusOf(m)}
              aria-label="类型"
              style={{ width: 110 }}
            />
            <FieldMessages messages={m} />
          </>
        );
      },
    },
    {
      title: '节日名称',
      dataIndex: 'name',
      render: (_, r) => {
        const m = messages.byRow.get(r.key)?.name;
        return (
          <>
            <AutoComplete
              value={r.name}
              options={NAME_OPTIONS}
              onChange={(name: string) => update(r.key, { name })}
              status={statusOf(m)}
              placeholder="如 春节"
              aria-label="节日名称"
              style={{ width: 120 }}
            />
            <FieldMessages messages={m} />
          </>
        );
      },
    },
    {
      title: '',
      key: 'remove',
      width: 50,
      render: (_, r) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label="删除此行"
          onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {!current.known && (
        <Alert
          type="warning"
          showIcon
          title={`${year} 年尚无节假日数据（日历未知）`}
          description="跨入该年度的期限只能按周一至周五推算，规则评估中的到期日显示为“日历未知”。国务院办公厅公布放假安排后，请在此录入并保存。"
        />
      )}
      {saveError && (
        <Alert
          type="error"
          showIcon
          title={saveError.text}
          action={
            saveError.conflict ? (
              <Button size="small" onClick={reload}>
                重新载入
              </Button>
            ) : undefined
          }
        />
      )}
      {yearProblems.map((p) => (
        <Alert key={p.code} type={p.severity === 'error' ? 'error' : 'warning'} showIcon title={p.message} />
      ))}
      <Form layout="vertical" component="div">
        <Form.Item
          label="发布文号"
          required
          validateStatus={refProblems.length ? 'error' : undefined}
          help={refProblems[0]?.message}
          tooltip="国务院办公厅关于该年度部分节假日安排的通知的文号"
          style={{ marginBottom: 0 }}
        >
          <Input
            value={publishedRef}
            onChange={(e) => setPublishedRef(e.target.value)}
            placeholder={`如 国办发明电〔${year - 1}〕x号`}
            maxLength={100}
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
      </Form>
      <Table<EditRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 520, y: 520 }}
        locale={{ emptyText: '暂无记录，请点击“添加一行”录入放假与调休上班日' }}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Flex gap={8} wrap>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setRows((list) => [...list, { key: newKey(), date: '', kind: 'holiday', name: '' }])
            }
          >
            添加一行
          </Button>
          <Button icon={<SortAscendingOutlined />} onClick={() => setRows((list) => sortRows(list))}>
            按日期排序
          </Button>
        </Flex>
        <Flex gap={8} align="center">
          {errorCount > 0 && <Typography.Text type="danger">有 {errorCount} 处需要修改</Typography.Text>}
          <Button onClick={reload} disabled={saving}>
            放弃修改
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save}>
            保存 {year} 年安排
          </Button>
        </Flex>
      </Flex>
      <Typography.Text type="secondary">
        {year - 1} 年 12 月 25 日至 31 日的元旦调休也录入在 {year}{' '}
        年中；保存将整体替换该年度的记录，并写入审计日志。
      </Typography.Text>
    </Flex>
  );
}
