/** Response schemas of the operations routes: plans, data responsibility, internal rules, base libraries, cloud, monitoring. */
import { Type } from 'typebox';
import { strict } from '../../platform/http/schemas.ts';
import { Int, N, paged, S, Time } from './atoms.ts';

export const PlanPage = paged(
  Type.Object(
    {
      id: S,
      title: S,
      organisationId: S,
      organisationName: S,
      systemId: N(S),
      systemName: N(S),
      currentVersion: Int,
      updatedAt: Time,
      version: Int,
      versions: Type.Array(
        Type.Object(
          { number: Int, documentNumber: S, summary: S, adoptedOn: S, contractorOrganisationName: N(S) },
          strict,
        ),
      ),
      drills: Type.Array(
        Type.Object(
          {
            id: S,
            plannedOn: S,
            scenario: S,
            heldOn: N(S),
            participants: N(S),
            findings: N(S),
            version: Int,
            overdue: Type.Boolean(),
          },
          strict,
        ),
      ),
    },
    strict,
  ),
);
export const ResponsibilityPage = paged(
  Type.Object(
    {
      resourceId: S,
      code: S,
      name: S,
      state: S,
      providerOrganisationName: S,
      collectorOrganisationId: N(S),
      collectorOrganisationName: N(S),
      checkerOrganisationId: N(S),
      checkerOrganisationName: N(S),
      responsibleOrganisationId: N(S),
      responsibleOrganisationName: N(S),
      usageNote: N(S),
      version: N(Int),
      principle: N(S),
      articles: Type.Array(S),
      required: Type.Array(S),
      missing: Type.Array(S),
    },
    strict,
  ),
);
export const InternalRulesView = Type.Object(
  {
    labels: Type.Record(S, S),
    items: Type.Array(
      Type.Object(
        {
          id: S,
          name: S,
          articles: Type.Array(S),
          rules: Type.Array(
            Type.Object({ kind: S, title: S, documentNumber: N(S), issuedOn: S, version: Int }, strict),
          ),
          missing: Type.Array(S),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const BaseLibrariesView = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          jurisdictionId: S,
          jurisdictionName: S,
          kind: S,
          label: S,
          articles: Type.Array(S),
          responsibleOrganisationId: N(S),
          responsibleOrganisationName: N(S),
          resources: Type.Array(Type.Object({ id: S, code: S, name: S }, strict)),
          version: N(Int),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const CloudView = Type.Object(
  {
    departments: Type.Array(
      Type.Object(
        {
          organisationId: S,
          organisationName: S,
          systems: Int,
          onCloud: Int,
          exempt: Int,
          pendingExemption: Int,
          handedOver: Int,
          toMigrate: Int,
        },
        strict,
      ),
    ),
    exemptions: Type.Array(
      Type.Object(
        {
          id: S,
          systemId: S,
          systemCode: S,
          systemName: S,
          organisationName: S,
          ground: S,
          reason: S,
          status: S,
          requestedAt: Time,
          requestedBy: S,
          requestedByName: S,
          decisionNote: N(S),
          version: Int,
          mine: Type.Boolean(),
        },
        strict,
      ),
    ),
  },
  strict,
);

export const MonitoringView = Type.Object(
  {
    systemId: S,
    systemName: S,
    status: S,
    required: Type.Boolean(),
    articles: Type.Array(S),
    wording: N(S),
    lookbackDays: Int,
    entries: Type.Array(
      Type.Object(
        {
          id: S,
          monitoredOn: S,
          status: S,
          resourceCode: N(S),
          finding: N(S),
          handler: S,
          recordedByName: S,
          recordedAt: Time,
        },
        strict,
      ),
    ),
    missingDays: Type.Array(S),
  },
  strict,
);
export const MonitoringGapPage = Type.Object(
  {
    date: S,
    items: Type.Array(
      Type.Object(
        { id: S, code: S, name: S, organisationId: S, organisationName: S, articles: Type.Array(S) },
        strict,
      ),
    ),
    total: Int,
    limit: Int,
    offset: Int,
  },
  strict,
);
export const IndustryCloudPage = paged(
  Type.Object(
    {
      systemId: S,
      code: S,
      name: S,
      deployment: S,
      organisationId: S,
      organisationName: S,
      id: N(S),
      cloudName: N(S),
      operatorName: N(S),
      state: N(S),
      plannedBy: N(S),
      completedOn: N(S),
      note: N(S),
      version: N(Int),
      required: Type.Boolean(),
      articles: Type.Array(S),
      unplanned: Type.Boolean(),
      overdue: Type.Boolean(),
    },
    strict,
  ),
);
