/** Response schemas of the project, review and plan routes (they also feed the OpenAPI document). */
import Type from 'typebox';
import { Nullable, Paged, strict } from '../platform/http/schemas.ts';

const S = Type.String();
const Id = Type.Object({ id: S, name: S }, strict);

const OpenStep = Type.Object(
  {
    stepId: S,
    name: S,
    stage: S,
    stageName: S,
    applicant: Type.Boolean(),
    actorName: S,
    articles: Type.Array(S),
    citation: S,
    action: Nullable(S),
    actionName: Nullable(S),
    canAct: Type.Boolean(),
    /** When the current work arrived (催办 does not move it), working days waited, the due date. */
    since: S,
    waitedWorkdays: Nullable(Type.Integer()),
    dueDate: Nullable(S),
    deadlineName: Nullable(S),
    deadlineArticles: Type.Array(S),
    calendarKnown: Type.Boolean(),
    remainingWorkdays: Nullable(Type.Integer()),
    overdue: Type.Boolean(),
    holder: Nullable(Type.Object({ userId: S, name: S }, strict)),
    outcomes: Type.Array(
      Type.Object({ event: S, name: S, normal: Type.Boolean(), refuses: Type.Boolean() }, strict),
    ),
    gates: Type.Array(
      Type.Object(
        {
          gateId: S,
          name: S,
          passed: Type.Boolean(),
          applicable: Type.Boolean(),
          severity: S,
          reason: S,
          article: S,
          citation: S,
        },
        strict,
      ),
    ),
    materials: Type.Array(
      Type.Object(
        { code: S, name: S, requirement: S, provided: Type.Boolean(), issued: Type.Boolean(), article: S },
        strict,
      ),
    ),
    findings: Type.Array(
      Type.Object(
        { fact: S, label: S, value: Nullable(Type.Boolean()), found: Type.Boolean(), reason: Nullable(S) },
        strict,
      ),
    ),
    missingMaterials: Type.Array(Type.Object({ code: S, name: S, article: S, citation: S }, strict)),
  },
  strict,
);

export const ProjectDetail = Type.Object(
  {
    id: S,
    code: S,
    name: S,
    type: S,
    typeName: S,
    category: S,
    categoryName: S,
    fundingMode: S,
    fundingModeName: S,
    summary: S,
    jurisdiction: Type.Object({ id: S, code: S, name: S }, strict),
    rulebook: Type.Object({ code: S, version: Type.Integer(), name: S, title: S }, strict),
    owner: Id,
    coBuilders: Type.Array(Id),
    plan: Nullable(
      Type.Object(
        {
          entryId: S,
          planId: S,
          planTitle: S,
          planApproved: Type.Boolean(),
          projectName: S,
          year: Type.Integer(),
          estimatedBudget: S,
        },
        strict,
      ),
    ),
    planned: Type.Boolean(),
    parent: Nullable(Type.Object({ id: S, code: S, name: S }, strict)),
    shareOfParent: Nullable(S),
    shareBudget: Nullable(S),
    children: Type.Array(
      Type.Object(
        { id: S, code: S, name: S, jurisdictionName: S, shareOfParent: Nullable(S), shareBudget: S },
        strict,
      ),
    ),
    totalBudget: S,
    budgetByYear: Type.Array(Type.Object({ year: Type.Integer(), amount: S }, strict)),
    systems: Type.Array(
      Type.Object(
        {
          systemId: Nullable(S),
          code: Nullable(S),
          name: S,
          relation: S,
          relationName: S,
          status: Nullable(S),
          inCatalog: Type.Boolean(),
        },
        strict,
      ),
    ),
    resources: Type.Array(
      Type.Object({ resourceId: S, code: S, name: S, relation: S, relationName: S }, strict),
    ),
    cloudServices: Type.Array(Type.Object({ serviceId: Nullable(S), name: S }, strict)),
    dedicatedNetwork: Type.Boolean(),
    dedicatedNetworkBasis: Nullable(S),
    classified: Type.Boolean(),
    requiredFields: Type.Array(S),
    projectOwner: Nullable(Type.Object({ name: S, title: S, phone: Nullable(S) }, strict)),
    performanceTargets: Type.Array(Type.Object({ indicator: S, target: S }, strict)),
    declarations: Type.Record(S, Type.Boolean()),
    state: S,
    stateName: S,
    submissionCount: Type.Integer(),
    version: Type.Integer(),
    createdAt: S,
    updatedAt: S,
    workflow: Type.Object(
      {
        status: S,
        steps: Type.Array(
          Type.Object(
            {
              stepId: S,
              name: S,
              stage: S,
              stageName: S,
              status: S,
              actorName: S,
              outcome: Nullable(Type.Object({ event: S, name: S, at: S }, strict)),
              articles: Type.Array(S),
              inScope: Type.Boolean(),
            },
            strict,
          ),
        ),
        openSteps: Type.Array(OpenStep),
        reviewStepId: Nullable(S),
        filingStepId: Nullable(S),
        requiresSharingOpinion: Type.Boolean(),
      },
      strict,
    ),
    materials: Type.Array(
      Type.Object(
        {
          id: S,
          materialCode: S,
          materialName: S,
          stepId: Nullable(S),
          originalName: S,
          kind: S,
          size: Type.Integer(),
          sha256: S,
          sm3: S,
          uploadedAt: S,
          uploadedBy: S,
        },
        strict,
      ),
    ),
    applicationMaterials: Type.Array(
      Type.Object(
        { code: S, name: S, required: Type.Boolean(), provided: Type.Boolean(), article: Nullable(S) },
        strict,
      ),
    ),
    certificates: Type.Array(
      Type.Object(
        { id: S, kind: S, number: S, issuedOn: S, revoked: Type.Boolean(), verified: Type.Boolean() },
        strict,
      ),
    ),
    permissions: Type.Object(
      {
        canEdit: Type.Boolean(),
        canSubmit: Type.Boolean(),
        canWithdraw: Type.Boolean(),
        canSeeReview: Type.Boolean(),
        canReview: Type.Boolean(),
        canAssignExperts: Type.Boolean(),
        canGiveExpertOpinion: Type.Boolean(),
      },
      strict,
    ),
  },
  { ...strict, title: '项目' },
);

export const ProjectListItem = Type.Object(
  {
    id: S,
    code: S,
    name: S,
    typeName: S,
    jurisdictionName: S,
    ownerName: S,
    totalBudget: S,
    state: S,
    stateName: S,
    planned: Type.Boolean(),
    openSteps: Type.Array(Type.Object({ stepId: S, name: S }, strict)),
    updatedAt: S,
  },
  strict,
);

export const ProjectList = Paged(ProjectListItem);

export const TimelineItem = Type.Object(
  {
    id: Type.Integer(),
    at: S,
    kind: S,
    kindName: S,
    stepId: Nullable(S),
    stepName: Nullable(S),
    event: Nullable(S),
    outcomeName: Nullable(S),
    targetStepId: Nullable(S),
    targetStepName: Nullable(S),
    actorName: S,
    roleName: S,
    organisationName: S,
    opinion: Nullable(S),
    details: Nullable(Type.Record(S, Type.Unknown())),
    voided: Type.Boolean(),
    signed: Type.Boolean(),
    verified: Nullable(Type.Boolean()),
  },
  strict,
);
export const Timeline = Type.Object({ items: Type.Array(TimelineItem) }, strict);

export const SubmissionSummary = Type.Object(
  { seq: Type.Integer(), submittedAt: S, submittedBy: S, snapshotHash: S },
  strict,
);
export const SubmissionList = Type.Object({ items: Type.Array(SubmissionSummary) }, strict);
export const SubmissionDetail = Type.Object(
  {
    seq: Type.Integer(),
    submittedAt: S,
    submittedBy: S,
    snapshotHash: S,
    snapshot: Type.Record(S, Type.Unknown()),
    previousSeq: Nullable(Type.Integer()),
    changes: Type.Array(
      Type.Object(
        {
          path: S,
          label: S,
          kind: S,
          before: Type.Optional(Type.Unknown()),
          after: Type.Optional(Type.Unknown()),
        },
        strict,
      ),
    ),
  },
  strict,
);

export const Created = Type.Object({ id: S }, strict);

export const Colleagues = Type.Object(
  { items: Type.Array(Type.Object({ userId: S, name: S }, strict)) },
  strict,
);
