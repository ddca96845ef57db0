/**
 * Request and response schemas of the questionnaire routes. Every input string, number and array
 * is bounded; bodies reject unknown fields; status changes only through publish and close.
 */
import Type from 'typebox';
import { Nullable, pagingQuery, strict, Uuid, VersionInput } from '../platform/http/schemas.ts';
import { DEVICE_ID_PATTERN, LIMITS, QUESTION_KINDS } from './model.ts';

/** One of `values` (typed: the route handlers' answers are checked against it). */
const Literals = <T extends string>(values: readonly T[]) => Type.Enum([...values]);
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const IsoDate = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD' });
const Phase = Literals(['draft', 'scheduled', 'open', 'ended', 'closed']);
const Kind = Literals(QUESTION_KINDS);

export const IdParams = Type.Object({ id: Uuid }, strict);
export const SlugParams = Type.Object(
  { slug: Type.String({ pattern: '^[a-z0-9]{6,20}$', maxLength: 20 }) },
  strict,
);

const QuestionIn = Type.Object(
  {
    kind: Kind,
    prompt: Text(LIMITS.prompt, 1),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Text(LIMITS.option, 1), { maxItems: LIMITS.options })),
  },
  strict,
);
const Design = {
  title: Text(LIMITS.title, 1),
  intro: Type.Optional(Text(LIMITS.intro)),
  questions: Type.Array(QuestionIn, { minItems: 1, maxItems: LIMITS.questions }),
};

export const CreateBody = Type.Object({ systemId: Uuid, year: Year, ...Design }, strict);
export const UpdateBody = Type.Object({ ...Design, version: VersionInput }, strict);
export const PublishBody = Type.Object({ startsOn: IsoDate, endsOn: IsoDate, version: VersionInput }, strict);
export const CloseBody = Type.Object({ version: VersionInput }, strict);
export const ListQuery = Type.Object(
  {
    systemId: Type.Optional(Uuid),
    year: Type.Optional(Year),
    ...pagingQuery({ max: 200 }),
  },
  strict,
);

export const AnswerBody = Type.Object(
  {
    deviceId: Type.String({
      pattern: DEVICE_ID_PATTERN,
      maxLength: 64,
      description: '设备随机标识（仅用于每日一次）',
    }),
    answers: Type.Array(
      Type.Object(
        {
          questionId: Uuid,
          choice: Type.Optional(Type.Integer({ minimum: 0, maximum: LIMITS.options - 1 })),
          choices: Type.Optional(
            Type.Array(Type.Integer({ minimum: 0, maximum: LIMITS.options - 1 }), {
              maxItems: LIMITS.options,
            }),
          ),
          rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
          text: Type.Optional(Type.String({ maxLength: LIMITS.text })),
        },
        strict,
      ),
      { maxItems: LIMITS.questions },
    ),
  },
  strict,
);

const Question = Type.Object({
  id: Uuid,
  kind: Kind,
  prompt: Type.String(),
  required: Type.Boolean(),
  options: Type.Array(Type.String()),
});

const SummaryFields = {
  id: Uuid,
  title: Type.String(),
  year: Type.Integer(),
  status: Literals(['draft', 'published', 'closed']),
  phase: Phase,
  slug: Nullable(Type.String()),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  version: Type.Integer(),
  systemId: Uuid,
  systemName: Type.String(),
  systemCode: Type.String(),
  organisationName: Type.String(),
  responses: Type.Integer(),
};

export const Summary = Type.Object(SummaryFields);
export const Page = Type.Object({ total: Type.Integer(), items: Type.Array(Summary) });
export const Detail = Type.Object({
  ...SummaryFields,
  intro: Type.String(),
  questions: Type.Array(Question),
});
export const Created = Type.Object({ id: Uuid });
export const Published = Type.Object({ slug: Type.String() });
export const Ok = Type.Object({ ok: Type.Literal(true) });

export const Results = Type.Object({
  id: Uuid,
  title: Type.String(),
  responses: Type.Integer(),
  satisfaction: Nullable(Type.Number()),
  byDay: Type.Array(Type.Object({ day: Type.String(), responses: Type.Integer() })),
  questions: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Kind,
      prompt: Type.String(),
      required: Type.Boolean(),
      options: Type.Array(Type.String()),
      answered: Type.Integer(),
      counts: Type.Array(Type.Integer()),
      average: Nullable(Type.Number()),
      texts: Type.Array(Type.String()),
    }),
  ),
});

export const PublicView = Type.Object({
  title: Type.String(),
  intro: Type.String(),
  year: Type.Integer(),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  systemName: Type.String(),
  organisationName: Type.String(),
  phase: Phase,
  questions: Type.Array(Question),
});

/** The QR code of the public link (PNG bytes). */
export const Png = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '二维码 PNG' });
