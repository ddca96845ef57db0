/**
 * 查重 request and response schemas (TypeBox → validation and OpenAPI).
 */

import { Type } from 'typebox';
import { Literals, VersionInput } from '../platform/http/schemas.ts';

const strict = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CheckBody = Type.Object(
  {
    name: Type.String({ maxLength: 200, description: '拟建项目（系统）名称' }),
    summary: Type.Optional(Type.String({ maxLength: 4000, description: '建设内容、目的' })),
    functions: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200, description: '功能清单，每项一个功能' }),
    ),
    dataItems: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500, description: '拟采集的数据项' }),
    ),
    jurisdictionId: Type.Optional(Uuid),
  },
  strict,
);

const Mark = Type.Object(
  {
    field: Literals(['name', 'text', 'items']),
    index: Type.Optional(Type.Integer()),
    start: Type.Integer(),
    end: Type.Integer(),
  },
  strict,
);

const Candidate = Type.Object(
  { name: Type.String(), text: Type.String(), items: Type.Array(Type.String()) },
  strict,
);

const HitFields = {
  kind: Literals(['system', 'project', 'resource', 'unified', 'negative']),
  kindName: Type.String(),
  name: Type.String(),
  detail: Nullable(Type.String()),
  score: Type.Number(),
  level: Literals(['high', 'partial']),
  levelName: Type.String(),
  phrases: Type.Array(Type.String()),
  queryMarks: Type.Array(Mark),
  candidateMarks: Type.Array(Mark),
  candidate: Candidate,
};

export const CheckHit = Type.Object({ id: Type.String(), ...HitFields }, strict);

export const CheckResult = Type.Object(
  {
    jurisdictionId: Type.String(),
    indexed: Type.Integer({ description: '参与比对的索引条目数' }),
    hits: Type.Array(CheckHit),
  },
  strict,
);

export const StoredHit = Type.Object(
  {
    id: Type.String(),
    rank: Type.Integer(),
    targetId: Type.String(),
    ...HitFields,
    entryCode: Nullable(Type.String()),
    entryBasis: Nullable(Type.String()),
    acknowledgedAt: Nullable(Type.String()),
    acknowledgedByName: Nullable(Type.String()),
    acknowledgementNote: Nullable(Type.String()),
    version: Type.Integer(),
  },
  strict,
);

export const ProjectChecks = Type.Object(
  {
    /** Whether the caller may acknowledge hits now (the open review step is theirs). */
    canAcknowledge: Type.Boolean(),
    checks: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          submissionSeq: Type.Integer(),
          checkedAt: Type.String(),
          input: Candidate,
          highCount: Type.Integer(),
          partialCount: Type.Integer(),
          hits: Type.Array(StoredHit),
        },
        strict,
      ),
    ),
  },
  strict,
);

export const ProjectParams = Type.Object({ id: Uuid }, strict);
export const HitParams = Type.Object({ id: Uuid, hitId: Uuid }, strict);

export const AcknowledgeBody = Type.Object(
  {
    note: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: '处理意见：不予建设、合并建设或复用的理由',
    }),
    version: VersionInput,
  },
  strict,
);

export const ListEntry = Type.Object(
  {
    id: Type.String(),
    jurisdictionId: Type.String(),
    jurisdictionName: Type.String(),
    list: Literals(['unified', 'negative']),
    listName: Type.String(),
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    phrases: Type.Array(Type.String()),
    basis: Type.String(),
    active: Type.Boolean(),
    updatedAt: Type.String(),
    version: Type.Integer(),
  },
  strict,
);

export const ListEntries = Type.Object({ items: Type.Array(ListEntry) }, strict);

export const ListQuery = Type.Object({ list: Type.Optional(Literals(['unified', 'negative'])) }, strict);

const entryFields = {
  code: Type.String({ minLength: 1, maxLength: 40, description: '条目编号' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  phrases: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    maxItems: 50,
    description: '关键词：申报内容完整包含其中之一即命中',
  }),
  basis: Type.Optional(Type.String({ maxLength: 500, description: '依据（条款或文件）' })),
  active: Type.Optional(Type.Boolean()),
};

export const CreateEntryBody = Type.Object(
  { list: Literals(['unified', 'negative']), jurisdictionId: Type.Optional(Uuid), ...entryFields },
  strict,
);

export const UpdateEntryBody = Type.Object({ ...entryFields, version: VersionInput }, strict);

export type CheckInput = {
  name: string;
  summary?: string;
  functions?: string[];
  dataItems?: string[];
  jurisdictionId?: string;
};
export type EntryInput = {
  code: string;
  name: string;
  description?: string;
  phrases: string[];
  basis?: string;
  active?: boolean;
};
