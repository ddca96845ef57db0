/**
 * The working-day calendar over HTTP: the years and their holiday arrangements, the sys_admin's
 * entry of a newly published year (e.g. 2027 once the State Council publishes it), and a deadline
 * calculator that says when a result is provisional because a year is still unknown.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CalendarResult, WorkingDayCalendar } from '../../shared/dates/types.ts';
import { commandContext } from '../identity/index.ts';
import { chinaDate } from '../platform/clock.ts';
import type { CommandDeps } from '../platform/command.ts';
import { errors } from '../platform/http/schemas.ts';
import { arrangementProblems } from './arrangement.ts';
import { saveYear } from './commands/save-year.ts';
import { getCalendarYear, listCalendarYears, loadCalendar } from './repository.ts';
import { type HolidayProblem, validateHolidayYear } from './validate.ts';

const TAGS = ['工作日日历'];
const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CALENDAR_UNITS = ['working_days', 'calendar_days', 'calendar_months'] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

const YearParams = Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2199 }) }, strict);

const YearSummary = Type.Object(
  {
    year: Type.Integer(),
    known: Type.Boolean({ description: '是否已有国务院办公厅公布的该年度放假安排' }),
    source: Nullable(Type.String({ description: 'chinese-days（初始数据）或 admin（管理员录入）' })),
    publishedRef: Nullable(Type.String({ description: '发布文号，如 国办发明电〔2026〕x号' })),
    updatedAt: Nullable(Type.String()),
    holidays: Type.Integer({ description: '放假日数' }),
    workdays: Type.Integer({ description: '调休上班日数' }),
  },
  strict,
);

const HolidayRowOut = Type.Object(
  {
    date: Type.String(),
    kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
    name: Type.String(),
    source: Type.String(),
  },
  strict,
);

const YearDetail = Type.Object(
  {
    year: Type.Integer(),
    known: Type.Boolean(),
    source: Nullable(Type.String()),
    publishedRef: Nullable(Type.String()),
    updatedAt: Nullable(Type.String({ description: '乐观锁令牌：保存时原样提交' })),
    rows: Type.Array(HolidayRowOut),
  },
  strict,
);

const Problem = Type.Object(
  {
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    code: Type.String(),
    row: Nullable(Type.Integer()),
    field: Nullable(Type.String({ description: '出错的字段，如 rows.3.date' })),
    message: Type.String(),
  },
  strict,
);

/** The error contract plus every problem found, so the editor can mark each field. */
const ProblemsErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    article: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Problem)),
  },
  strict,
);

const SaveBody = Type.Object(
  {
    rows: Type.Array(
      // Types only: the dates, kinds and names are checked by validateHolidayYear, which reports
      // every problem at once in Chinese.
      Type.Object(
        {
          date: Type.String({ maxLength: 20 }),
          kind: Type.String({ maxLength: 20 }),
          name: Type.String({ maxLength: 100 }),
        },
        strict,
      ),
      { maxItems: 120 },
    ),
    // Checked by the handler (not minLength) so a missing 文号 is listed with the rows' problems.
    publishedRef: Type.String({ maxLength: 100, description: '发布文号，如 国办发明电〔2026〕x号' }),
    updatedAt: Type.Optional(
      Nullable(
        Type.String({
          format: 'date-time',
          description: '乐观锁：已存储的年度须提交载入时的 updatedAt；尚未存储的年度为 null 或省略',
        }),
      ),
    ),
  },
  strict,
);

interface PresentedProblem {
  severity: 'error' | 'warning';
  code: string;
  row: number | null;
  field: string | null;
  message: string;
}

/** `{ row: 3, field: 'date' }` → `rows.3.date`, the way the error contract names fields. */
function presentProblem(p: HolidayProblem): PresentedProblem {
  return {
    severity: p.severity,
    code: p.code,
    row: p.row,
    field: p.row === null ? null : p.field ? `rows.${p.row}.${p.field}` : `rows.${p.row}`,
    message: p.message,
  };
}

export function computeDate(
  calendar: WorkingDayCalendar,
  from: string,
  amount: number,
  unit: CalendarUnit,
): CalendarResult {
  switch (unit) {
    case 'working_days':
      return calendar.addWorkingDays(from, amount);
    case 'calendar_days':
      return calendar.addCalendarDays(from, amount);
    case 'calendar_months':
      return calendar.addCalendarMonths(from, amount);
  }
}

export function registerCalendarRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/calendar/years',
    {
      schema: {
        tags: TAGS,
        summary: '节假日年度列表（含是否已知、放假与调休天数）',
        response: { 200: Type.Object({ items: Type.Array(YearSummary) }, strict), ...errors },
      },
    },
    async () => {
      const thisYear = Number(chinaDate(deps.clock.now()).slice(0, 4));
      return { items: await listCalendarYears(deps.db, [thisYear, thisYear + 1]) };
    },
  );

  typed.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: TAGS,
        summary: '某年度的放假与调休安排',
        params: YearParams,
        response: { 200: YearDetail, ...errors },
      },
    },
    async (req) => {
      const { year } = req.params;
      return getCalendarYear(deps.db, year);
    },
  );

  typed.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: TAGS,
        summary: '录入或更正某年度的放假安排（整体替换；乐观锁：须提交载入时的 updatedAt）',
        params: YearParams,
        body: SaveBody,
        response: {
          200: Type.Object({ year: YearDetail, warnings: Type.Array(Problem) }, strict),
          ...errors,
          400: ProblemsErrorBody,
        },
      },
    },
    async (req, reply) => {
      const { year } = req.params;
      const body = req.body;
      const problems: PresentedProblem[] = [
        ...validateHolidayYear(year, body.rows),
        ...arrangementProblems(year, body.rows),
      ]
        .sort((a, b) => (a.row ?? -1) - (b.row ?? -1))
        .map(presentProblem);
      const publishedRef = body.publishedRef.trim();
      if (publishedRef === '') {
        problems.unshift({
          severity: 'error',
          code: 'PUBLISHED_REF_REQUIRED',
          row: null,
          field: 'publishedRef',
          message: '请填写发布文号，如“国办发明电〔2026〕x号”',
        });
      }
      const errorsFound = problems.filter((p) => p.severity === 'error');
      if (errorsFound.length > 0) {
        const first = errorsFound[0];
        return reply.status(400).send({
          code: 'HOLIDAY_ROWS_INVALID',
          message:
            errorsFound.length === 1
              ? first.message
              : `${first.message}（另有 ${errorsFound.length - 1} 处问题）`,
          ...(first.field ? { field: first.field } : {}),
          requestId: String(req.id),
          problems,
        });
      }
      const rows = body.rows as { date: string; kind: 'holiday' | 'workday'; name: string }[];
      await saveYear(
        deps,
        commandContext(req),
        { year, rows, publishedRef, updatedAt: body.updatedAt ?? null },
        problems.length,
      );
      return { year: await getCalendarYear(deps.db, year), warnings: problems };
    },
  );

  typed.get(
    '/api/calendar/compute',
    {
      schema: {
        tags: TAGS,
        summary: '期限计算：起算日加若干工作日、自然日或月（跨越未知年度时 known 为 false）',
        querystring: Type.Object(
          {
            from: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: '起算日 YYYY-MM-DD' }),
            amount: Type.Integer({ minimum: 0, maximum: 10000 }),
            unit: Type.Union(CALENDAR_UNITS.map((u) => Type.Literal(u))),
          },
          strict,
        ),
        response: {
          200: Type.Object(
            {
              from: Type.String(),
              amount: Type.Integer(),
              unit: Type.String(),
              date: Type.String({ description: '到期日（known 为 false 时仅供参考）' }),
              known: Type.Boolean({ description: '计算所经年度是否都有节假日数据' }),
              unknownYears: Type.Array(Type.Integer()),
            },
            strict,
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const calendar = await loadCalendar(deps.db);
      const result = computeDate(calendar, q.from, q.amount, q.unit);
      return { from: q.from, amount: q.amount, unit: q.unit, ...result };
    },
  );
}
