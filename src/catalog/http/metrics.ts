/**
 * 只减不增 (DT-01): the live-system count of a jurisdiction per month, with the changes explained
 * and every increase flagged — for the authority and the other readers of the jurisdiction.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CommandDeps } from '../../platform/command.ts';
import { notFound } from '../../platform/errors.ts';
import { errors, strict } from '../../platform/http/schemas.ts';
import { monthlySystemCounts } from '../metrics.ts';
import { jurisdictionByCode, jurisdictionsByIds } from '../store/lookups.ts';
import { systemLives } from '../store/systems.ts';
import { callerFrom, TAGS } from './common.ts';

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Ref = Type.Object({ id: Type.String(), name: Type.String() }, strict);

const MonthlyCount = Type.Object(
  {
    month: Type.String(),
    count: Type.Integer({ description: '月末在册系统数' }),
    previousCount: Type.Integer(),
    change: Type.Integer(),
    added: Type.Array(Ref),
    retired: Type.Array(Ref),
    merged: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          name: Type.String(),
          into: Type.String(),
          intoName: Type.Optional(Type.String()),
        },
        strict,
      ),
    ),
    increased: Type.Boolean({ description: '总量较上月增加（违反只减不增，需说明理由）' }),
    article: Type.Literal('DT-01'),
    explanation: Type.String(),
  },
  strict,
);

/** `YYYY-MM` of a Date in China time, shifted by `delta` months. */
export function chinaMonth(now: Date, delta = 0): string {
  const shifted = new Date(now.getTime() + 8 * 3600 * 1000);
  const index = shifted.getUTCFullYear() * 12 + shifted.getUTCMonth() + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function registerMetricRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/catalog/metrics/system-count',
    {
      schema: {
        tags: TAGS.systems,
        summary: '只减不增（DT-01）：各月末在册系统数，增减原因及增加标记',
        querystring: Type.Object(
          {
            jurisdiction: Type.Optional(
              Type.String({
                pattern: '^[A-Z][A-Z0-9-]{1,15}$',
                description: '行政区划代码；默认本人所在辖区',
              }),
            ),
            from: Type.Optional(Month),
            to: Type.Optional(Month),
          },
          strict,
        ),
        response: {
          200: Type.Object(
            {
              jurisdiction: Type.Object(
                { id: Type.String(), code: Type.String(), name: Type.String() },
                strict,
              ),
              from: Type.String(),
              to: Type.String(),
              months: Type.Array(MonthlyCount),
              increases: Type.Integer({ description: '总量增加的月数' }),
            },
            strict,
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const query = req.query;
      const jurisdiction = query.jurisdiction
        ? await jurisdictionByCode(deps.db, query.jurisdiction)
        : (await jurisdictionsByIds(deps.db, caller.scope.readJurisdictions.slice(0, 1)))[0];
      if (!jurisdiction || !caller.scope.readJurisdictions.includes(jurisdiction.id)) {
        throw notFound('辖区不存在或无权查看');
      }
      const to = query.to ?? chinaMonth(caller.now);
      const from = query.from ?? chinaMonth(caller.now, -11);
      const months = monthlySystemCounts(
        await systemLives(deps.db, jurisdiction.id),
        jurisdiction.id,
        from,
        to,
      );
      return {
        jurisdiction: { id: jurisdiction.id, code: jurisdiction.code, name: jurisdiction.name },
        from,
        to,
        months,
        increases: months.filter((m) => m.increased).length,
      };
    },
  );
}
