/**
 * Request and response schemas of the public routes (→ OpenAPI → web/src/api/schema.ts). The login
 * page's facts and the open resource are defined here; the 公示, questionnaire and evaluation
 * schemas are their owning modules' (they share parts with those modules' signed-in routes) and
 * come through each module's index.ts, so each answer's shape stays next to the query that builds it.
 */
import { Type } from 'typebox';
import { ErrorBody, Paged, pagingQuery } from '../platform/http/schemas.ts';

export { PublicEvaluationQuery, PublicEvaluationResults } from '../evaluation/index.ts';
export {
  NoticeParams,
  ObjectionBody,
  ObjectionCreated,
  PublicNoticeDetail,
  PublicNoticeList,
  PublicNoticeQuery,
} from '../funds/index.ts';
export {
  PublicQuestionnaireView,
  QuestionnaireAnswerBody,
  QuestionnaireAnswered,
  QuestionnaireSlugParams,
} from '../questionnaire/index.ts';

const strict = { additionalProperties: false } as const;

// ---- the login page ----------------------------------------------------------------------------

const DemoAccount = Type.Object(
  {
    username: Type.String(),
    password: Type.String(),
    displayName: Type.String(),
    roleNames: Type.Array(Type.String()),
    jurisdictionName: Type.String(),
    organisationName: Type.String(),
  },
  strict,
);

export const LoginInfo = Type.Object(
  { demo: Type.Boolean(), platformName: Type.String(), demoAccounts: Type.Array(DemoAccount) },
  strict,
);

// ---- open resources (信息资源目录, 开放属性) -----------------------------------------------------

export const PublicResource = Type.Object(
  {
    code: Type.String({ description: '资源代码' }),
    category: Type.String(),
    name: Type.String(),
    providerName: Type.String({ description: '资源提供方（单位）' }),
    jurisdictionName: Type.String(),
    summary: Type.String(),
    formatClass: Type.String(),
    formatType: Type.Union([Type.String(), Type.Null()]),
    openness: Type.String({ description: 'unconditional 无条件开放 | conditional 有条件开放' }),
    openConditions: Type.Union([Type.String(), Type.Null()]),
    updateCycle: Type.String(),
    publishedDate: Type.Union([Type.String(), Type.Null()]),
    dataItems: Type.Array(
      Type.Object(
        { name: Type.String(), dataType: Type.String(), length: Type.Union([Type.Integer(), Type.Null()]) },
        strict,
      ),
    ),
  },
  strict,
);

export const PublicResourcePage = Paged(PublicResource);

export const PublicResourceQuery = Type.Object(
  {
    keyword: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    ...pagingQuery({ max: 100, defaultLimit: 20, maxOffset: 100_000 }),
  },
  strict,
);

export const ResourceCodeParams = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{9}[/-][0-9]{6}$' }) },
  strict,
);

// ---- errors --------------------------------------------------------------------------------------

/** The open resources: a bad query, an unknown or unopened code, too many requests. */
export const resourceErrors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };
/** 公示 and questionnaires: also 409 (the publicity ended, already answered today). */
export const publicErrors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
/** The published results: a bad page, too many requests. */
export const resultsErrors = { 400: ErrorBody, 429: ErrorBody };
