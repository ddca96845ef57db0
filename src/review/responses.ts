/** What the review routes answer: the review view, experts, the pool, assessments, certificates. */
import Type from 'typebox';
import { Nullable, Paged, strict } from '../platform/http/schemas.ts';

const S = Type.String();

const Opinion = Type.Object({ score: Type.Optional(Type.Integer()), opinion: S }, strict);

export const ReviewView = Type.Object(
  {
    stepId: Nullable(S),
    stepName: Nullable(S),
    stepOpen: Type.Boolean(),
    requiresSharingOpinion: Type.Boolean(),
    review: Nullable(
      Type.Object(
        {
          opinions: Type.Record(S, Opinion),
          sharingAnalysisOpinion: Nullable(S),
          findings: Type.Record(S, Type.Boolean()),
          reviewerName: S,
          updatedAt: S,
          version: Type.Integer(),
        },
        strict,
      ),
    ),
    lastAssessment: Nullable(
      Type.Object(
        { year: Type.Integer(), score: Type.Integer(), grade: S, gradeName: S, summary: S },
        strict,
      ),
    ),
  },
  strict,
);

export const ExpertAssignmentItem = Type.Object(
  {
    id: S,
    userId: S,
    name: S,
    kind: S,
    kindName: S,
    field: Nullable(S),
    fieldName: Nullable(S),
    assignedAt: S,
    opinion: Nullable(S),
    conclusion: Nullable(S),
    conclusionName: Nullable(S),
    opinionAt: Nullable(S),
    verified: Nullable(Type.Boolean()),
  },
  strict,
);
export const ExpertAssignmentList = Type.Object({ items: Type.Array(ExpertAssignmentItem) }, strict);

export const ExpertProfileList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          userId: S,
          name: S,
          username: S,
          fields: Type.Array(S),
          fieldNames: Type.Array(S),
          employerOrganisationId: Nullable(S),
          employerName: Nullable(S),
          title: S,
          jurisdictionName: S,
        },
        strict,
      ),
    ),
    candidates: Type.Array(Type.Object({ userId: S, name: S, username: S, role: S }, strict)),
    total: Type.Optional(Type.Integer({ description: '符合条件的专家总数（带 limit 时）' })),
    limit: Type.Optional(Type.Integer()),
    offset: Type.Optional(Type.Integer()),
  },
  strict,
);

export const AssessmentList = Paged(
  Type.Object(
    {
      id: S,
      organisationId: S,
      organisationName: S,
      year: Type.Integer(),
      score: Type.Integer(),
      grade: S,
      gradeName: S,
      summary: S,
    },
    strict,
  ),
  { echo: true },
);

export const CertificateList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: S,
          kind: S,
          kindName: S,
          number: S,
          issuedOn: S,
          revoked: Type.Boolean(),
          verified: Type.Boolean(),
          keyId: S,
        },
        strict,
      ),
    ),
  },
  strict,
);
