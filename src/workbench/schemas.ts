import { Type } from 'typebox';

const strict = { additionalProperties: false } as const;
const S = Type.String();
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A search fragment: at least one character, never trimmed into something else silently. */
const Fragment = Type.String({ minLength: 1, maxLength: 50, description: '名称或编码中的片段，如“证照”' });

export const WorkbenchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  strict,
);

export const DoneList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          actionId: Type.Integer(),
          at: S,
          kind: S,
          kindName: S,
          stepName: Nullable(S),
          outcomeName: Nullable(S),
          opinion: Nullable(S),
          projectId: S,
          projectCode: S,
          projectName: S,
          stateName: S,
        },
        strict,
      ),
    ),
    total: Type.Integer(),
  },
  strict,
);

export const StartedList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          projectId: S,
          projectCode: S,
          projectName: S,
          ownerName: S,
          state: S,
          stateName: S,
          totalBudget: S,
          createdAt: S,
          updatedAt: S,
        },
        strict,
      ),
    ),
    total: Type.Integer(),
  },
  strict,
);

export const SearchQuery = Type.Object({ q: Fragment }, strict);

const Hit = Type.Object({ kind: S, id: S, title: S, code: Nullable(S), subtitle: S, path: S }, strict);

export const SearchResult = Type.Object(
  {
    q: S,
    groups: Type.Array(
      Type.Object({ kind: S, kindName: S, total: Type.Integer(), items: Type.Array(Hit) }, strict),
    ),
  },
  strict,
);
