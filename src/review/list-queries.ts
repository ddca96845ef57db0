/** Query strings of the review's lists (issue 11): out-of-range paging is a 400 at its field, never clamped. */
import Type from 'typebox';
import { Literals, pagingQuery, strict, Uuid } from '../platform/http/schemas.ts';
import { EXPERT_FIELD_CODES } from '../projects/index.ts';

const Jurisdiction = Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,15}$', description: '行政区划代码' });

/** GET /api/experts: without `limit` the whole library as before (the review page's selector). */
export const ExpertListQuery = Type.Object(
  {
    jurisdiction: Type.Optional(Jurisdiction),
    q: Type.Optional(Type.String({ maxLength: 50, description: '姓名包含' })),
    field: Type.Optional(Literals(EXPERT_FIELD_CODES)),
    sort: Type.Optional(Literals(['name', '-name'] as const)),
    ...pagingQuery({ max: 100 }),
  },
  strict,
);

/** GET /api/department-assessments: one page (limit 1–100, default 25). */
export const AssessmentListQuery = Type.Object(
  {
    organisationId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    q: Type.Optional(Type.String({ maxLength: 50, description: '部门名称包含' })),
    ...pagingQuery({ max: 100, defaultLimit: 25 }),
  },
  strict,
);
